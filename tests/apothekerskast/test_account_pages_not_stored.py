"""No account page may be kept by a browser or a cache: the two-factor secret, recovery codes, e-mail and password
pages, and the access request. Every URL under /account/ is walked, anonymously and logged in."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import hotp_value
from bs4 import BeautifulSoup
from django.urls import get_resolver

from tests.apothekerskast.builders import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if hasattr(pattern, "url_patterns"):
            yield from routes(pattern.url_patterns, route)
        else:
            yield route


def example_path(route):
    """A path the route matches: each parameter (`<int:pk>` or a regex group) filled with a 1."""
    return "/" + re.sub(r"<[^>]+>|\(\?P<\w+>[^)]*\)", "1", route)


ACCOUNT_PATHS = sorted(
    {example_path(route) for route in routes(get_resolver().url_patterns) if route.startswith("account/")}
)
ACTIVATE = "/account/2fa/totp/activate/"
# Pages that show personal secrets or settings once two-factor is set up.
SENSITIVE = {
    "/account/2fa/recovery-codes/",
    "/account/2fa/recovery-codes/download/",
    "/account/2fa/webauthn/",
    "/account/email/",
    "/account/password/change/",
    "/account/apothekerskast/toegang/",
}


def assert_not_stored(response, path):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, f"{path}: {response.status_code} {response.get('Cache-Control')}"


@pytest.mark.parametrize("path", ACCOUNT_PATHS)
def test_no_account_page_is_stored_for_an_anonymous_visitor(client, path):
    assert_not_stored(client.get(path), path)


def test_no_account_page_is_stored_for_someone_logged_in(client, organisation):
    """Logged in with a password, set up two-factor (the secret's page, then the recovery codes), then every page."""
    assert SENSITIVE | {ACTIVATE, "/account/login/", "/account/signup/", "/account/confirm-email/1/"} <= set(
        ACCOUNT_PATHS
    )
    user = make_user("ambtenaar@utrecht.nl")
    client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    response = client.get(ACTIVATE)
    assert response.status_code == 200
    assert_not_stored(response, ACTIVATE)
    secret = BeautifulSoup(response.content.decode(), "html.parser").select_one("#authenticator_secret")["value"]
    client.post(ACTIVATE, {"code": f"{hotp_value(secret, int(time.time()) // 30):06d}"})

    statuses = {}
    for path in [*(path for path in ACCOUNT_PATHS if path != "/account/logout/"), "/account/logout/"]:
        response = client.get(path)
        statuses[path] = response.status_code
        assert_not_stored(response, path)
    assert {path: statuses[path] for path in SENSITIVE} == dict.fromkeys(SENSITIVE, 200)
