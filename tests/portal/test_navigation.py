"""Main menu, footer service links, home page sections and sitemap: only live, public pages appear."""

import re

import pytest

from tests.builders import make_article, make_articles, make_hidden_standard_page, make_standard_page
from tests.markup import listed_titles, main_menu, sitemap_content


def _strip(fragment):
    return re.sub(r"<[^>]+>", "", fragment).strip()


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

    content = client.get("/").content.decode()
    footer = content[content.index('<footer class="site-footer">') :]

    assert '<a href="/toegankelijkheid/">Toegankelijkheid</a>' in footer
    assert '<a href="/privacy/">Privacy</a>' in footer
    assert '<a href="/sitemap.xml">Sitemap</a>' in footer
    assert "/over-ons/" not in footer


def test_home_page_shows_the_menu_sections_with_their_summaries(client, site):
    make_standard_page(site.home, title="Over ons", show_in_menus=True, summary="Wie wij zijn.")

    content = client.get("/").content.decode()
    sections = content[content.index('id="sections-heading"') :]
    sections = sections[: sections.index("</section>")]

    links = {_strip(title): href for href, title in re.findall(r'<a href="([^"]*)">(.*?)</a>', sections, re.S)}
    assert links == {"Nieuws": "/nieuws/", "Over ons": "/over-ons/"}
    assert "Wie wij zijn." in sections


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

    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap_content(client))
    paths = sorted(re.sub(r"^https?://[^/]+", "", location) for location in locations)
    assert paths == sorted(["/", "/nieuws/", f"/nieuws/{article.slug}/", "/privacy/"])


def test_latest_news_on_the_home_page_is_the_four_newest(client, site):
    make_articles(site.news_index, 6)

    response = client.get("/")

    assert listed_titles(response, within='aria-labelledby="latest-news-heading"') == [
        "Bericht nr. 6",
        "Bericht nr. 5",
        "Bericht nr. 4",
        "Bericht nr. 3",
    ]
