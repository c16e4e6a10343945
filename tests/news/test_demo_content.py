"""The demo news (news/demo/news.yaml) holds to the user's seed and `load_demo_content` builds it idempotently."""

import collections
import datetime
from pathlib import Path

import yaml
from django.test import TestCase
from django.utils.html import escape
from wagtail.models import Page, Revision

from news.models import NewsArticlePage, NewsCategory
from tests.builders import load_demo_content
from tests.markup import listed_titles, news_items, page_text
from tests.seeds import NEWS_SEED, parse_news_seed

FIXTURE = Path(__file__).resolve().parents[2] / "news" / "demo" / "news.yaml"
CATEGORIES = {
    "Veiligheidsontwikkeling",
    "Campagnes",
    "Bijeenkomsten en evenementen",
    "Achtergrondinfo",
    "Tips",
    "Onderzoeken en rapporten",
}


def fixture_articles():
    """The fixture's articles with the category name instead of its slug, in fixture order."""
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    names = {item["slug"]: item["name"] for item in data["categories"]}
    return [
        {"category": names[item["category"]], "date": item["date"], "title": item["title"], "summary": item["summary"]}
        for item in data["articles"]
    ]


def test_fixture_has_the_twenty_items_in_the_six_categories():
    articles = fixture_articles()

    assert len(articles) == 20
    assert {article["category"] for article in articles} == CATEGORIES
    assert len({article["title"] for article in articles}) == 20
    assert all(article["summary"] for article in articles)
    assert collections.Counter(article["date"] for article in articles) == {
        datetime.date(2023, 12, 20): 14,
        datetime.date(2023, 11, 23): 1,
        datetime.date(2023, 11, 20): 5,
    }


def test_fixture_agrees_with_the_seed_when_the_seed_is_there():
    """Title, category, date and summary of all 20 items, in the seed's order; without the seed folder
    (it lives beside the repository, not in it) the fixture can only be held to its own shape, above."""
    if not NEWS_SEED.exists():
        assert len(fixture_articles()) == 20
        return
    seed = parse_news_seed(NEWS_SEED.read_text(encoding="utf-8"))

    assert len(seed) == 20
    assert fixture_articles() == seed


class DemoNewsTests(TestCase):
    """`load_demo_content` runs once for the class; each test sees it afresh inside its own transaction."""

    @classmethod
    def setUpTestData(cls):
        cls.output = load_demo_content()

    def test_demo_content_publishes_the_twenty_articles(self):
        assert "Demo content loaded: 20 news articles." in self.output
        assert NewsArticlePage.objects.live().count() == 20
        assert NewsArticlePage.objects.count() == 20
        assert set(NewsCategory.objects.values_list("name", flat=True)) == CATEGORIES

    def test_news_overview_lists_the_twenty_seed_articles_in_the_seed_order(self):
        first, second = self.client.get("/nieuws/"), self.client.get("/nieuws/", {"page": 2})

        assert first.status_code == second.status_code == 200
        assert "20 berichten, pagina 1 van 2" in page_text(first)
        items = news_items(first) + news_items(second)
        expected = fixture_articles()
        assert [item["title"] for item in items] == [article["title"] for article in expected]
        assert [item["category"] for item in items] == [article["category"] for article in expected]
        assert [item["datetime"] for item in items] == [article["date"].isoformat() for article in expected]
        assert items[0]["date"] == "20 dec. 2023"
        assert items[-1]["date"] == "20 nov. 2023"

    def test_month_archives_hold_the_seed_counts(self):
        december = self.client.get("/nieuws/2023/12/")
        assert len(listed_titles(december)) == 10
        assert "14 berichten" in page_text(december)
        assert "6 berichten" in page_text(self.client.get("/nieuws/2023/11/"))
        assert "20 berichten" in page_text(self.client.get("/nieuws/2023/"))

    def test_every_demo_article_page_renders(self):
        for article in NewsArticlePage.objects.all():
            response = self.client.get(article.url)
            assert response.status_code == 200, article.url
            assert f"<h1>{escape(article.title)}</h1>" in response.content.decode()

    def test_loading_twice_changes_nothing(self):
        def snapshot():
            pages = sorted(Page.objects.values_list("pk", "title", "url_path", "live", "latest_revision_id"))
            return pages, Revision.objects.count(), NewsCategory.objects.count()

        before = snapshot()
        load_demo_content()
        after = snapshot()

        changed = sorted({page[2] for page in set(before[0]) ^ set(after[0])})
        assert changed == [], "pages changed by a second load"
        assert after == before
        assert before[1] >= 20
