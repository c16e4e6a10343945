"""The demo agenda holds the seed's two events with only the facts the seed gives."""

import datetime

import pytest
from icalendar import Calendar

from events.models import EventPage
from tests.builders import load_demo_content

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo(db):
    return load_demo_content()


def test_the_seed_events_are_in_the_agenda_with_only_the_seed_facts(client):
    session = EventPage.objects.get(slug="kennissessie-complexe-demonstraties")
    assert session.start_date == datetime.date(2024, 2, 1)
    assert session.start_date.weekday() == 3  # the seed: "donderdag 1 februari 2024"
    assert session.organiser == "Bureau RVS en de ambtelijke werkgroep Maatschappelijke onrust, samen met de politie"
    meeting = EventPage.objects.get(slug="regionale-bijeenkomst-themas-veiligheidsstrategie")
    assert (meeting.start_date, meeting.day_part) == (datetime.date(2024, 4, 4), "ochtend")
    for event in (session, meeting):
        assert event.save_the_date and event.live
        assert event.start_time is None and event.end_time is None  # the seed gives no times: none are invented
        assert event.location_kind == "" and event.registration_state == "none"

    html = client.get("/agenda/").content.decode()
    assert "Kennissessie complexe demonstraties" in html and "Regionale bijeenkomst" in html
    assert "Kennissessie complexe demonstraties" in client.get("/agenda/archief/").content.decode()

    calendar = Calendar.from_ical(client.get("/agenda/ics/").content)
    starts = {str(item["summary"]): item.decoded("dtstart") for item in calendar.walk("VEVENT")}
    assert starts == {
        "Kennissessie complexe demonstraties": datetime.date(2024, 2, 1),
        "Regionale bijeenkomst thema’s veiligheidsstrategie (ochtend)": datetime.date(2024, 4, 4),
    }


def test_loading_twice_changes_nothing():
    before = list(EventPage.objects.values_list("pk", "latest_revision_id").order_by("pk"))
    load_demo_content()
    assert list(EventPage.objects.values_list("pk", "latest_revision_id").order_by("pk")) == before
