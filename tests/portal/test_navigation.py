"""Main menu, footer service links, home page sections and sitemap: only live, public pages appear."""

import pytest

from tests.builders import make_article, make_articles, make_hidden_standard_page, make_standard_page
from tests.markup import listed_titles, main_menu, sitemap_content, sitemap_paths, soup, text_of


def test_main_menu_lists_the_home_pages_live_children_that_are_in_the_menu(client, site):
    make_standard_page(site.home, title="Over ons", show_in_menus=True)
    make_standard_page(site.home, title="Contact", show_in_menus=True)
    make_standard_page(site.home, title="Privacy", show_in_menus=False)

    response = client.get("/")

    assert main_menu(response) == [
        ("Nieuws", "/nieuws/", False),
        ("Over ons", "/over-ons/", False),
        ("Contact", "/contact/", False),
    ]


@pytest.mark.parametrize("url", ["/nieuws/", "/nieuws/categorie/tips/", "/nieuws/2023/"])
def test_main_menu_marks_the_news_section_current(client, site, url):
    make_standard_page(site.home, title="Over ons", show_in_menus=True)

    assert main_menu(client.get(url)) == [("Nieuws", "/nieuws/", True), ("Over ons", "/over-ons/", False)]


def test_main_menu_marks_the_news_section_current_on_an_article(client, site):
    article = make_article(site.news_index)

    assert main_menu(client.get(article.url)) == [("Nieuws", "/nieuws/", True)]


def test_footer_links_the_pages_kept_out_of_the_menu(client, site):
    make_standard_page(site.home, title="Over ons", show_in_menus=True)
    make_standard_page(site.home, title="Toegankelijkheid")
    make_standard_page(site.home, title="Privacy")

    footer = soup(client.get("/")).select_one("footer.site-footer")
    links = {text_of(link): link["href"] for link in footer.select("a[href]")}

    assert links["Toegankelijkheid"] == "/toegankelijkheid/"
    assert links["Privacy"] == "/privacy/"
    assert links["Sitemap"] == "/sitemap.xml"
    assert "/over-ons/" not in links.values()


def test_home_page_shows_the_menu_sections_with_their_summaries(client, site):
    make_standard_page(site.home, title="Over ons", show_in_menus=True, summary="Wie wij zijn.")

    sections = soup(client.get("/")).select_one('section[aria-labelledby="sections-heading"]')

    links = {text_of(link): link["href"] for link in sections.select("a[href]")}
    assert links == {"Nieuws": "/nieuws/", "Over ons": "/over-ons/"}
    assert "Wie wij zijn." in text_of(sections)


@pytest.mark.parametrize("kind", ["draft", "unpublished", "login_restricted"])
def test_hidden_page_is_not_in_menu_footer_home_page_or_sitemap(client, site, kind):
    make_standard_page(site.home, title="Zichtbaar", show_in_menus=True)
    make_hidden_standard_page(site.home, kind, title="Verborgen", show_in_menus=True)
    make_standard_page(site.home, title="Verborgen voet", live=False)

    home = client.get("/")
    sitemap = sitemap_content(client)

    assert main_menu(home) == [("Nieuws", "/nieuws/", False), ("Zichtbaar", "/zichtbaar/", False)]
    assert "Verborgen" not in home.content.decode()
    assert "/verborgen" not in home.content.decode()
    assert "/zichtbaar/</loc>" in sitemap
    assert "/verborgen" not in sitemap


def test_sitemap_lists_the_live_public_pages(client, site):
    article = make_article(site.news_index)
    make_standard_page(site.home, title="Privacy")

    assert sorted(sitemap_paths(client)) == sorted(["/", "/nieuws/", f"/nieuws/{article.slug}/", "/privacy/"])


def test_latest_news_on_the_home_page_is_the_four_newest(client, site):
    make_articles(site.news_index, 6)

    response = client.get("/")

    assert listed_titles(response, within="section.latest-news") == [
        "Bericht nr. 6",
        "Bericht nr. 5",
        "Bericht nr. 4",
        "Bericht nr. 3",
    ]
