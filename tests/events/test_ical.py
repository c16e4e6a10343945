"""iCalendar output, parsed back with the icalendar package: local times, the time zone and stable UIDs."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.events.builders import make_event

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def only_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(datetime.date(2024, 2, 1), 9), (datetime.date(2024, 7, 4), 8)],
    ids=["winter time (CET, +01:00)", "summer time (CEST, +02:00)"],
)
def test_a_timed_event_is_in_amsterdam_local_time_on_either_side_of_dst(client, agenda, day, utc_hour):
    event = make_event(
        agenda, title="Kennissessie", start_date=day, start_time=datetime.time(10, 0), end_time=datetime.time(12, 30)
    )
    response = client.get(f"/agenda/{event.slug}/ics/")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = parse(response)
    item = only_event(calendar)

    start, end = item.decoded("dtstart"), item.decoded("dtend")
    assert start == datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=AMSTERDAM)
    assert end == datetime.datetime.combine(day, datetime.time(12, 30), tzinfo=AMSTERDAM)
    assert start.astimezone(datetime.UTC).hour == utc_hour
    assert item["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(item["summary"]) == "Kennissessie"
    assert str(item["uid"]) == f"event-{event.pk}@localhost"


def test_an_event_without_a_time_is_an_all_day_date_event_with_its_part_of_day_in_words(client, agenda):
    event = make_event(
        agenda, title="Netwerkbijeenkomst", start_date=datetime.date(2030, 4, 4), day_part="ochtend", save_the_date=True
    )
    item = only_event(parse(client.get(f"/agenda/{event.slug}/ics/")))
    assert item.decoded("dtstart") == datetime.date(2030, 4, 4)
    assert item.decoded("dtend") == datetime.date(2030, 4, 5)  # exclusive: the one day only
    assert "VALUE=DATE" in item.to_ical().decode()
    assert str(item["summary"]) == "Netwerkbijeenkomst (ochtend)"
    assert "ochtend" in str(item["description"])
    assert str(item["status"]) == "TENTATIVE"


def test_the_uid_is_stable_across_downloads_and_edits_and_unique_per_event(client, agenda):
    event = make_event(agenda, start_date=datetime.date(2030, 5, 1))
    other = make_event(agenda, start_date=datetime.date(2030, 5, 2))
    first = str(only_event(parse(client.get(f"/agenda/{event.slug}/ics/")))["uid"])
    event.title = "Nieuwe titel"
    event.save_revision().publish()
    second = only_event(parse(client.get(f"/agenda/{event.slug}/ics/")))
    assert str(second["uid"]) == first
    assert str(second["summary"]) == "Nieuwe titel"
    assert str(only_event(parse(client.get(f"/agenda/{other.slug}/ics/")))["uid"]) != first


def test_the_agenda_feed_holds_every_live_public_event_once_and_is_served_inline(client, agenda):
    from tests.builders import restrict_to_logged_in

    shown = [
        make_event(agenda, title="Voorbij", start_date=datetime.date(2023, 3, 1)),
        make_event(agenda, title="Komend", start_date=datetime.date(2031, 3, 1), start_time=datetime.time(19, 0)),
    ]
    make_event(agenda, title="Concept", start_date=datetime.date(2031, 3, 2), live=False)
    restrict_to_logged_in(make_event(agenda, title="Besloten", start_date=datetime.date(2031, 3, 3)))

    response = client.get("/agenda/ics/")
    assert response["Content-Disposition"].startswith("inline")
    calendar = parse(response)
    assert str(calendar["x-wr-calname"]) == "Agenda"
    items = calendar.walk("VEVENT")
    assert sorted(str(item["summary"]) for item in items) == ["Komend", "Voorbij"]
    assert {str(item["uid"]) for item in items} == {f"event-{event.pk}@localhost" for event in shown}
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_a_draft_event_has_no_calendar_file(client, agenda):
    event = make_event(agenda, live=False)
    assert client.get(f"/agenda/{event.slug}/ics/").status_code == 404
