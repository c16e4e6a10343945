"""A visitor finds a campaign article: home, news, the Campagnes category, the article; by mouse and by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import assert_focus_visible, focused_element
from tests.browser.conftest import browser_test

pytestmark = browser_test

ARTICLE_TITLE = "Werf jij al Burgernetdeelnemers? Volg het voorbeeld van (o.a.) Utrecht"
ARTICLE_PATH = "/nieuws/werf-jij-al-burgernetdeelnemers-volg-het-voorbeeld-van-oa-utrecht/"
SITE_NAME = "Veiligheidscoalitie Midden-Nederland"


def url_of(server, path):
    return re.compile("^" + re.escape(server.url + path) + "$")


def test_visitor_clicks_from_home_through_a_category_to_an_article(page, demo_site):
    page.goto("/")
    expect(page).to_have_title(f"Samen slagvaardig voor een veilig Midden-Nederland | {SITE_NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen slagvaardig voor een veilig Midden-Nederland")
    latest = page.get_by_role("region", name="Laatste nieuws")
    expect(latest.get_by_role("article")).to_have_count(4)
    expect(latest.get_by_role("link", name="Alle nieuwsberichten")).to_have_attribute("href", "/nieuws/")
    sections = page.get_by_role("region", name="Onderwerpen")
    expect(sections.get_by_role("heading", level=3, name="Nieuws", exact=True)).to_have_count(1)

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Nieuws", exact=True).click()
    expect(page).to_have_url(url_of(demo_site, "/nieuws/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuws")
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Nieuws", exact=True)
    ).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("20 berichten, pagina 1 van 2")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("article")).to_have_count(10)

    categories = page.get_by_role("navigation", name="Categorieën")
    categories.get_by_role("link", name="Campagnes", exact=True).click()
    expect(page).to_have_url(url_of(demo_site, "/nieuws/categorie/campagnes/"))
    expect(page).to_have_title(f"Campagnes – Nieuws | {SITE_NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuws: Campagnes")
    expect(categories.get_by_role("link", name="Campagnes", exact=True)).to_have_attribute("aria-current", "page")
    articles = page.get_by_role("main").get_by_role("article")
    expect(articles).to_have_count(2)
    expect(articles.locator(".label")).to_have_text(["Campagnes", "Campagnes"])
    expect(articles.get_by_role("heading", level=2)).to_have_text(
        [ARTICLE_TITLE, "Campagnematerialen ‘Laat je niet interneppen’ beschikbaar"]
    )
    expect(articles.locator("time")).to_have_text(["20 dec. 2023", "20 nov. 2023"])

    articles.get_by_role("link", name=ARTICLE_TITLE).click()
    expect(page).to_have_url(url_of(demo_site, ARTICLE_PATH))
    expect(page).to_have_title(f"{ARTICLE_TITLE} | {SITE_NAME}")
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)
    header = page.locator(".article__header")
    expect(header.locator(".label")).to_have_text("Campagnes")
    expect(header.locator("time")).to_have_text("20 dec. 2023")
    expect(header.locator("time")).to_have_attribute("datetime", "2023-12-20")
    expect(header).to_contain_text("Na de landelijke campagne in september")
    crumbs = page.get_by_role("navigation", name="Kruimelpad").get_by_role("link")
    expect(crumbs).to_have_text(["Home", "Nieuws", ARTICLE_TITLE])
    expect(crumbs.last).to_have_attribute("aria-current", "page")
    related = page.get_by_role("region", name="Meer over campagnes")
    expect(related.get_by_role("heading", level=3)).to_have_text(
        ["Campagnematerialen ‘Laat je niet interneppen’ beschikbaar"]
    )


def tab_to(page, wanted, description, limit=80):
    """Press Tab until `wanted(focused)` holds; every element passed on the way must show its focus."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = focused_element(page)
        assert_focus_visible(focused)
        visited.append(f"{focused['text']!r} ({focused['href']})")
        if wanted(focused):
            return focused
    pytest.fail(f"{description} not reached in {limit} Tabs; focus went through: " + ", ".join(visited))


def skip_to_content(page):
    """The first Tab on a page reaches the visible skip link; Enter puts the focus on the main content."""
    page.keyboard.press("Tab")
    focused = focused_element(page)
    assert focused["text"] == "Direct naar de inhoud", f"first Tab reached {focused}"
    assert_focus_visible(focused)
    page.keyboard.press("Enter")
    focused = focused_element(page)
    assert focused is not None and focused["id"] == "main-content", f"skip link moved the focus to {focused}"


def test_keyboard_user_reaches_an_article_by_tab_and_enter(page, demo_site):
    page.goto("/")
    skip_to_content(page)
    first = tab_to(page, lambda focused: True, "a link in the main content")
    assert first["inMain"], f"after skipping, Tab went to {first} instead of the main content"
    if first["href"] != "/nieuws/":
        tab_to(page, lambda focused: focused["href"] == "/nieuws/", "the link to the news")
    page.keyboard.press("Enter")
    expect(page).to_have_url(url_of(demo_site, "/nieuws/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuws")

    skip_to_content(page)
    tab_to(
        page,
        lambda focused: focused["text"] == "Campagnes" and focused["href"].endswith("/categorie/campagnes/"),
        "the Campagnes filter",
    )
    page.keyboard.press("Enter")
    expect(page).to_have_url(url_of(demo_site, "/nieuws/categorie/campagnes/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuws: Campagnes")

    skip_to_content(page)
    tab_to(page, lambda focused: focused["text"] == ARTICLE_TITLE, "the first campaign article")
    page.keyboard.press("Enter")
    expect(page).to_have_url(url_of(demo_site, ARTICLE_PATH))
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)
    expect(page.locator(".article__header time")).to_have_text("20 dec. 2023")


def test_every_link_and_control_shows_its_keyboard_focus(page, demo_site):
    """Tab through a whole news page, header to footer: each stop is visible and in view."""
    page.goto("/nieuws/")
    stops = 0
    while True:
        page.keyboard.press("Tab")
        focused = focused_element(page)
        if focused is None or stops > 150:
            break
        assert_focus_visible(focused)
        stops += 1
    # Skip link, logo, search, menu, breadcrumbs, 10 articles, pagination, filters, archive, footer.
    assert stops > 30
