"""Each news page costs the same number of SQL queries with 5 articles as with 1,000, and at most 15.

A query per listed article (a category, a parent, a URL lookup) would show as a count that grows with the content.
"""

import pytest

from news.models import NewsArticlePage
from tests.builders import make_hidden_standard_page, make_standard_page
from tests.query_counts import assert_constant_query_count, describe, queries_on


@pytest.fixture
def full_site(site):
    """The test site with a page in the menu, one in the footer and one behind a login, as the real site has."""
    make_standard_page(site.home, title="Over ons", show_in_menus=True)
    make_standard_page(site.home, title="Privacy")
    make_hidden_standard_page(site.home, "login_restricted", title="Intern")
    return site


def newest_article_url():
    return NewsArticlePage.objects.live().order_by("-date", "-pk").first().url


PAGES = {
    "news index": lambda: "/nieuws/",
    "category": lambda: "/nieuws/categorie/campagnes/",
    "year archive": lambda: "/nieuws/2023/",
    "month archive": lambda: "/nieuws/2023/03/",  # add_articles() puts one of the first five in March 2023
    "article": newest_article_url,
    "feed": lambda: "/nieuws/feed/",
    "category feed": lambda: "/nieuws/categorie/campagnes/feed/",
}


@pytest.mark.parametrize("name", PAGES)
def test_news_page_costs_a_fixed_number_of_queries(client, full_site, name):
    assert_constant_query_count(client, full_site, {name: PAGES[name]})


def test_a_deeper_page_of_the_news_index_costs_a_fixed_number_of_queries(client, full_site):
    # Page 3 needs more than twenty articles; with 25 and with 1,000 it starts in a different month.
    assert_constant_query_count(client, full_site, {"news index page 3": lambda: "/nieuws/?page=3"}, small=25)


def test_a_category_page_reads_the_categories_once_for_its_title_and_its_filter(client, full_site):
    url = "/nieuws/categorie/campagnes/"
    client.get(url)

    reads = queries_on('FROM "news_newscategory"', lambda: client.get(url))

    assert len(reads) == 1, describe(reads)
