"""The layout holds on a small phone (no sideways scrolling) and does not jump while the page loads."""

import pytest

from tests.browser.conftest import browser_test

pytestmark = browser_test

ARTICLE_PATH = "/nieuws/werf-jij-al-burgernetdeelnemers-volg-het-voorbeeld-van-oa-utrecht/"
# The longest Dutch compound words on the site live on these pages.
NARROW_PAGES = [
    pytest.param("/", id="home"),
    pytest.param("/nieuws/", id="news-index"),
    pytest.param(ARTICLE_PATH, id="article"),
    pytest.param("/nieuws/categorie/bijeenkomsten-en-evenementen/", id="category"),
    pytest.param("/zoeken/?q=veiligheid", id="search-results"),
    pytest.param("/toegankelijkheid/", id="standard-page"),
]

# Sums the layout shifts not caused by input, the way Core Web Vitals' CLS counts them, once the page is idle.
CUMULATIVE_LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) total += entry.value;
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 1000);
})"""


@pytest.mark.parametrize("path", NARROW_PAGES)
def test_no_horizontal_scrolling_at_320_pixels(page, demo_site, path):
    """WCAG 1.4.10 Reflow: 320 CSS pixels wide (1280 px zoomed to 400%) without scrolling sideways."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    too_wide = page.evaluate(
        """[...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    assert scroll_width <= 320, f"page is {scroll_width}px wide at a 320px viewport; too wide: {too_wide}"


@pytest.mark.parametrize("path", [pytest.param("/", id="home"), pytest.param(ARTICLE_PATH, id="article")])
@pytest.mark.parametrize("width", [1280, 375])
def test_page_does_not_shift_while_loading(page, demo_site, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path, wait_until="load")
    shift = page.evaluate(CUMULATIVE_LAYOUT_SHIFT)
    assert shift < 0.1, f"cumulative layout shift {shift:.3f} on {path} at {width}px"


@pytest.mark.parametrize("width", [1280, 375])
def test_article_with_images_does_not_shift_while_they_load(page, illustrated_article, width):
    """Images reserve their space (width and height attributes, aspect-ratio) before they arrive."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(illustrated_article.url, wait_until="load")
    page.get_by_text("Een ronde door de wijk.").scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('main img')].every(img => img.complete && img.naturalWidth)")
    shift = page.evaluate(CUMULATIVE_LAYOUT_SHIFT)
    assert shift < 0.1, f"cumulative layout shift {shift:.3f} on an illustrated article at {width}px"
