"""Each news page costs the same number of SQL queries with 5 articles as with 50, and at most 15.

A query per listed article (a category, a parent, a URL lookup) would show as a count that grows with the content.
"""

import pytest

from news.models import NewsArticlePage
from tests.builders import make_hidden_standard_page, make_standard_page
from tests.query_counts import assert_constant_query_count


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
    "month archive": lambda: "/nieuws/2023/01/",
    "article": newest_article_url,
    "feed": lambda: "/nieuws/feed/",
    "category feed": lambda: "/nieuws/categorie/campagnes/feed/",
}


@pytest.mark.parametrize("name", PAGES)
def test_news_page_costs_a_fixed_number_of_queries(client, full_site, name):
    assert_constant_query_count(client, full_site, {name: PAGES[name]})


DEEP_PAGES = {
    "news index page 2": lambda: "/nieuws/?page=2",
    "news index page 3": lambda: "/nieuws/?page=3",
    "category page 2": lambda: "/nieuws/categorie/campagnes/?page=2",
    "year archive page 2": lambda: "/nieuws/2023/?page=2",
}


@pytest.mark.parametrize("name", DEEP_PAGES)
def test_a_deeper_page_of_a_listing_costs_a_fixed_number_of_queries(client, full_site, name):
    # Page 3 of the index needs more than twenty articles, page 2 of a category or a year (a sixth or a quarter of
    # them) more than sixty; the deeper page starts in an older month with every count.
    assert_constant_query_count(client, full_site, {name: DEEP_PAGES[name]}, small=70, large=140)
