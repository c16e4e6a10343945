"""The editors' moderation path in a real browser: a Redacteur submits a news article, the Eindredactie approves it.

Both log in as people do (e-mail, password, a TOTP code from their authenticator) and work in Wagtail's Dutch
admin; a visitor in a browser of their own checks what the public site shows before and after the approval.
"""

import re
import time
from datetime import date

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import hotp_value
from allauth.mfa.utils import decrypt
from django.core import mail
from playwright.sync_api import expect

from editorial.roles import EINDREDACTIE, REDACTEUR, WORKFLOW_NAME
from news.models import NewsArticlePage
from tests.admin_users import PASSWORD, make_admin_user
from tests.browser.a11y import assert_no_axe_violations
from tests.browser.conftest import DESKTOP, browser_test

pytestmark = browser_test

TITLE = "Buurtpreventie-app nu in alle 38 gemeenten"
ARTICLE_PATH = "/nieuws/buurtpreventie-app-nu-in-alle-38-gemeenten/"
SUMMARY = "Bewoners melden verdachte situaties in hun wijk voortaan met één app."
CATEGORY = "Tips"
APPROVAL_COMMENT = "Helder stuk, akkoord."
TOTP_PERIOD = 30


@pytest.fixture
def new_page(browser, live_server):
    """Opens a page in a fresh browser context (its own cookies): one per person at the keyboard."""
    contexts = []

    def open_page():
        context = browser.new_context(viewport=DESKTOP, locale="nl-NL", base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def editors(demo_site):
    """A Redacteur and an Eindredactie on the demo site, each with an authenticator app set up."""
    return make_admin_user("redacteur@example.org", groups=[REDACTEUR]), make_admin_user(
        "eindredactie@example.org", groups=[EINDREDACTIE]
    )


def totp_code(user):
    """The code the user's authenticator app shows now (waiting for the next one if this one is about to expire)."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    if TOTP_PERIOD - time.time() % TOTP_PERIOD < 2:
        time.sleep(2)
    return f"{hotp_value(secret, int(time.time()) // TOTP_PERIOD):06d}"


def log_in_to_the_admin(page, user):
    """Open /admin/, sign in with e-mail and password, then with the TOTP code; ends on the dashboard."""
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/account/login/\?next=/admin/$"))
    form = page.get_by_role("main")
    form.get_by_role("textbox", name="E-mail:").fill(user.email)
    form.get_by_role("textbox", name="Wachtwoord:").fill(PASSWORD)
    form.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/account/2fa/authenticate/$"))
    form.get_by_role("textbox", name="Code:").fill(totp_code(user))
    form.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text(f"U bent ingelogd als {user.email}.")


def public_listing_titles(page):
    """The listing's titles as a reader sees them after reloading it: browsers may keep a public page for a minute
    (max-age), so a reader who opened it just before a publish sees the new article on reloading."""
    page.goto("/nieuws/")
    page.reload()
    return page.get_by_role("main").get_by_role("article").get_by_role("heading", level=2).all_inner_texts()


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


def test_a_redacteur_submits_an_article_and_the_eindredactie_approves_it(new_page, editors):
    writer, chief = editors
    today = date.today()
    visitor = new_page()

    # The Redacteur goes from the dashboard to the news section and writes an article there.
    page = new_page()
    log_in_to_the_admin(page, writer)
    page.get_by_role("link", name=re.compile(r"^\d+ Pagina's aangemaakt")).click()
    page.get_by_role("link", name="Bekijk de onderliggende pagina's van 'Nieuws'", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verkennen: Nieuws")
    page.get_by_role("link", name="Voeg onderliggende pagina toe", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw: Nieuwsartikel")

    form = page.get_by_role("tabpanel", name="Inhoud")
    form.get_by_role("textbox", name="Titel*").fill(TITLE)
    form.get_by_role("textbox", name="Publicatiedatum*").fill(today.isoformat())
    form.get_by_role("button", name="Kies nieuwscategorie").click()
    page.get_by_role("dialog").get_by_role("link", name=CATEGORY, exact=True).click()
    expect(form.get_by_role("region", name="Categorie*")).to_contain_text(CATEGORY)
    form.get_by_role("textbox", name="Samenvatting", exact=True).fill(SUMMARY)

    # A Redacteur cannot publish: the only way out besides a draft is the workflow.
    actions = page.get_by_role("navigation", name="Acties (footer)")
    mail.outbox.clear()
    actions.get_by_role("button", name="Meer acties").click()
    expect(actions.get_by_role("button", name="Publiceer")).to_have_count(0)
    actions.get_by_role("button", name=f"Stuur door naar {WORKFLOW_NAME}", exact=True).click()
    submitted = f"Pagina '{TITLE}' aangemaakt en ingediend voor controle."
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text(submitted)
    expect(page.get_by_role("heading", level=1)).to_have_text("Verkennen: Nieuws")

    # The Eindredactie is told by e-mail where to review it; the public does not see it yet.
    article = NewsArticlePage.objects.get(slug=ARTICLE_PATH.split("/")[2])
    assert recipients(mail.outbox) == [chief.email]
    assert TITLE in mail.outbox[0].subject
    assert f"/admin/pages/{article.pk}/edit/" in mail.outbox[0].body
    assert visitor.goto(ARTICLE_PATH).status == 404
    assert TITLE not in public_listing_titles(visitor)

    # The Eindredactie logs in, finds the article waiting for review on the dashboard and approves it.
    page = new_page()
    log_in_to_the_admin(page, chief)
    review = page.get_by_role("region", name="In afwachting van jouw beoordeling")
    row = review.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))
    expect(row).to_contain_text(writer.email)
    mail.outbox.clear()
    row.get_by_role("button", name="Acties").click()
    row.get_by_role("button", name="Goedkeuren met opmerking", exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", level=1)).to_have_text("Goedkeuren met opmerking")
    dialog.get_by_role("textbox", name="Opmerking").fill(APPROVAL_COMMENT)
    dialog.get_by_role("button", name="Goedkeuren met opmerking", exact=True).click()
    # Wagtail reloads the dashboard (without a message); with nothing left to review, the panel is gone.
    expect(review).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The Redacteur hears the article was approved; it is live, on top of the news listing.
    assert writer.email in recipients(mail.outbox)
    assert any(TITLE in message.subject + message.body for message in mail.outbox)
    article.refresh_from_db()
    assert article.live and article.date == today and article.category.name == CATEGORY
    assert public_listing_titles(visitor)[0] == TITLE
    visitor.get_by_role("main").get_by_role("link", name=TITLE, exact=True).click()
    expect(visitor).to_have_url(re.compile(re.escape(ARTICLE_PATH) + "$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    header = visitor.locator(".article__header")
    expect(header.locator(".label")).to_have_text(CATEGORY)
    expect(header.locator("time")).to_have_attribute("datetime", today.isoformat())
    expect(header).to_contain_text(SUMMARY)
    assert visitor.goto(ARTICLE_PATH).status == 200
    assert_no_axe_violations(visitor)
