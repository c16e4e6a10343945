"""Organisations and their domains in the admin, and "Mijn organisatie staat er niet bij": an official whose
organisation is not known asks for it, the library managers get a mail and a list, and once a manager adds the domain
the official is told and can register. Look-alike domains stay refused."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from apothekerskast.models import Organisation, OrganisationRequest
from tests.apothekerskast.builders import PASSWORD, make_organisation
from tests.markup import page_text

pytestmark = pytest.mark.django_db

FORM_URL = "/account/apothekerskast/organisatie-niet-gevonden/"
LISTING = "/admin/snippets/apothekerskast/organisation/"
REQUESTS = "/admin/organisatie-aanvragen/"


def ask(client, email="p.devries@houten.nl", **fields):
    data = {
        "name": "Petra de Vries",
        "organisation_name": "Gemeente Houten",
        "email": email,
        "reason": "Ik ben beleidsadviseur openbare orde en wil de toolkits gebruiken.",
        **fields,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(FORM_URL, data)


def sign_up(client, email):
    return client.post("/account/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def edit_domains(client, organisation, domains):
    """Save the organisation's edit form in the admin with exactly these domains (existing ones kept by id)."""
    existing = list(organisation.domains.all())
    forms = [{"id": domain.pk, "domain": domain.domain} for domain in existing]
    forms += [{"domain": domain} for domain in domains if domain not in {d.domain for d in existing}]
    data = nested_form_data(
        {"name": organisation.name, "kind": organisation.kind, "domains": inline_formset(forms, initial=len(existing))}
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"{LISTING}edit/{organisation.pk}/", data)


def test_the_listing_shows_every_domain_in_a_column_at_a_constant_query_count(client, manager, organisation):
    client.force_login(manager)
    make_organisation("Gemeente Zeist", "zeist.nl")
    response = client.get(LISTING)
    text = page_text(response)
    assert "E-maildomeinen" in text or "e-maildomeinen" in text
    assert "utrecht.nl" in text and "zeist.nl" in text
    with CaptureQueriesContext(connection) as few:
        client.get(LISTING)
    for number in range(5):
        make_organisation(f"Gemeente {number}", f"gemeente{number}.nl")
    with CaptureQueriesContext(connection) as many:
        client.get(LISTING)
    assert len(many) == len(few)


def test_a_manager_gives_an_organisation_several_domains(client, manager, organisation):
    client.force_login(manager)
    response = edit_domains(client, organisation, ["utrecht.nl", "veiligheidshuis-utrecht.nl"])
    assert response.status_code == 302
    assert sorted(organisation.domains.values_list("domain", flat=True)) == ["utrecht.nl", "veiligheidshuis-utrecht.nl"]
    assert "utrecht.nl, veiligheidshuis-utrecht.nl" in page_text(client.get(LISTING))


def test_the_refusal_links_to_the_form(client, organisation):
    response = sign_up(client, "jan@houten.nl")
    assert f'href="{FORM_URL}"' in response.content.decode()


def test_the_form_asks_for_name_organisation_address_and_reason(client, db):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    text = page_text(response)
    for label in ("Naam", "Organisatie", "Werkadres", "Toelichting"):
        assert label in text


def test_a_request_reaches_the_managers_and_makes_no_account(client, manager, organisation):
    response = ask(client)
    assert response.status_code == 302
    assert "Uw verzoek is verstuurd" in page_text(client.get(response.url))
    assert not get_user_model().objects.filter(email="p.devries@houten.nl").exists()
    request = OrganisationRequest.objects.get()
    assert (request.name, request.organisation_name, request.email) == (
        "Petra de Vries",
        "Gemeente Houten",
        "p.devries@houten.nl",
    )
    assert [message.to for message in mail.outbox] == [[manager.email]]
    assert "Gemeente Houten" in mail.outbox[0].body and "p.devries@houten.nl" in mail.outbox[0].body
    assert f"{settings.WAGTAILADMIN_BASE_URL}{REQUESTS}" in mail.outbox[0].body


def test_the_managers_see_the_requests_in_the_admin(client, manager, organisation):
    ask(client)
    client.force_login(manager)
    response = client.get(REQUESTS)
    assert response.status_code == 200
    text = page_text(response)
    assert "Gemeente Houten" in text and "p.devries@houten.nl" in text


def test_editors_do_not_see_the_requests(client, organisation):
    from tests.admin_users import make_admin_user

    ask(client)
    client.force_login(make_admin_user("redacteur@utrecht.nl", groups=["Redacteur"]))
    assert client.get(REQUESTS).status_code in (302, 403)


def test_bad_input_gets_dutch_errors_and_keeps_what_was_typed(client, manager):
    response = ask(client, email="geen-adres", reason="")
    assert response.status_code == 400
    text = page_text(response)
    assert "Voer een geldig e-mailadres in" in text
    assert "Petra de Vries" in response.content.decode()
    assert not OrganisationRequest.objects.exists()


def test_the_form_is_rate_limited(client, manager, rate_limits):
    statuses = [ask(client, email=f"p{number}@houten.nl").status_code for number in range(12)]
    assert statuses[0] == 302
    assert statuses[-1] == 429
    assert OrganisationRequest.objects.count() < 12


def test_once_the_domain_is_added_the_official_is_told_and_can_register(client, manager, organisation):
    ask(client)
    assert sign_up(client, "p.devries@houten.nl").status_code == 200
    assert not get_user_model().objects.filter(email="p.devries@houten.nl").exists()
    mail.outbox.clear()

    houten = Organisation.objects.create(name="Gemeente Houten", kind=Organisation.Kind.GEMEENTE)
    admin = client.__class__()
    admin.force_login(manager)
    edit_domains(admin, houten, ["houten.nl"])
    assert [message.to for message in mail.outbox] == [["p.devries@houten.nl"]]
    assert f"{settings.WAGTAILADMIN_BASE_URL}/account/signup/" in mail.outbox[0].body

    # Saving the organisation again tells nobody twice.
    edit_domains(admin, houten, ["houten.nl"])
    assert len(mail.outbox) == 1

    mail.outbox.clear()
    assert sign_up(client, "p.devries@houten.nl").status_code == 302
    assert get_user_model().objects.filter(email="p.devries@houten.nl").exists()


def test_a_domain_added_to_an_existing_organisation_tells_the_official_too(client, manager, organisation):
    ask(client, email="jan@utrecht-stad.nl", organisation_name="Gemeente Utrecht")
    mail.outbox.clear()
    client.force_login(manager)
    edit_domains(client, organisation, ["utrecht.nl", "utrecht-stad.nl"])
    assert [message.to for message in mail.outbox] == [["jan@utrecht-stad.nl"]]


@pytest.mark.parametrize("email", ["p@houten.nl.evil.com", "p@evilhouten.nl", "p@sub.houten.nl"])
def test_look_alike_domains_stay_refused(client, manager, email):
    houten = Organisation.objects.create(name="Gemeente Houten", kind=Organisation.Kind.GEMEENTE)
    houten.domains.create(domain="houten.nl")
    sign_up(client, email)
    assert not get_user_model().objects.filter(email=email).exists()
