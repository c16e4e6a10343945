"""A theme page lists the latest live, public news items linked to it, newest first."""

import datetime

import pytest

from strategy.models import THEME_NEWS_COUNT
from tests.builders import make_article, make_hidden_article
from tests.markup import listed_titles, soup
from tests.strategy.builders import make_theme
from tests.strategy.html import toc

NEWS = "section.theme-news"


def _day(number):
    return datetime.date(2023, 11, 1) + datetime.timedelta(days=number)


def test_a_theme_lists_its_news_newest_first(client, site, tree):
    make_article(site.news_index, title="Oud", date=_day(1), theme=tree.theme)
    make_article(site.news_index, title="Nieuwst", date=_day(9), theme=tree.theme)
    make_article(site.news_index, title="Midden", date=_day(5), theme=tree.theme)

    assert listed_titles(client.get(tree.theme.url), within=NEWS) == ["Nieuwst", "Midden", "Oud"]


def test_same_day_news_lists_the_latest_published_first(client, site, tree):
    make_article(site.news_index, title="Eerste", date=_day(3), theme=tree.theme)
    make_article(site.news_index, title="Tweede", date=_day(3), theme=tree.theme)

    assert listed_titles(client.get(tree.theme.url), within=NEWS) == ["Tweede", "Eerste"]


def test_a_theme_lists_at_most_the_latest_few(client, site, tree):
    for number in range(THEME_NEWS_COUNT + 2):
        make_article(site.news_index, title=f"Bericht {number}", date=_day(number), theme=tree.theme)

    titles = listed_titles(client.get(tree.theme.url), within=NEWS)

    assert titles == [f"Bericht {number}" for number in range(THEME_NEWS_COUNT + 1, 1, -1)]


def test_a_theme_lists_only_its_own_news(client, site, tree):
    other = make_theme(tree.strategy, title="Digitale veiligheid")
    make_article(site.news_index, title="Over onrust", theme=tree.theme)
    make_article(site.news_index, title="Over digitale veiligheid", theme=other)
    make_article(site.news_index, title="Zonder thema")

    assert listed_titles(client.get(tree.theme.url), within=NEWS) == ["Over onrust"]
    assert listed_titles(client.get(other.url), within=NEWS) == ["Over digitale veiligheid"]


@pytest.mark.parametrize("kind", ["draft", "unpublished", "login_restricted"])
def test_a_theme_never_lists_hidden_news(client, site, tree, kind):
    make_article(site.news_index, title="Openbaar", date=_day(1), theme=tree.theme)
    make_hidden_article(site.news_index, kind, title="Verborgen", date=_day(2), theme=tree.theme)

    response = client.get(tree.theme.url)

    assert listed_titles(response, within=NEWS) == ["Openbaar"]
    assert "Verborgen" not in response.content.decode()


def test_a_theme_never_lists_news_under_a_restricted_news_section(client, site, tree):
    from tests.builders import restrict_to_logged_in

    make_article(site.news_index, title="Achter de inlog", theme=tree.theme)
    restrict_to_logged_in(site.news_index)

    response = client.get(tree.theme.url)

    assert soup(response).select_one(NEWS) is None
    assert "Achter de inlog" not in response.content.decode()


def test_without_news_a_theme_shows_no_news_section_nor_its_toc_entry(client, tree):
    response = client.get(tree.theme.url)

    assert soup(response).select_one(NEWS) is None
    assert ("Nieuws over dit thema", "#nieuws", 2) not in toc(response)


def test_with_news_the_table_of_contents_links_the_news_section(client, site, tree):
    make_article(site.news_index, title="Over onrust", theme=tree.theme)

    assert toc(client.get(tree.theme.url))[-1] == ("Nieuws over dit thema", "#nieuws", 2)


def test_deleting_a_theme_keeps_its_news(client, site, tree):
    article = make_article(site.news_index, title="Over onrust", theme=tree.theme)

    tree.theme.delete()
    article.refresh_from_db()

    assert article.theme is None
    assert client.get(article.url).status_code == 200
