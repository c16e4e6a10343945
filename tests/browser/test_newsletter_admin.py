"""The Eindredactie in a real browser: avatars that load (initials, no Gravatar), and a newsletter edition sent from
the admin: a test mail first, then "Verzenden naar N abonnees" and its confirmation."""

import re

from django.core import mail
from playwright.sync_api import expect

from editorial.roles import EINDREDACTIE
from newsletter.models import Mailing, NewsletterEditionPage
from tests.admin_users import make_admin_user
from tests.browser.conftest import browser_test
from tests.browser.test_editorial_workflow import log_in_to_the_admin
from tests.newsletter.builders import make_subscribers

pytestmark = browser_test

EDITION = "Nieuwsbrief 20 december 2023"


def broken_images(page):
    """The images on the page that did not load."""
    return page.evaluate(
        "[...document.images].filter(image => image.complete && image.naturalWidth === 0).map(image => image.src)"
    )


def test_the_eindredactie_sees_initials_and_sends_an_edition_after_a_test_mail(page, demo_site, browser_log):
    chief = make_admin_user("eindredactie@example.org", groups=[EINDREDACTIE])
    make_subscribers(3)
    edition = NewsletterEditionPage.objects.get(title=EDITION)

    log_in_to_the_admin(page, chief)
    avatar = page.locator(".avatar img").first
    expect(avatar).to_have_attribute("src", re.compile(r"^data:image/svg\+xml,"))
    assert broken_images(page) == []

    page.goto(f"/admin/pages/{edition.pk}/edit/")
    page.get_by_role("button", name="Acties", exact=True).first.click()  # the header's, before the items'
    page.get_by_role("link", name="Verzenden…").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nieuwsbrief verzenden")
    assert broken_images(page) == []

    mail.outbox.clear()
    page.get_by_role("button", name=f"Stuur een testmail naar {chief.email}").click()
    expect(page.get_by_text(f"Testmail van ‘{EDITION}’ verzonden")).to_be_visible()
    assert [message.to for message in mail.outbox] == [[chief.email]]

    page.get_by_role("button", name="Verzenden naar 3 abonnees").click()
    expect(page.get_by_text(f"U verstuurt ‘{EDITION}’ nu naar 3 abonnees")).to_be_visible()
    page.get_by_role("button", name="Ja, verzenden naar 3 abonnees").click()
    expect(page.get_by_text(f"‘{EDITION}’ gaat naar 3 abonnees")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Verzenden naar"))).to_have_count(0)
    expect(page.get_by_text("De verzending begint binnen een minuut")).to_be_visible()
    assert Mailing.objects.filter(edition=edition).count() == 1
    assert browser_log.foreign_requests(demo_site.url) == []
    assert browser_log.page_errors == []
