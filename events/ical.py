"""iCalendar (RFC 5545) for one event or the whole agenda, in Europe/Amsterdam with a VTIMEZONE.

An event with times has DTSTART/DTEND with TZID=Europe/Amsterdam. An event without a time (the date is known,
the hours are not) is an all-day event: DTSTART;VALUE=DATE and an exclusive DTEND the day after its last day;
a known part of the day ("ochtend") goes into the summary and description instead of invented hours.
The UID is the page id at the site's host, so a re-download or feed refresh updates the same calendar entry.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone
from wagtail.models import Site


def event_uid(event, host):
    return f"event-{event.pk}@{host}"


def site_host(request):
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def build_event(event, request, host):
    item = Event()
    item.add("uid", event_uid(event, host))
    item.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    summary = event.title
    if event.day_part and event.is_all_day:
        summary = f"{summary} ({event.day_part})"
    item.add("summary", summary)
    if event.is_all_day:
        item.add("dtstart", event.start_date)
        item.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        item.add("dtstart", event.start)
        if event.end:
            item.add("dtend", event.end)
    description = [event.summary]
    if event.day_part and event.is_all_day:
        description.append(
            f"Dagdeel: {event.day_part}." if event.is_past else f"Dagdeel: {event.day_part}; de tijden volgen."
        )
    if event.is_announcement:
        description.append("Save the date: meer informatie volgt.")
        item.add("status", "TENTATIVE")
    else:
        item.add("status", "CONFIRMED")
    if event.organiser:
        description.append(f"Organisatie: {event.organiser}")
    if event.audience:
        description.append(f"Voor: {event.audience}")
    item.add("description", "\n\n".join(part for part in description if part))
    if event.location_kind == event.LocationKind.ONLINE:
        item.add("location", event.online_url or "Online")
    elif event.location_kind == event.LocationKind.ADDRESS:
        item.add("location", ", ".join(part for part in [event.location_name, event.location_address] if part))
    url = event.get_full_url(request)
    if url:
        item.add("url", url)
    return item


def build_calendar(events, request, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Veiligheidscoalitie Midden-Nederland//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(timezone.get_default_timezone()))
    host = site_host(request)
    for event in events:
        calendar.add_component(build_event(event, request, host))
    # Every calendar carries Europe/Amsterdam, also the one with only all-day events, so clients agree.
    calendar.add_missing_timezones()
    if not calendar.timezones:
        calendar.add_component(Timezone.from_tzid(str(timezone.get_default_timezone())))
    return calendar


def calendar_response(request, events, *, name, filename, attachment):
    response = HttpResponse(
        build_calendar(events, request, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
