"""On a 320 px phone the header stays compact, the news filters and the strategy's chapters come folded above the
text, and the formation table keeps its caption and row headers in view; no page scrolls sideways and axe-core
finds nothing. Wider screens show the filters and chapters open, without a toggle."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import assert_no_axe_violations
from tests.browser.conftest import browser_test

pytestmark = browser_test

PHONE = {"width": 320, "height": 640}
FIRST_SCREEN = 600
FORMATION = "/veiligheidsstrategie/formatie-en-inrichtingsplan-politie/"


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def assert_no_sideways_scrolling(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("innerWidth"), f"{page.url} is {width}px wide at 320px"


def top(locator):
    return locator.evaluate("element => element.getBoundingClientRect().top + scrollY")


def test_home_has_a_compact_header_whose_menu_unfolds(phone, demo_site):
    phone.goto("/")
    header = phone.locator("header.site-header")
    assert header.bounding_box()["height"] < 120
    menu = phone.get_by_role("navigation", name="Hoofdmenu")
    expect(menu).to_be_hidden()
    assert_no_sideways_scrolling(phone)
    assert_no_axe_violations(phone)

    phone.locator("header summary").click()
    expect(menu.get_by_role("link", name="Nieuws", exact=True)).to_be_visible()
    expect(phone.get_by_role("search").get_by_label("Zoeken op de site")).to_be_visible()
    assert_no_sideways_scrolling(phone)
    assert_no_axe_violations(phone)


def test_the_menu_unfolds_without_javascript(browser, demo_site):
    context = browser.new_context(viewport=PHONE, base_url=demo_site.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.locator("header summary").click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda")
    context.close()


def test_news_filters_come_before_the_list_and_filter_it(phone, demo_site):
    phone.goto("/nieuws/")
    toggle = phone.locator("summary", has_text="Filter")
    assert top(toggle) < FIRST_SCREEN
    assert top(toggle) < top(phone.locator(".news-item").first)
    categories = phone.get_by_role("navigation", name="Categorieën")
    expect(categories).to_be_hidden()
    assert_no_sideways_scrolling(phone)
    assert_no_axe_violations(phone)

    toggle.click()
    expect(categories).to_be_visible()
    expect(phone.get_by_role("navigation", name="Archief")).to_be_visible()
    assert_no_sideways_scrolling(phone)
    assert_no_axe_violations(phone)

    categories.get_by_role("link", name="Campagnes").click()
    expect(phone).to_have_url(re.compile("/nieuws/categorie/campagnes/$"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Nieuws: Campagnes")
    assert top(phone.locator("summary", has_text="Filter")) < FIRST_SCREEN
    assert_no_sideways_scrolling(phone)
    assert_no_axe_violations(phone)


def test_a_chapter_starts_on_the_first_screen_with_its_chapters_folded_above(phone, demo_site):
    phone.goto("/veiligheidsstrategie/samenvatting/")
    title = phone.get_by_role("heading", level=1)
    expect(title).to_have_text("Samenvatting")
    assert top(title) < FIRST_SCREEN
    chapters = phone.get_by_role("navigation", name="Hoofdstukken van de veiligheidsstrategie")
    expect(chapters.get_by_role("link", name="Bijlagen")).to_be_hidden()
    assert_no_sideways_scrolling(phone)
    assert_no_axe_violations(phone)

    chapters.locator("summary").click()
    expect(chapters.get_by_role("link", name="Bijlagen")).to_be_visible()
    assert_no_axe_violations(phone)


def test_the_formation_table_keeps_its_caption_and_row_headers_in_view(phone, demo_site):
    phone.goto(FORMATION)
    assert top(phone.get_by_role("heading", level=1)) < FIRST_SCREEN
    assert_no_sideways_scrolling(phone)
    caption = phone.locator(".data-table caption > span").first
    box = caption.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"caption cut off: {box}"

    region = phone.get_by_role("region", name=re.compile("^Formatie eenheid Midden-Nederland"))
    region.evaluate("element => { element.scrollLeft = element.scrollWidth }")
    row_header = region.get_by_role("rowheader", name="District Flevoland")
    total = region.get_by_role("columnheader", name="Totaal")
    region_box, header_box, total_box = region.bounding_box(), row_header.bounding_box(), total.bounding_box()
    assert abs(header_box["x"] - region_box["x"]) < 1, "the row headers scroll away with the numbers"
    assert total_box["x"] + total_box["width"] <= region_box["x"] + region_box["width"] + 1
    assert total_box["x"] >= header_box["x"] + header_box["width"] - 1, "Totaal hides under the row headers"
    assert caption.bounding_box()["x"] >= 0
    assert_no_axe_violations(phone)


@pytest.mark.parametrize("path", ["/nieuws/", "/veiligheidsstrategie/samenvatting/"])
def test_wide_screens_show_the_filters_and_chapters_open(page, demo_site, path):
    page.goto(path)
    aside = page.get_by_role("navigation", name=re.compile("^(Categorieën|Hoofdstukken van de veiligheidsstrategie)$"))
    expect(aside.get_by_role("link").first).to_be_visible()
    expect(page.locator("main summary")).to_be_hidden()
    expect(page.locator("header summary")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
