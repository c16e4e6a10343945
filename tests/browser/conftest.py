"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

The live server runs the real middleware (Content-Security-Policy included) and serves static files through
the staticfiles finders. Its data is shared with the test through the database, hence transactional tests;
`serialized_rollback` brings back Wagtail's root page and default locale after each test's flush, and
`demo_site` restores its own snapshot of the demo content.
"""

import io
import json
import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from news.models import NewsIndexPage
from tests.builders import make_article, make_image

# Playwright's sync API keeps an asyncio loop around; Django would otherwise refuse ORM calls from the test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}

# Every browser test needs the live server's database, so mark them all here once.
browser_test = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; each test gets a fresh context (cookies, storage)."""
    if not (os.path.isfile(CHROMIUM_PATH) or shutil.which(CHROMIUM_PATH)):
        pytest.skip(f"Chromium not found at {CHROMIUM_PATH}: run bin/ensure-chromium or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    # Starting Playwright switches greenlets and leaves this thread with a new database connection object, one
    # without pytest-django's serialized copy of the migrated database: carry it over, or `serialized_rollback`
    # would bring nothing back (not even Wagtail's root page) in the tests that follow.
    serialized = getattr(connection, "_test_serialized_contents", None)
    playwright = sync_playwright().start()
    if serialized is not None:
        connection._test_serialized_contents = serialized
    chromium = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


class BrowserLog:
    """What a page did besides rendering: every request it made, console errors and uncaught exceptions."""

    def __init__(self):
        self.requests = []
        self.console_errors = []
        self.page_errors = []

    def foreign_requests(self, origin):
        """Requests to anything but `origin` (scheme://host:port); data: URLs stay inside the page."""
        return [url for url in self.requests if not url.startswith("data:") and _origin(url) != origin]


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def browser_log():
    return BrowserLog()


@pytest.fixture
def page(browser, live_server, browser_log):
    """A desktop-sized page in a fresh context, Dutch locale, logging what it requests and any errors."""
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("request", lambda request: browser_log.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and browser_log.console_errors.append(message.text))
    page.on("pageerror", lambda error: browser_log.page_errors.append(str(error)))
    yield page
    context.close()


_demo_snapshot = {}


def _content_types_first(serialized):
    """The serialized rows with the content types first.

    Wagtail's Page and Task look up their content type (creating it when missing) while a subclass row without
    the parent's id is being built; with the content types restored first that lookup finds the right row.
    """
    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def _restore(serialized):
    """Empty the database and load the serialized rows, as Django's serialized rollback does."""
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True)
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(serialized)


def _start_from_the_migrated_database():
    """Whatever earlier tests left, the database as migrations leave it, from pytest-django's serialization
    (made because every browser test asks for `serialized_rollback`)."""
    _restore(_content_types_first(connection._test_serialized_contents))


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The real demo content (home, 20 news articles, Over ons, Contact, Toegankelijkheid, Privacy and the rest).

    `load_demo_content` runs once per session, on the database as migrations left it; later tests restore its
    rows from a serialized snapshot, which is several times faster. Either way, earlier tests leave no trace.
    """
    # Wagtail caches site root paths in the database cache, which the per-test flush does not empty.
    cache.clear()
    if "rows" in _demo_snapshot:
        _restore(_demo_snapshot["rows"])
    else:
        _start_from_the_migrated_database()
        call_command("load_demo_content", stdout=io.StringIO())
        _demo_snapshot["rows"] = _content_types_first(connection.creation.serialize_db_to_string())
    return live_server


@pytest.fixture
def illustrated_article(demo_site):
    """An article with what editors can add: lead image, headings, text with a list and a link, figure, quote."""
    image = make_image(title="Wijkagent op de fiets", credit="Politie Midden-Nederland")
    return make_article(
        NewsIndexPage.objects.get(),
        title="Buurtpreventie werkt",
        lead_image=image,
        lead_image_alt="Een wijkagent fietst door een woonwijk.",
        body=[
            {"type": "heading", "value": {"text": "Wat doet een buurtpreventieteam?", "level": "h2"}},
            {
                "type": "paragraph",
                "value": "<p>Bewoners lopen <b>samen</b> een ronde.</p><ul><li>Overdag</li><li>’s Avonds</li></ul>"
                '<p>Lees meer op <a href="/nieuws/">de nieuwspagina</a>.</p>',
            },
            {"type": "heading", "value": {"text": "Zo begint u", "level": "h3"}},
            {
                "type": "figure",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Een groep bewoners.", "decorative": False},
                    "caption": "Een ronde door de wijk.",
                },
            },
            {"type": "quote", "value": {"text": "Samen zien we meer.", "attribution": "Een bewoner"}},
        ],
    )
