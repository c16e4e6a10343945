"""The archive's months and the listings' counts come from a summary (NewsArchiveMonth) kept in step with what
visitors may see: publishing, unpublishing, moving, deleting and a privacy change all show at once. Deep pages are
read by date from that summary, and list the same articles a plain OFFSET would."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import ARTICLES_PER_PAGE, ArticlePaginator, NewsArchiveMonth, NewsArticlePage, NewsIndexPage
from tests.builders import make_article, restrict_to_logged_in
from tests.markup import archive_links, listed_titles, page_text
from tests.query_counts import queries_on

D = datetime.date
OFFSET = re.compile(r"\bOFFSET (\d+)")


def archive(client):
    """The archive's links on the news index: the years, and the months of the newest."""
    return [label for label, _, _ in archive_links(client.get("/nieuws/"))]


def test_publishing_unpublishing_moving_deleting_and_restricting_show_in_the_archive_at_once(client, site):
    november = make_article(site.news_index, title="November", date=D(2023, 11, 20))
    december = make_article(site.news_index, title="December", date=D(2023, 12, 20))
    assert archive(client) == ["2023", "december 2023", "november 2023"]
    assert "1 bericht" in page_text(client.get("/nieuws/2023/12/"))

    may = make_article(site.news_index, title="Mei", date=D(2024, 5, 1))
    assert archive(client) == ["2024", "mei 2024", "2023"]

    may.unpublish()
    assert archive(client) == ["2023", "december 2023", "november 2023"]

    may.save_revision().publish()
    restrict_to_logged_in(may)
    assert archive(client) == ["2023", "december 2023", "november 2023"]

    december.date = D(2023, 11, 21)  # a new date, published
    december.save_revision().publish()
    assert archive(client) == ["2023", "november 2023"]
    assert "2 berichten" in page_text(client.get("/nieuws/2023/"))

    other_index = site.home.add_child(instance=NewsIndexPage(title="Archief", slug="archief"))
    december.move(other_index, pos="last-child")
    assert "1 bericht" in page_text(client.get("/nieuws/2023/"))

    november.delete()
    assert archive(client) == []
    assert listed_titles(client.get("/nieuws/")) == []


def archive_queries(delete):
    """The queries on the archive summary that `delete()` costs."""
    return queries_on("news_newsarchivemonth", delete)


def dated_articles(news_index, count):
    return [make_article(news_index, date=D(2020 + number // 12, 1 + number % 12, 1)) for number in range(count)]


def test_deleting_a_news_index_with_its_articles_takes_its_archive_with_it_at_a_fixed_cost(client, site):
    small = site.home.add_child(instance=NewsIndexPage(title="Archief", slug="archief"))
    dated_articles(small, 2)
    dated_articles(site.news_index, 12)

    two = archive_queries(small.delete)
    twelve = archive_queries(site.news_index.delete)

    assert len(two) == len(twelve)  # not a count again per article
    connection.check_constraints()  # no summary row is left for an index that is gone
    assert not NewsArchiveMonth.objects.exists()


def test_articles_deleted_together_are_counted_again_once(client, site):
    articles = dated_articles(site.news_index, 14)

    two = archive_queries(NewsArticlePage.objects.filter(pk__in=[page.pk for page in articles[:2]]).delete)
    twelve = archive_queries(NewsArticlePage.objects.filter(pk__in=[page.pk for page in articles[2:]]).delete)

    assert len(two) == len(twelve)
    assert NewsArticlePage.objects.count() == 0
    assert archive(client) == []


def test_a_news_index_published_again_shows_what_changed_while_it_was_offline(client, site):
    november = make_article(site.news_index, title="November", date=D(2023, 11, 20))
    make_article(site.news_index, title="December", date=D(2023, 12, 20))

    site.news_index.unpublish()
    november.unpublish()
    make_article(site.news_index, title="Januari", date=D(2024, 1, 10))
    assert client.get("/nieuws/").status_code == 404
    site.news_index.save_revision().publish()

    assert archive(client) == ["2024", "januari 2024", "2023"]
    assert listed_titles(client.get("/nieuws/")) == ["Januari", "December"]


def test_listings_count_nothing_per_request(client, site):
    for day in (D(2023, 11, 20), D(2023, 12, 20), D(2024, 5, 1)):
        make_article(site.news_index, date=day)

    for url in ("/nieuws/", "/nieuws/categorie/campagnes/", "/nieuws/2023/", "/nieuws/2023/11/", "/nieuws/?page=1"):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counting = [query["sql"] for query in captured.captured_queries if "COUNT(" in query["sql"].upper()]
        assert counting == [], url


@pytest.mark.parametrize(
    ("url", "selected"),
    [
        ("/nieuws/", lambda day, category: True),
        ("/nieuws/categorie/tips/", lambda day, category: category == "Tips"),
        ("/nieuws/2023/", lambda day, category: day.year == 2023),
    ],
)
def test_every_page_of_a_listing_over_many_months_lists_the_next_articles_by_date(client, site, url, selected):
    # 61 articles over 14 months, unevenly: pages start in the middle of months and span several.
    categories = [site.categories["Tips"], site.categories["Campagnes"]]
    articles = []
    for number in range(61):
        day = D(2022, 11, 1) + datetime.timedelta(days=(number * number) % 420)
        category = categories[number % 3 == 0]
        make_article(site.news_index, title=f"Bericht {number:02d}", date=day, category=category)
        articles.append((day, number, category.name))
    expected = [f"Bericht {n:02d}" for day, n, name in sorted(articles, reverse=True) if selected(day, name)]

    listed, number = [], 1
    while True:
        response = client.get(url, {"page": number})
        if response.status_code == 404:
            break
        listed += listed_titles(response)
        number += 1

    assert listed == expected


def test_a_page_far_into_a_busy_month_lists_the_next_articles_stepping_over_no_more_than_a_day(client, site):
    # About 170 articles a month and 6 a day: most pages start well into their month.
    call_command("generate_news", count=2_000, years=1, seed=16, no_progress=True, stdout=io.StringIO())
    titles = list(NewsArticlePage.objects.live().order_by("-date", "-pk").values_list("title", flat=True))

    offsets = []
    for number in range(1, len(titles) // ARTICLES_PER_PAGE + 1):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/nieuws/", {"page": number})
        first = (number - 1) * ARTICLES_PER_PAGE
        assert listed_titles(response) == titles[first : first + ARTICLES_PER_PAGE], f"page {number}"
        offsets += [int(offset) for query in captured.captured_queries for offset in OFFSET.findall(query["sql"])]

    # Without the days, a page 150 articles into its month would skip those 150 by OFFSET.
    assert max(offsets) < ArticlePaginator.SKIP_DAYS_FROM
