"""The admin under /nieuws/ costs the same number of SQL queries with 110 articles as with 2,000: the page explorer
(a page of 50 children), the page chooser, the category snippets and an article's edit form read a page of rows, never
one query per article; the page chooser reads the pages' statuses with its listing."""

import io

import pytest
from django.core.management import call_command

from news.models import NewsArticlePage
from tests.admin_users import make_admin_user
from tests.query_counts import describe, queries_for

SMALL, LARGE = 110, 2_000  # SMALL fills the first two pages of the explorer (50 a page) and of the chooser (25)


@pytest.fixture
def editor_client(client, site):
    client.force_login(make_admin_user("beheer@example.org", superuser=True))
    return client


def generate(count):
    call_command("generate_news", count=count, seed=count, no_progress=True, stdout=io.StringIO())


def newest_article_edit_url():
    return f"/admin/pages/{NewsArticlePage.objects.order_by('-pk').first().pk}/edit/"


PAGES = {
    # name: (URL, most queries allowed)
    "explorer": (lambda site: f"/admin/pages/{site.news_index.pk}/", 85),
    "explorer page 2": (lambda site: f"/admin/pages/{site.news_index.pk}/?p=2", 85),
    "explorer by title": (lambda site: f"/admin/pages/{site.news_index.pk}/?ordering=title", 85),
    "page chooser": (lambda site: f"/admin/choose-page/{site.news_index.pk}/", 45),
    "page chooser page 2": (lambda site: f"/admin/choose-page/{site.news_index.pk}/?p=2", 45),
    "category listing": (lambda site: "/admin/snippets/news/newscategory/", 15),
    "category chooser": (lambda site: "/admin/snippets/choose/news/newscategory/", 15),
    "article edit form": (lambda site: newest_article_edit_url(), 40),
    "documents": (lambda site: "/admin/documents/", 25),
}


@pytest.mark.parametrize("name", PAGES)
def test_admin_page_costs_the_same_queries_with_more_articles(editor_client, site, name):
    url, budget = PAGES[name]
    generate(SMALL)
    small = queries_for(editor_client, url(site))
    generate(LARGE - SMALL)
    large = queries_for(editor_client, url(site))

    assert len(small) == len(large), f"{len(small)} queries with {SMALL} articles, {len(large)} with {LARGE}"
    assert len(large) <= budget, f"{len(large)} queries:\n{describe(large)}"
