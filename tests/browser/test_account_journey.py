"""A new official's way from the home page to the first toolkit download and out again, on a 320 px phone and on a
desktop: home → Inloggen → Account aanmaken → the mail's link → toegang aanvragen → a manager approves (the official
gets the mail) → the password again → tweestapsverificatie → herstelcodes → the toolkit → download →
Uitloggen. axe-core finds nothing on
any page of the site's own on the way; the manager's screens are Wagtail's admin."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from editorial.roles import BIBLIOTHEEKBEHEER
from tests.apothekerskast.builders import (
    PASSWORD,
    SECRET_DOCUMENT,
    SECRET_TOOLKIT,
    add_totp,
    make_library,
    make_organisation,
    make_user,
)
from tests.browser.a11y import assert_no_axe_violations
from tests.browser.accounts import log_in, totp_code
from tests.browser.conftest import DESKTOP, browser_test

pytestmark = browser_test
PHONE = {"width": 320, "height": 640}
OFFICIAL = "ambtenaar@example.org"
MANAGER = "beheerder@example.org"
# Steps (clicks, submitted forms, a link opened from a mail) and pages from the home page to the first download.
STEPS_TO_DOWNLOAD = 13
PAGES_TO_DOWNLOAD = 12


class Journey:
    """The official's browser tab: counts steps and pages, and checks every page of the site with axe-core."""

    def __init__(self, page):
        self.page, self.steps, self.pages = page, 0, [page.url]
        assert_no_axe_violations(page)

    def step(self, action, *, new_page=True):
        """Do one thing the official does; when it opens a page, check that page."""
        self.steps += 1
        if not new_page:
            return action()
        with self.page.expect_navigation():
            action()
        self.pages.append(self.page.url)
        assert_no_axe_violations(self.page)
        return None

    def header_link(self, name):
        """A link of the header, through the menu on a small screen (opening it is a step there)."""
        toggle = self.page.locator("summary.site-menu__toggle")
        if toggle.is_visible():
            self.step(toggle.click, new_page=False)
        return self.page.get_by_role("navigation", name="Account").get_by_role("link", name=name)


def approve_as_manager(browser, live_server, manager_secret):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    log_in(page, MANAGER, PASSWORD, manager_secret)
    page.goto("/admin/toegangsaanvragen/?status=pending")
    page.get_by_text(OFFICIAL).first.wait_for()
    request_id = re.search(r"/admin/toegangsaanvragen/(\d+)/approve/", page.content()).group(1)
    page.goto(f"/admin/toegangsaanvragen/{request_id}/approve/")
    page.get_by_role("button", name="Goedkeuren").click()
    page.wait_for_load_state()
    context.close()


@pytest.fixture
def library_site(site, live_server, rate_limits):
    """The library, and a manager with two-factor; no attempts counted from an earlier journey with the same address."""
    make_organisation("Demo-organisatie", "example.org")
    library = make_library(site.home)
    manager = make_user(MANAGER, password=PASSWORD)
    manager.groups.add(Group.objects.get(name=BIBLIOTHEEKBEHEER))
    return library, add_totp(manager)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320px", "desktop"])
def test_a_new_official_gets_from_the_home_page_to_a_toolkit_download_and_out(
    browser, live_server, library_site, viewport
):
    library, manager_secret = library_site
    context = browser.new_context(viewport=viewport, locale="nl-NL", base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/")
    journey = Journey(page)

    journey.step(journey.header_link("Inloggen").click)
    journey.step(page.locator("main").get_by_role("link", name="Maak een account aan").click)
    page.fill("input[name=email]", OFFICIAL)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    journey.step(page.get_by_role("button", name="Account aanmaken").click)
    assert "Bevestig uw e-mailadres" in page.content()

    link = re.search(r"https?://\S+(/account/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    journey.step(lambda: page.goto(link))
    journey.step(page.get_by_role("button", name="Ja, bevestigen").click)
    assert page.url.endswith("/account/apothekerskast/toegang/")
    assert f"U hebt het e-mailadres {OFFICIAL} bevestigd." in page.content()

    page.get_by_label("Waarvoor heeft u de apothekerskast nodig?").fill("Ik werk aan de aanpak van illegaal vuurwerk.")
    journey.step(page.get_by_role("button", name="Toegang aanvragen").click)
    assert "in behandeling" in page.content()

    approve_as_manager(browser, live_server, manager_secret)
    decision = mail.outbox[-1]
    assert decision.to == [OFFICIAL] and "goedgekeurd" in decision.subject
    assert "/apothekerskast/" in decision.body

    # The link in the mail: the library asks for a second factor first, and allauth for the password before that
    # (a while has passed since logging in; returning in a new browser, the official would log in instead).
    journey.step(lambda: page.goto("/apothekerskast/"))
    assert "/account/reauthenticate/" in page.url
    page.fill("input[name=password]", PASSWORD)
    journey.step(lambda: page.press("input[name=password]", "Enter"))
    assert "/account/2fa/totp/activate/" in page.url
    secret = page.input_value("#authenticator_secret")
    assert secret.replace(" ", "") in page.locator(".secret").first.inner_text().replace(" ", "")
    page.get_by_label("Code uit uw authenticator-app").fill(totp_code(secret))
    journey.step(page.get_by_role("button", name="Activeren").click)
    assert "/account/2fa/recovery-codes/" in page.url, page.locator("main").inner_text()
    with page.expect_download() as codes:
        journey.step(page.get_by_role("link", name="Codes downloaden").click, new_page=False)
    assert codes.value.suggested_filename.endswith(".txt")
    journey.step(page.get_by_role("link", name="Verder naar de apothekerskast").click)
    assert SECRET_TOOLKIT in page.content()
    journey.step(page.get_by_role("link", name=SECRET_TOOLKIT).click)
    with page.expect_download() as download:
        journey.step(page.get_by_role("link", name=SECRET_DOCUMENT).click, new_page=False)
    assert download.value.suggested_filename == library.document.filename
    steps, pages = journey.steps, list(journey.pages)
    print(f"\n{viewport['width']}px: {steps} steps and {len(pages)} pages from home to the first download: {pages}")
    phone_menu_steps = 1 if viewport == PHONE else 0
    assert (steps - phone_menu_steps, len(pages)) == (STEPS_TO_DOWNLOAD, PAGES_TO_DOWNLOAD)

    journey.step(journey.header_link("Uitloggen").click)
    journey.step(page.locator("main").get_by_role("button", name="Uitloggen").click)
    assert "U bent uitgelogd." in page.content()
    assert journey.header_link("Inloggen").is_visible() or viewport == PHONE
    context.close()
