"""A user an administrator creates in the admin gets an invitation: a mail naming the portal, with a link to set a
password. The address counts as verified: no second round. allauth's mails name the portal, not a host and port."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from editorial.roles import BEHEERDER, REDACTEUR
from tests.admin_users import make_admin_user
from tests.apothekerskast.builders import make_organisation

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "een-nieuw-en-lang-wachtwoord-2025"


@pytest.fixture(autouse=True)
def _clear_rate_limits(rate_limits):
    """allauth counts log-ins and password resets in the cache."""


def create_editor(client):
    client.force_login(make_admin_user("beheer@example.org", groups=[BEHEERDER]))
    response = client.post(
        "/admin/users/new/",
        {
            "email": "nieuwe.redacteur@example.org",
            "first_name": "Nieuwe",
            "last_name": "Redacteur",
            "password1": "",
            "password2": "",
            "groups": [Group.objects.get(name=REDACTEUR).pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return get_user_model().objects.get(email="nieuwe.redacteur@example.org")


def test_an_admin_created_user_gets_an_invitation_naming_the_portal(client):
    editor = create_editor(client)
    assert [message.to for message in mail.outbox] == [[editor.email]]
    invitation = mail.outbox[0]
    assert "Veiligheidscoalitie Midden-Nederland" in invitation.subject
    assert "Veiligheidscoalitie Midden-Nederland" in invitation.body
    assert "Hallo van" not in invitation.body
    assert f"{settings.WAGTAILADMIN_BASE_URL}/account/password/reset/key/" in invitation.body
    assert EmailAddress.objects.get(user=editor).verified


def test_the_invited_user_sets_a_password_and_logs_in_without_verifying_again(client):
    editor = create_editor(client)
    link = re.search(r"https?://\S+/account/password/reset/key/\S+", mail.outbox[0].body).group(0)
    mail.outbox.clear()
    response = client.get(urlsplit(link).path, follow=True)
    assert response.status_code == 200
    set_password_url = response.redirect_chain[-1][0] if response.redirect_chain else urlsplit(link).path
    response = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    client.logout()
    response = client.post("/account/login/", {"login": editor.email, "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(editor.pk)
    assert mail.outbox == []  # no verification mail


def test_allauth_mails_greet_with_the_portal_name_not_a_host_and_port(client):
    make_organisation()
    client.post("/account/signup/", {"email": "jan@utrecht.nl", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    body = mail.outbox[0].body
    assert not re.search(r"(Hallo van|Hello from) (testserver|127\.0\.0\.1)", body)
    assert "Veiligheidscoalitie Midden-Nederland" in body.split("\n")[0]
