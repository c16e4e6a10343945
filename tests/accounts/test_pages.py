"""The account pages in the site's layout and plain Dutch: "u", "Inloggen/Uitloggen", what happens next."""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import hotp_value
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from tests.apothekerskast.builders import PASSWORD, add_totp, make_person, make_user

pytestmark = pytest.mark.django_db
# "je", "jij", "jouw" and friends, and the newsletter's words for logging in and out.
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b|\b(aanmeld|afmeld|aangemeld|afgemeld)", re.IGNORECASE)
ANONYMOUS_PAGES = [
    "/account/login/",
    "/account/signup/",
    "/account/password/reset/",
    "/account/confirm-email/",
    "/account/apothekerskast/",
]
LOGGED_IN_PAGES = [
    "/account/",
    "/account/email/",
    "/account/password/change/",
    "/account/2fa/",
    "/account/sessions/",
    "/account/logout/",
    "/account/apothekerskast/toegang/",
    "/account/reauthenticate/",
]


def visible_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    return soup.get_text(" ", strip=True)


def assert_formal_dutch(response):
    text = visible_text(response)
    assert not INFORMAL.findall(text), INFORMAL.findall(text)


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_pages_before_logging_in_say_u_and_inloggen(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_formal_dutch(response)
    assert BeautifulSoup(response.content, "html.parser").find("main").find("h1")


@pytest.mark.parametrize("path", LOGGED_IN_PAGES)
def test_pages_after_logging_in_say_u_and_uitloggen(client, organisation, path):
    user = make_user("jan@utrecht.nl")
    add_totp(user)
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    assert_formal_dutch(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("header").find("a", string="Uitloggen")


def test_allauth_notices_and_errors_say_u(client, organisation):
    make_user("jan@utrecht.nl")
    wrong = client.post("/account/login/", {"login": "jan@utrecht.nl", "password": "fout"})
    assert "Het e-mailadres of het wachtwoord klopt niet." in visible_text(wrong)
    assert_formal_dutch(wrong)
    logged_in = client.post("/account/login/", {"login": "jan@utrecht.nl", "password": PASSWORD}, follow=True)
    assert "U bent ingelogd als jan@utrecht.nl." in visible_text(logged_in)
    logged_out = client.post("/account/logout/", follow=True)
    assert logged_out.redirect_chain[-1][0] == "/account/login/"
    assert "U bent uitgelogd." in visible_text(logged_out)
    assert_formal_dutch(logged_out)


def test_signup_says_who_may_register_and_what_happens_next(client):
    text = visible_text(client.get("/account/signup/"))
    assert "e-mailadres van uw werk" in text
    assert "Wat gebeurt er daarna?" in text
    assert "tweestapsverificatie" in text


def test_confirming_the_address_in_the_same_browser_leads_to_the_access_request(client, organisation):
    client.post("/account/signup/", {"email": "nieuw@utrecht.nl", "password1": PASSWORD, "password2": PASSWORD})
    link = re.search(r"https?://\S+(/account/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    assert_formal_dutch(client.get(link))
    confirmed = client.post(link, follow=True)
    assert confirmed.redirect_chain[-1][0] == "/account/apothekerskast/toegang/"
    text = visible_text(confirmed)
    assert "U hebt het e-mailadres nieuw@utrecht.nl bevestigd." in text
    assert "U vraagt toegang aan namens Gemeente Utrecht" in text


def test_confirming_the_address_in_another_browser_asks_to_log_in_then_leads_to_the_access_request(organisation):
    Client().post("/account/signup/", {"email": "nieuw@utrecht.nl", "password1": PASSWORD, "password2": PASSWORD})
    link = re.search(r"https?://\S+(/account/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    other = Client()
    confirmed = other.post(link, follow=True)
    assert confirmed.redirect_chain[-1][0] == "/account/login/?next=%2Faccount%2Fapothekerskast%2Ftoegang%2F"
    assert "U hebt het e-mailadres nieuw@utrecht.nl bevestigd." in visible_text(confirmed)
    assert EmailAddress.objects.get(email="nieuw@utrecht.nl").verified
    logged_in = other.post(
        confirmed.redirect_chain[-1][0], {"login": "nieuw@utrecht.nl", "password": PASSWORD}, follow=True
    )
    assert logged_in.redirect_chain[-1][0] == "/account/apothekerskast/toegang/"


def test_the_totp_set_up_shows_the_qr_code_and_the_whole_secret(client, organisation):
    client.post("/account/login/", {"login": make_person("no_mfa", organisation).email, "password": PASSWORD})
    response = client.get("/account/2fa/totp/activate/")
    soup = BeautifulSoup(response.content, "html.parser")
    secret = soup.find("input", id="authenticator_secret")["value"]
    assert len(secret) == 32
    assert soup.find("input", id="authenticator_secret").has_attr("readonly")
    assert soup.select_one("img.qr-code")["src"].startswith("data:image/svg+xml")
    assert secret in soup.select_one(".secret").get_text().replace(" ", "")
    assert "tweestapsverificatie" in visible_text(response)
    assert_formal_dutch(response)


def test_the_recovery_codes_offer_a_download_and_a_way_on(client, organisation):
    member = make_person("no_mfa", organisation)
    client.post("/account/login/", {"login": member.email, "password": PASSWORD})
    activate = client.get("/account/2fa/totp/activate/")
    secret = BeautifulSoup(activate.content, "html.parser").find("input", id="authenticator_secret")["value"]
    code = f"{hotp_value(secret, int(time.time()) // 30):06d}"
    codes = client.post("/account/2fa/totp/activate/", {"code": code}, follow=True)
    assert codes.redirect_chain[-1][0] == "/account/2fa/recovery-codes/"
    soup = BeautifulSoup(codes.content, "html.parser")
    assert len(soup.select(".recovery-codes li")) == 10
    assert soup.find("a", href="/account/2fa/recovery-codes/download/")
    assert soup.find("a", href="/apothekerskast/", string="Verder naar de apothekerskast")
    assert_formal_dutch(codes)


def test_the_steps_to_the_apothekerskast_are_readable_before_logging_in(client):
    response = client.get("/account/apothekerskast/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "Toegang tot de apothekerskast"
    assert len(soup.select("main ol.steps li")) == 5
    assert soup.select_one("main ol.steps a")["href"] == "/account/signup/"


def test_the_login_page_links_to_signing_up_and_the_steps(client):
    soup = BeautifulSoup(client.get("/account/login/").content, "html.parser")
    main = soup.find("main")
    assert main.find("a", href="/account/signup/")
    assert main.find("a", href="/account/apothekerskast/")
