"""The privacy statement is true to the site: every cookie a visitor can meet is named in it, and it lists the
personal data the site keeps with how long it keeps them."""

from html.parser import HTMLParser
from urllib.parse import urldefrag

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.builders import load_demo_content

pytestmark = pytest.mark.django_db

MAX_PAGES = 250


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def internal_links(response, base):
    parser = _Links()
    parser.feed(response.content.decode())
    for href in parser.hrefs:
        href = urldefrag(href).url
        if href.startswith("/") and not href.startswith("//"):
            yield href
        elif href.startswith(base):
            yield href[len(base) :] or "/"


def crawl(client, start, base):
    """GET the public pages reachable from `start` (at most MAX_PAGES), anonymously: {cookie name: first path}."""
    seen, queue, cookies = set(), list(start), {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen or path.startswith("/admin/") or path.startswith("/account/"):
            continue
        seen.add(path)
        response = client.get(path)
        for name in response.cookies:
            cookies.setdefault(name, path)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            queue.extend(link for link in internal_links(response, base) if link not in seen)
    return seen, cookies


def statement_text(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    return response.content.decode()


def test_every_cookie_a_visitor_meets_is_named_in_the_privacy_statement():
    load_demo_content()
    client = Client()
    pages, cookies = crawl(client, ["/"], settings.WAGTAILADMIN_BASE_URL)
    assert len(pages) > 50, "the crawl should reach the news, the strategy, the agenda and the service pages"
    # The login page and what it leads to: the one public door to an account.
    for path in (reverse("account_login"), reverse("account_signup")):
        for name in client.get(path).cookies:
            cookies.setdefault(name, path)
    assert "csrftoken" in cookies, "the login form sets the CSRF cookie"
    statement = statement_text(Client())
    unnamed = {name: path for name, path in cookies.items() if name not in statement}
    assert unnamed == {}, f"cookies the privacy statement does not name (and the first page that set each): {unnamed}"
    # A logged-in visitor gets the session cookie, and after logging in a one-time notice may travel in a cookie.
    for name in (settings.SESSION_COOKIE_NAME, "messages"):
        assert name in statement


def test_the_privacy_statement_lists_each_personal_data_store_with_its_retention():
    load_demo_content()
    statement = statement_text(Client())
    months = round(settings.APOTHEKERSKAST_DOWNLOAD_RETENTION_DAYS / 30.44)
    assert f"{months} maanden" in statement
    for store in ("Accounts", "Toegangsaanvragen", "Downloadlogboek", "Nieuwsbrief", "Aanmeldingen voor bijeenkomsten"):
        assert store in statement, store
    assert "secretariaat@rvs-mn.nl" in statement
