"""axe-core finds no WCAG 2.1 A/AA violation, nor a breach of its best practices, on any type of public page."""

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import assert_no_axe_violations
from tests.browser.conftest import browser_test

pytestmark = browser_test

ARTICLE_PATH = "/nieuws/werf-jij-al-burgernetdeelnemers-volg-het-voorbeeld-van-oa-utrecht/"

# Every page type of the public site, as the demo content fills it.
PAGES = [
    pytest.param("/", 200, id="home"),
    pytest.param("/nieuws/", 200, id="news-index"),
    pytest.param("/nieuws/?page=2", 200, id="news-index-page-2"),
    pytest.param("/nieuws/categorie/campagnes/", 200, id="category"),
    pytest.param("/nieuws/2023/11/", 200, id="month-archive"),
    pytest.param("/nieuws/2023/", 200, id="year-archive"),
    pytest.param(ARTICLE_PATH, 200, id="article"),
    pytest.param("/zoeken/?q=criminaliteit", 200, id="search-results"),
    pytest.param("/zoeken/?q=zeppelinlandingsbaan", 200, id="search-no-results"),
    pytest.param("/zoeken/", 200, id="search-empty"),
    pytest.param("/toegankelijkheid/", 200, id="standard-page"),
    pytest.param("/contact/", 200, id="standard-page-with-links"),
    pytest.param("/bestaat-niet/", 404, id="not-found"),
]


@pytest.mark.parametrize(("path", "status"), PAGES)
def test_page_has_no_axe_violations(page, demo_site, path, status):
    """WCAG 2.1 A/AA, then axe's best practices: one h1, headings in order, all content in unique landmarks."""
    response = page.goto(path)
    assert response.status == status
    assert_no_axe_violations(page)
    assert_no_axe_violations(page, tags=["best-practice"])


def test_article_with_images_and_every_body_block_has_no_violations(page, illustrated_article):
    response = page.goto(illustrated_article.url)
    assert response.status == 200
    images = page.get_by_role("main").get_by_role("img")
    expect(images).to_have_count(2)
    expect(page.get_by_role("img", name="Een wijkagent fietst door een woonwijk.")).to_be_visible()
    page.get_by_text("Een ronde door de wijk.").scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('main img')].every(img => img.complete && img.naturalWidth)")
    assert_no_axe_violations(page)
    assert_no_axe_violations(page, tags=["best-practice"])


def test_axe_check_fails_and_reports_every_violation(page):
    """The check itself: an image without alt text and grey-on-white text fail the test, named in the report."""
    page.set_content(
        '<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body><main><h1>Proef</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">'
        '<p class="grey">Nauwelijks leesbaar</p></main></body></html>'
    )
    page.add_style_tag(content=".grey { color: #bbb; }")
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_no_axe_violations(page)
    report = str(failure.value)
    assert "2 axe-core violation(s)" in report
    assert "image-alt (critical)" in report
    assert "color-contrast (serious)" in report
    assert "Nauwelijks leesbaar" in report
