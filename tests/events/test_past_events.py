"""An event whose date has passed reads as past: on its page, in the agenda's archive and in its iCalendar file.
An editor can link the news item that reports on it (the "terugblik")."""

import re

import pytest
from django.conf import settings
from django.utils import timezone

from events.models import end_of_day, local_today
from tests.builders import make_article
from tests.events.builders import days_from_today, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_announcement(agenda):
    """A "save the date" of a week ago that never got a time, place or registration, like the two 2024 events."""
    return make_event(
        agenda,
        title="Kennissessie complexe demonstraties",
        start_date=days_from_today(-7),
        save_the_date=True,
        registration_form=True,
    )


def test_a_past_event_says_it_has_been_without_announcement_or_registration_wording(client, past_announcement):
    html = client.get(past_announcement.url).content.decode()
    assert "Deze bijeenkomst is geweest." in html
    for upcoming in ("Save the date", "aan te melden", "Aanmelden", "Volgt", "tijd volgt", "Zet in uw agenda"):
        assert upcoming not in html, upcoming
    assert '<form class="registration-form"' not in html


def test_a_past_event_is_in_the_archive_marked_as_past(client, agenda, past_announcement):
    make_event(agenda, title="Later dit jaar", start_date=days_from_today(30), save_the_date=True)
    archive = client.get(f"{agenda.url}archief/").content.decode()
    assert "Kennissessie complexe demonstraties" in archive and "Later dit jaar" not in archive
    assert "Geweest" in archive and "Save the date" not in archive
    upcoming = client.get(agenda.url).content.decode()
    assert upcoming.count("Save the date") == 1  # the coming event only, not the recent past one below it


def test_a_past_events_calendar_file_is_no_longer_tentative(client, past_announcement):
    ics = client.get(f"{past_announcement.url}ics/").content.decode()
    assert "STATUS:TENTATIVE" not in ics and "STATUS:CONFIRMED" in ics
    assert "Save the date" not in ics


def test_a_coming_announcement_stays_tentative(client, agenda):
    event = make_event(agenda, start_date=days_from_today(7), save_the_date=True)
    assert "STATUS:TENTATIVE" in client.get(f"{event.url}ics/").content.decode()
    assert "Save the date" in client.get(event.url).content.decode()


def test_an_event_links_its_report(client, site, agenda, past_announcement):
    report = make_article(site.news_index, title="Terugblik op de kennissessie")
    past_announcement.report = report
    past_announcement.save_revision().publish()
    html = client.get(past_announcement.url).content.decode()
    assert f'<a href="{report.url}">Terugblik op de kennissessie</a>' in html


def test_an_unpublished_report_is_not_linked(client, site, agenda, past_announcement):
    report = make_article(site.news_index, title="Nog niet af", live=False)
    past_announcement.report = report
    past_announcement.save_revision().publish()
    assert "Nog niet af" not in client.get(past_announcement.url).content.decode()


def kept(response):
    """(seconds the shared cache keeps the response, seconds a browser keeps it)."""
    cache_control = response.headers["Cache-Control"]
    return tuple(int(re.search(rf"\b{name}=(\d+)", cache_control).group(1)) for name in ("s-maxage", "max-age"))


def test_an_event_of_today_and_the_agenda_archive_are_kept_by_the_cache_only_until_midnight(client, agenda):
    event = make_event(agenda, start_date=days_from_today(0))

    for url in (event.url, "/agenda/archief/"):
        shared, browser = kept(client.get(url))
        until_midnight = (end_of_day(local_today()) - timezone.now()).total_seconds()
        assert until_midnight - 5 <= shared <= until_midnight, url  # not the day long pages are kept
        assert browser <= shared, url


def test_an_event_long_past_is_kept_as_long_as_any_page(client, past_announcement):
    assert kept(client.get(past_announcement.url)) == (settings.SHARED_CACHE_SECONDS, settings.BROWSER_CACHE_SECONDS)
