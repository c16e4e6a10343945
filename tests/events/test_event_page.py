import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.registrations import EventRegistration
from tests.events.builders import make_event

pytestmark = pytest.mark.django_db


def test_the_event_page_shows_when_where_who_and_for_whom(client, agenda):
    event = make_event(
        agenda,
        title="Kennissessie",
        start_date=datetime.date(2030, 2, 7),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        location_kind="address",
        location_name="Stadhuis",
        location_address="Stadsplateau 1, Utrecht",
        organiser="Bureau RVS",
        audience="Ambtenaren openbare orde en veiligheid",
    )
    html = client.get(event.url).content.decode()
    assert "donderdag 7 februari 2030, 09:30–12:00 uur" in html
    assert 'datetime="2030-02-07T09:30:00+01:00"' in html
    for text in ("Stadhuis", "Stadsplateau 1, Utrecht", "Bureau RVS", "Ambtenaren openbare orde en veiligheid"):
        assert text in html
    assert f'href="/agenda/{event.slug}/ics/"' in html


def test_a_save_the_date_says_details_follow_and_takes_no_registrations(client, agenda):
    event = make_event(
        agenda, start_date=datetime.date(2030, 4, 4), day_part="ochtend", save_the_date=True, registration_form=True
    )
    html = client.get(event.url).content.decode()
    assert "Save the date" in html and "donderdag 4 april 2030, ochtend" in html
    assert '<form class="registration-form"' not in html
    assert event.registration_state == "none"


def test_an_online_event_links_its_meeting(client, agenda):
    event = make_event(agenda, location_kind="online", online_url="https://example.org/webinar")
    assert 'href="https://example.org/webinar"' in client.get(event.url).content.decode()


def test_event_page_queries_are_few_and_do_not_grow_with_the_registrations(client, agenda):
    event = make_event(agenda, registration_form=True, capacity=500)

    def count_queries():
        client.get(event.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(event.url)
        assert response.status_code == 200
        return len(queries)

    few = count_queries()
    EventRegistration.objects.bulk_create(
        EventRegistration(event=event, name=f"Deelnemer {n}", organisation="Gemeente", email=f"d{n}@example.org")
        for n in range(200)
    )
    for _ in range(10):
        make_event(agenda)
    assert count_queries() == few <= 15
