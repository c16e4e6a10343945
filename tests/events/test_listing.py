import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.builders import days_from_today, make_event
from tests.markup import soup, text_of

pytestmark = pytest.mark.django_db


UPCOMING = ".with-sidebar__main > .news-list"
RECENT = 'section[aria-labelledby="recent-heading"]'


def titles_in(response, selector):
    """The titles of the events listed in the element `selector` names, in order; none without that element."""
    scope = soup(response).select_one(selector)
    return [text_of(link) for link in scope.select(".news-item__title a")] if scope else []


def test_upcoming_events_soonest_first_and_past_events_only_in_the_archive(client, agenda):
    make_event(agenda, title="Later", start_date=days_from_today(40))
    make_event(agenda, title="Binnenkort", start_date=days_from_today(3))
    make_event(agenda, title="Vandaag", start_date=days_from_today(0))
    make_event(agenda, title="Lang geleden", start_date=days_from_today(-400))
    make_event(agenda, title="Vorige week", start_date=days_from_today(-7))
    make_event(agenda, title="Concept", start_date=days_from_today(5), live=False)

    response = client.get("/agenda/")
    assert titles_in(response, UPCOMING) == ["Vandaag", "Binnenkort", "Later"]
    assert titles_in(response, RECENT) == ["Vorige week", "Lang geleden"]

    archive = client.get("/agenda/archief/")
    assert archive.status_code == 200
    assert titles_in(archive, UPCOMING) == ["Vorige week", "Lang geleden"]


def test_a_multi_day_event_stays_upcoming_until_its_last_day(client, agenda):
    make_event(agenda, title="Congres", start_date=days_from_today(-1), end_date=days_from_today(1))
    assert titles_in(client.get("/agenda/"), UPCOMING) == ["Congres"]
    assert "Congres" not in client.get("/agenda/archief/").content.decode()


def test_on_one_day_all_day_events_come_before_timed_events_in_time_order(client, agenda):
    day = days_from_today(10)
    make_event(agenda, title="Middag", start_date=day, start_time=datetime.time(14, 0))
    make_event(agenda, title="Ochtend", start_date=day, start_time=datetime.time(9, 30))
    make_event(agenda, title="Hele dag", start_date=day)
    assert titles_in(client.get("/agenda/"), UPCOMING) == ["Hele dag", "Ochtend", "Middag"]


def test_the_agenda_is_in_the_main_menu_and_links_its_feed(client, agenda):
    html = client.get("/").content.decode()
    assert 'href="/agenda/"' in html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]
    agenda_html = client.get("/agenda/").content.decode()
    assert 'type="text/calendar"' in agenda_html and 'href="/agenda/ics/"' in agenda_html


@pytest.mark.parametrize("path", ["/agenda/", "/agenda/archief/"])
def test_agenda_queries_are_few_and_flat_with_the_number_of_events(client, agenda, path):
    def count_queries():
        client.get(path)  # warm up per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        return len(queries)

    for days in (-20, -10, 10, 20):
        make_event(agenda, start_date=days_from_today(days))
    few = count_queries()
    for days in range(1, 25):
        make_event(agenda, start_date=days_from_today(days))
        make_event(agenda, start_date=days_from_today(-days))
    many = count_queries()
    assert few == many
    assert many <= 15
