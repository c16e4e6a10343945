"""The registration form on an event page: capacity, closing date, one registration per address, the admin list."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from events.registrations import EventRegistration
from tests.admin_users import make_admin_user
from tests.events.builders import make_event

pytestmark = pytest.mark.django_db


def register(client, event, email="anna@example.org"):
    return client.post(event.url, {"name": "Anna de Vries", "organisation": "Gemeente Utrecht", "email": email})


def test_a_visitor_registers_and_is_thanked(client, agenda):
    event = make_event(agenda, registration_form=True, capacity=10)
    response = register(client, event)
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}?aangemeld=1"
    registration = EventRegistration.objects.get()
    assert (registration.event_id, registration.name, registration.organisation, registration.email) == (
        event.pk, "Anna de Vries", "Gemeente Utrecht", "anna@example.org"
    )  # fmt: skip
    assert "u bent aangemeld" in client.get(response["Location"]).content.decode()


def test_registration_stops_at_capacity(client, agenda):
    event = make_event(agenda, registration_form=True, capacity=2)
    assert register(client, event, "a@example.org").status_code == 302
    assert register(client, event, "b@example.org").status_code == 302
    response = register(client, event, "c@example.org")
    assert response.status_code == 409
    assert EventRegistration.objects.filter(event=event).count() == 2
    html = client.get(event.url).content.decode()
    assert "Dit evenement is vol" in html and 'class="registration-form"' not in html


def test_registration_closes_at_the_closing_time(client, agenda):
    event = make_event(
        agenda, registration_form=True, registration_closes=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert register(client, event).status_code == 409
    assert not EventRegistration.objects.exists()
    assert "Aanmelden is gesloten" in client.get(event.url).content.decode()

    still_open = make_event(
        agenda, registration_form=True, registration_closes=timezone.now() + datetime.timedelta(hours=1)
    )
    assert register(client, still_open).status_code == 302


def test_one_registration_per_address_and_invalid_input_is_explained(client, agenda):
    event = make_event(agenda, registration_form=True)
    assert register(client, event).status_code == 302
    assert register(client, event).status_code == 302
    invalid = client.post(event.url, {"name": "", "organisation": "", "email": "geen-adres"})
    assert invalid.status_code == 400
    assert 'aria-invalid="true"' in invalid.content.decode()
    assert EventRegistration.objects.count() == 1


def test_no_form_for_events_with_a_link_elsewhere_or_without_registration(client, agenda):
    elsewhere = make_event(agenda, registration_url="https://example.org/aanmelden")
    html = client.get(elsewhere.url).content.decode()
    assert 'href="https://example.org/aanmelden"' in html and 'class="registration-form"' not in html
    assert register(client, elsewhere).status_code == 409
    nothing = make_event(agenda)
    assert register(client, nothing).status_code == 409
    assert not EventRegistration.objects.exists()


def test_past_events_take_no_registrations(client, agenda):
    event = make_event(agenda, registration_form=True, start_date=timezone.localdate() - datetime.timedelta(days=1))
    assert register(client, event).status_code == 409


class TestAdmin:
    @pytest.fixture
    def registrations(self, agenda):
        event = make_event(agenda, title="Kennissessie", registration_form=True)
        EventRegistration.objects.create(event=event, name="Anna", organisation="Gemeente Zeist", email="a@example.org")
        return event

    def test_anonymous_visitors_are_sent_to_log_in(self, client, registrations):
        response = client.get("/admin/event_registrations/")
        assert response.status_code == 302
        assert "login" in response["Location"]

    def test_an_editor_without_the_permission_is_refused(self, client, registrations):
        from django.contrib.auth.models import Permission

        user = make_admin_user("zonder@example.org")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        assert client.get("/admin/event_registrations/").status_code in (302, 403)

    def test_editors_see_and_export_the_registrations(self, client, registrations):
        client.force_login(make_admin_user("beheer@example.org", superuser=True))
        listing = client.get("/admin/event_registrations/")
        assert listing.status_code == 200
        assert "Gemeente Zeist" in listing.content.decode()
        export = client.get("/admin/event_registrations/?export=csv")
        assert export.status_code == 200
        body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
        lines = body.strip().splitlines()
        assert lines[0].lstrip("\ufeff") == "Evenement,Naam,Organisatie,E-mailadres,Aangemeld op"
        assert lines[1].startswith("Kennissessie,Anna,Gemeente Zeist,a@example.org,")


def test_registering_an_address_again_gets_the_answer_a_new_address_gets(client, agenda):
    """The form does not tell anyone whether an address is registered already."""
    event = make_event(agenda, registration_form=True, capacity=10)
    first = register(client, event, "anna@example.org")
    again = register(client, event, "anna@example.org")
    other = register(client, event, "bert@example.org")
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert (other.status_code, other["Location"]) == (first.status_code, first["Location"])
    assert EventRegistration.objects.filter(event=event).count() == 2


def assert_too_many(response):
    assert response.status_code == 429
    assert "te veel aanmeldingen" in response.content.decode()


def test_one_client_cannot_fill_an_event(client, agenda):
    event = make_event(agenda, registration_form=True, capacity=100)
    for number in range(10):
        assert register(client, event, f"bezoeker{number}@example.org").status_code == 302
    assert_too_many(register(client, event, "nog-een@example.org"))
    assert EventRegistration.objects.filter(event=event).count() == 10


def test_one_address_is_registered_a_few_times_at_most_from_anywhere(agenda):
    event = make_event(agenda, registration_form=True, capacity=100)
    answers = [register(Client(REMOTE_ADDR=f"192.0.2.{number}"), event).status_code for number in range(1, 6)]
    assert answers == [302, 302, 302, 429, 429]
