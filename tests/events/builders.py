"""Builders for the agenda tests: an agenda under the test site's home page and events in it."""

import datetime
import itertools

from django.utils import timezone

from events.models import EventIndexPage, EventPage

_counter = itertools.count(1)


def make_agenda(home):
    return home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda", show_in_menus=True))


def make_event(agenda, *, title=None, start_date=None, live=True, **fields):
    number = next(_counter)
    event = EventPage(
        title=title or f"Evenement {number}",
        slug=f"evenement-{number}",
        start_date=start_date or timezone.localdate() + datetime.timedelta(days=30),
        summary="Een bijeenkomst.",
        live=live,
        **fields,
    )
    agenda.add_child(instance=event)
    revision = event.save_revision()
    if live:
        revision.publish()
    return event


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)
