"""`manage.py generate_news`: synthetic articles for load tests, written in bulk, yet valid, visible Wagtail pages."""

import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from news.management.commands.generate_news import GENERATED_PREFIX
from news.models import NewsArticlePage, NewsIndexPage
from tests.builders import load_demo_content
from tests.markup import page_text, search_results, sitemap_content

COUNT = 30
DEMO_ARTICLES = 20


def generate(count, **options):
    output = io.StringIO()
    call_command("generate_news", count=count, stdout=output, stderr=io.StringIO(), **options)
    return output.getvalue()


@pytest.fixture
def demo(db):
    return load_demo_content()


@pytest.fixture
def generated(demo):
    before = set(NewsArticlePage.objects.values_list("pk", flat=True))
    output = generate(COUNT, seed=7)
    articles = list(NewsArticlePage.objects.exclude(pk__in=before).select_related("category").order_by("path"))
    return output, articles


def test_it_adds_the_articles_and_prints_the_time_it_took(generated):
    output, articles = generated

    assert len(articles) == COUNT
    assert re.search(rf"Generated {COUNT} news articles under /home/nieuws/ in \d+\.\d s", output)


def test_generated_articles_are_live_marked_and_spread_over_categories_and_dates(generated):
    _, articles = generated

    assert all(article.live and not article.has_unpublished_changes for article in articles)
    assert all(article.title.startswith(f"{GENERATED_PREFIX} ") for article in articles)
    assert all(article.first_published_at is not None for article in articles)
    assert len({article.category for article in articles}) > 1
    assert len({article.date.year for article in articles}) > 1
    assert len({article.slug for article in articles}) == COUNT


def test_the_tree_is_valid(generated):
    assert Page.find_problems() == ([], [], [], [], [])
    index = NewsIndexPage.objects.get()
    assert index.numchild == index.get_children().count() == DEMO_ARTICLES + COUNT


def test_running_it_again_appends_to_a_valid_tree(generated):
    generate(5)

    assert Page.find_problems() == ([], [], [], [], [])
    assert NewsArticlePage.objects.count() == DEMO_ARTICLES + COUNT + 5


def test_generated_articles_render_and_appear_in_the_listing(client, generated):
    _, articles = generated
    for article in articles[:3]:
        response = client.get(article.url)
        assert response.status_code == 200
        assert article.title in page_text(response)

    assert f"{DEMO_ARTICLES + COUNT} berichten" in page_text(client.get("/nieuws/"))


def test_generated_articles_are_found_by_the_search(client, generated):
    _, articles = generated

    response = client.get("/zoeken/", {"q": "gegenereerd"})

    assert f"{COUNT} resultaten" in page_text(response)
    assert {href for _, href in search_results(response)} <= {article.url for article in articles}


def test_generated_articles_are_in_the_sitemap(client, generated):
    _, articles = generated

    sitemap = sitemap_content(client)

    assert all(f"{article.url}</loc>" in sitemap for article in articles)


def test_index_entries_are_what_the_search_backend_itself_writes(generated):
    """The command renders the backend's search vectors as plain SQL; re-indexing the usual way changes nothing."""
    _, articles = generated
    content_type = ContentType.objects.get_for_model(NewsArticlePage)

    def entries():
        fields = ("title", "autocomplete", "body", "title_text", "body_text")
        return {
            entry.object_id: tuple(str(getattr(entry, field)) for field in fields)
            for entry in IndexEntry.objects.filter(
                content_type=content_type, object_id__in=[str(article.pk) for article in articles]
            )
        }

    written = entries()
    for article in articles:
        get_search_backend().add(NewsArticlePage.objects.get(pk=article.pk))

    assert len(written) == COUNT
    assert entries() == written


def test_it_needs_the_demo_site(db):
    with pytest.raises(CommandError, match="load_demo_content"):
        generate(1)
