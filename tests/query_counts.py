"""Counting the SQL queries a public page costs, for the query-count tests in tests/news and tests/portal.

Every public page type must cost the same number of queries whatever the amount of content (no query per
listed item), and no more than QUERY_BUDGET: each test counts them with a few articles made the way an editor makes
them, then again after `generate_news` has added articles up to LARGE (about 5 s; `make bench` counts them at
100,000).
"""

import datetime
import io
import itertools

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_article

QUERY_BUDGET = 15
SMALL, LARGE = 5, 1_000


def queries_for(client, url):
    """The SQL of one GET of url, after a first GET has filled the per-process caches (content types, sites)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries]


def queries_on(table, action):
    """The SQL of the queries on `table` that calling `action()` costs."""
    with CaptureQueriesContext(connection) as captured:
        action()
    return [query["sql"] for query in captured.captured_queries if table in query["sql"]]


def describe(queries):
    return "\n".join(f"{number}. {sql[:300]}" for number, sql in enumerate(queries, 1))


def add_articles(site, count):
    """`count` more live articles, spread over the categories and four years, all mentioning "veiligheid"."""
    categories = itertools.cycle(site.categories.values())
    start = site.news_index.get_children().count()
    for number in range(start, start + count):
        make_article(
            site.news_index,
            title=f"Bericht over veiligheid {number}",
            date=datetime.date(2021 + number % 4, 1 + number % 12, 1 + number % 28),
            category=next(categories),
            summary=f"Samenvatting {number} over de veiligheid in de wijk.",
        )


def assert_constant_query_count(client, site, urls, small=SMALL, large=LARGE):
    """Each of urls (callables of no arguments, called when the site has its articles) costs as many queries
    with `small` articles as with `large` ones, and at most QUERY_BUDGET."""
    add_articles(site, small)
    before = {name: queries_for(client, url()) for name, url in urls.items()}
    call_command("generate_news", count=large - small, seed=1, no_progress=True, stdout=io.StringIO())
    after = {name: queries_for(client, url()) for name, url in urls.items()}

    for name in urls:
        assert len(before[name]) == len(after[name]), (
            f"{name}: {len(before[name])} queries with {small} articles, {len(after[name])} with {large}:\n"
            f"{describe(after[name])}"
        )
        assert len(after[name]) <= QUERY_BUDGET, f"{name}: {len(after[name])} queries:\n{describe(after[name])}"
    return {name: len(queries) for name, queries in after.items()}
