"""axe-core finds no WCAG 2.1 A/AA violation on any account page: those anyone may open, and those of a member
logged in with a second factor (the onboarding journey covers the pages on the way to a first download)."""

import pytest

from tests.apothekerskast.builders import PASSWORD, add_totp, make_library, make_organisation, make_person
from tests.browser.a11y import assert_no_axe_violations
from tests.browser.accounts import log_in
from tests.browser.conftest import browser_test

pytestmark = browser_test

ANONYMOUS_PAGES = [
    "/account/login/",
    "/account/signup/",
    "/account/password/reset/",
    "/account/apothekerskast/",
    "/account/apothekerskast/organisatie-niet-gevonden/",
]
MEMBER_PAGES = [
    "/account/",
    "/account/email/",
    "/account/password/change/",
    "/account/2fa/",
    "/account/sessions/",
    "/account/apothekerskast/toegang/",
    "/account/apothekerskast/themas/",
    "/account/logout/",
]


@pytest.fixture
def member(site, live_server):
    make_library(site.home)
    user = make_person("no_mfa", make_organisation("Demo-organisatie", "example.org"))
    return user.email, add_totp(user)


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_an_account_page_anyone_may_open_has_no_axe_violations(page, site, path):
    response = page.goto(path)
    assert response.status == 200
    assert_no_axe_violations(page)


def test_every_account_page_of_a_member_has_no_axe_violations(page, member):
    email, secret = member
    log_in(page, email, PASSWORD, secret)
    for path in MEMBER_PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.url.endswith(path), (path, page.url)
        assert_no_axe_violations(page)
