"""The site loads nothing from elsewhere and runs within its Content-Security-Policy."""

import pytest

from tests.browser.conftest import browser_test

pytestmark = browser_test

ARTICLE_PATH = "/nieuws/werf-jij-al-burgernetdeelnemers-volg-het-voorbeeld-van-oa-utrecht/"
PAGES = [
    pytest.param("/", id="home"),
    pytest.param("/nieuws/", id="news-index"),
    pytest.param("/nieuws/categorie/campagnes/", id="category"),
    pytest.param(ARTICLE_PATH, id="article"),
    pytest.param("/zoeken/?q=criminaliteit", id="search-results"),
    pytest.param("/privacy/", id="standard-page"),
]


@pytest.mark.parametrize("path", PAGES)
def test_page_stays_on_the_site_and_within_its_security_policy(page, demo_site, browser_log, path):
    """Every request goes to the site itself; no console error (a CSP violation would be one), no inline code."""
    response = page.goto(path, wait_until="networkidle")
    assert browser_log.requests, "no requests recorded"
    assert browser_log.foreign_requests(demo_site.url) == []
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert browser_log.console_errors == []
    assert browser_log.page_errors == []
    stylesheets = page.evaluate("[...document.styleSheets].map(sheet => sheet.href)")
    assert all(href and href.startswith(demo_site.url + "/static/") for href in stylesheets), stylesheets
    assert page.locator("[style]").count() == 0, "inline style attributes are blocked by the CSP"
    # JSON-LD is data, not code: the CSP does not apply to it.
    inline_code = page.locator('script:not([src]):not([type="application/ld+json"])')
    assert inline_code.count() == 0, "inline scripts are blocked by the CSP"


def test_searching_from_the_header_stays_on_the_site(page, demo_site, browser_log):
    page.goto("/")
    page.get_by_role("search").get_by_label("Zoeken op de site").fill("Burgernetdeelnemers")
    page.get_by_role("search").get_by_role("button", name="Zoek").click()
    page.wait_for_url("**/zoeken/?q=Burgernetdeelnemers")
    assert page.get_by_role("heading", level=1).inner_text() == "Zoeken"
    result = page.get_by_role("main").get_by_role("listitem").filter(has_text="Werf jij al Burgernetdeelnemers?")
    assert result.count() == 1
    assert "Nieuwsbericht, campagnes, 20 dec. 2023" in result.inner_text()
    assert browser_log.foreign_requests(demo_site.url) == []
