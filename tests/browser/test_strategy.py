"""A visitor reads the Regionale Veiligheidsstrategie by keyboard, chapter after chapter; axe-core finds no
WCAG 2.1 A/AA violation on its cover, a chapter with the formation table and chart, and a theme."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import assert_focus_visible, assert_no_axe_violations, focused_element
from tests.browser.conftest import browser_test

pytestmark = browser_test

COVER = "/veiligheidsstrategie/"
FORMATION = "/veiligheidsstrategie/formatie-en-inrichtingsplan-politie/"
# The PDF's navigation, which the side menu and the "Volgende" links follow.
CHAPTERS = [
    ("Voorpagina", COVER),
    ("Regionaal Veiligheidscollege", "/veiligheidsstrategie/regionaal-veiligheidscollege/"),
    ("Samen slagvaardig", "/veiligheidsstrategie/samen-slagvaardig/"),
    ("Samenvatting", "/veiligheidsstrategie/samenvatting/"),
    ("Prioriteiten bepalen de koers", "/veiligheidsstrategie/prioriteiten-bepalen-de-koers/"),
    ("Aanscherping aanpak", "/veiligheidsstrategie/aanscherping-aanpak/"),
    ("Georganiseerde ondermijnende criminaliteit", "/veiligheidsstrategie/georganiseerde-ondermijnende-criminaliteit/"),
    ("Digitale veiligheid en cybercriminaliteit", "/veiligheidsstrategie/digitale-veiligheid-en-cybercriminaliteit/"),
    ("Maatschappelijke onrust", "/veiligheidsstrategie/maatschappelijke-onrust/"),
    ("Formatie- en inrichtingsplan politie", FORMATION),
    ("Bijlagen", "/veiligheidsstrategie/bijlagen/"),
]
MAX_TABS = 150


def tab_to(page, matches):
    """Press Tab until the focused element matches (a predicate on a11y.focused_element); fail after MAX_TABS."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = focused_element(page)
        if focused and matches(focused):
            return focused
    pytest.fail(f"Tab never reached the element on {page.url}")


def href_is(path):
    return lambda focused: focused["href"] == path


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(COVER, id="cover"),
        pytest.param(FORMATION, id="chapter-with-table-and-chart"),
        pytest.param("/veiligheidsstrategie/maatschappelijke-onrust/", id="theme-with-news"),
        pytest.param("/veiligheidsstrategie/bijlagen/", id="appendix-gremia-and-trends"),
        pytest.param(COVER + "alles/", id="print-all"),
    ],
)
def test_strategy_page_has_no_axe_violations(page, demo_site, path):
    response = page.goto(path)

    assert response.status == 200
    assert_no_axe_violations(page)


def test_a_visitor_reads_every_chapter_in_order_by_keyboard(page, demo_site):
    page.goto("/")
    focused = tab_to(page, href_is(COVER))
    assert focused["text"] == "Regionale Veiligheidsstrategie"
    assert_focus_visible(focused)
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_site.url + COVER)

    visited = [COVER]
    while True:
        side_nav = page.get_by_role("navigation", name="Hoofdstukken van de veiligheidsstrategie")
        expect(side_nav.locator('[aria-current="page"]')).to_have_text(CHAPTERS[len(visited) - 1][0])
        next_link = page.get_by_role("navigation", name="Vorige en volgende hoofdstuk").locator('a[rel="next"]')
        if not next_link.count():
            break
        focused = tab_to(page, lambda element: element["text"].startswith("Volgende"))
        assert_focus_visible(focused)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        visited.append(page.url.removeprefix(demo_site.url))
        assert len(visited) <= len(CHAPTERS)

    assert visited == [path for _, path in CHAPTERS]
    expect(page.get_by_role("link", name=re.compile("^Vorige"))).to_have_attribute("href", CHAPTERS[-2][1])


def test_a_visitor_jumps_to_the_formation_table_and_scrolls_it_by_keyboard(page, demo_site):
    page.goto(FORMATION)
    expect(page.get_by_role("heading", level=1)).to_have_text("Formatie- en inrichtingsplan politie")

    focused = tab_to(page, href_is("#formatie-eenheid-midden-nederland"))
    assert_focus_visible(focused)
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_site.url + FORMATION + "#formatie-eenheid-midden-nederland")
    expect(page.locator("#formatie-eenheid-midden-nederland")).to_be_in_viewport()

    region = tab_to(page, lambda element: element["id"] == "" and element["tag"] == "div")
    assert_focus_visible(region)
    table = page.get_by_role("table", name=re.compile("^Formatie eenheid Midden-Nederland"))
    expect(table.get_by_role("row")).to_have_count(15)  # header, 13 districts and diensten, the whole unit
    expect(table.get_by_role("row").last).to_contain_text("5.030")
    chart = page.get_by_role("img", name="Staafdiagram: totaal per district en dienst")
    expect(chart).to_be_visible()
