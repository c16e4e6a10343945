"""The official's way into the apothekerskast, in a real browser: sign up, verify, approval, TOTP, download."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from editorial.roles import BIBLIOTHEEKBEHEER
from tests.apothekerskast.builders import (
    SECRET_DOCUMENT,
    SECRET_TOOLKIT,
    add_totp,
    make_library,
    make_organisation,
    make_user,
)
from tests.browser.a11y import assert_no_axe_violations
from tests.browser.accounts import log_in, totp_code
from tests.browser.conftest import browser_test

pytestmark = browser_test
PASSWORD = "een-lang-en-sterk-wachtwoord-2024"


@pytest.fixture
def library_site(site, live_server):
    organisation = make_organisation("Demo-organisatie", "example.org")
    library = make_library(site.home)
    manager = make_user("beheerder@example.org", password=PASSWORD)
    manager.groups.add(Group.objects.get(name=BIBLIOTHEEKBEHEER))
    manager_secret = add_totp(manager)
    return organisation, library, manager_secret


def test_an_official_signs_up_is_approved_sets_up_totp_and_downloads(page, library_site, live_server):
    _, library, manager_secret = library_site
    # Sign up and verify the address.
    page.goto("/account/signup/")
    assert_no_axe_violations(page)
    page.fill("input[name=email]", "ambtenaar@example.org")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.press("input[name=password2]", "Enter")
    page.wait_for_url(re.compile(r"/account/confirm-email/"))
    link = re.search(r"https?://\S+/account/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    # Confirming in the browser that signed up logs in and leads to the access request.
    assert page.url.endswith("/account/apothekerskast/toegang/")
    page.fill("textarea[name=reason]", "Ik werk aan de aanpak van illegaal vuurwerk.")
    page.click("form.form button[type=submit]")
    assert "in behandeling" in page.content()
    page.context.clear_cookies()

    # A library manager approves the request in the admin.
    log_in(page, "beheerder@example.org", PASSWORD, manager_secret)
    page.goto("/admin/toegangsaanvragen/?status=pending")
    page.get_by_text("ambtenaar@example.org").first.wait_for()
    request_id = re.search(r"/admin/toegangsaanvragen/(\d+)/approve/", page.content()).group(1)
    page.goto(f"/admin/toegangsaanvragen/{request_id}/approve/")
    page.get_by_role("button", name="Goedkeuren").click()
    assert "goedgekeurd" in mail.outbox[-1].subject
    page.context.clear_cookies()

    # The official logs in and is sent to set up TOTP before anything else.
    page.goto("/account/login/")
    page.fill("input[name=login]", "ambtenaar@example.org")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    page.goto("/apothekerskast/")
    page.wait_for_url(re.compile(r"/account/2fa/totp/activate/"))  # without asking for the password again
    assert_no_axe_violations(page)
    secret = page.input_value("#authenticator_secret")
    page.fill("input[name=code]", totp_code(secret))
    page.press("input[name=code]", "Enter")
    page.wait_for_url(re.compile(r"/account/2fa/"))
    page.context.clear_cookies()

    # Logging in now asks for a code; with it the library opens and the document downloads.
    log_in(page, "ambtenaar@example.org", PASSWORD, secret)
    page.goto("/apothekerskast/")
    assert SECRET_TOOLKIT in page.content()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=SECRET_TOOLKIT).click()
    assert_no_axe_violations(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=SECRET_DOCUMENT).click()
    assert download_info.value.suggested_filename == library.document.filename


def test_an_anonymous_visitor_following_a_toolkit_link_lands_on_the_login(page, library_site):
    _, library, _ = library_site
    page.goto(library.toolkit.url)
    assert "/account/login/" in page.url
    assert SECRET_TOOLKIT not in page.content()
    assert_no_axe_violations(page)


def test_a_member_adds_a_security_key_and_signs_in_with_it(page, library_site, browser_log):
    """Chromium's virtual authenticator stands in for the key; the site's CSP must let allauth's scripts run."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    from tests.apothekerskast.builders import make_person

    organisation, _, _ = library_site
    member = make_person("member", organisation, email="lid@example.org")
    member.set_password(PASSWORD)
    member.save()
    secret = decrypt(member.authenticator_set.get().data["secret"])
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )

    log_in(page, member.email, PASSWORD, secret)
    page.goto("/account/2fa/")
    page.click('a[href="/account/2fa/webauthn/add/"]')
    page.wait_for_url(re.compile(r"/account/reauthenticate/"))
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(re.compile(r"/account/2fa/webauthn/add/"))
    assert_no_axe_violations(page)
    page.fill("input[name=name]", "Sleutel op mijn laptop")
    page.click("#mfa_webauthn_add")
    page.wait_for_url(re.compile(r"/account/2fa/(recovery-codes/)?$"))
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.WEBAUTHN).count() == 1

    page.context.clear_cookies()
    page.goto("/account/login/")
    page.fill("input[name=login]", member.email)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(re.compile(r"/account/2fa/authenticate/"))
    page.click("#mfa_webauthn_authenticate")
    # The key's answer is posted by script; wait until that navigation has left the code page.
    page.wait_for_url(lambda url: "/account/2fa/authenticate/" not in url)
    page.goto("/apothekerskast/")
    assert SECRET_TOOLKIT in page.content()
    assert browser_log.console_errors == [] and browser_log.page_errors == []
