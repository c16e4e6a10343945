"""Accounts: sign-up only at a known organisation's exact domain, verified addresses, safe redirects, rate limits."""

import statistics
import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from apothekerskast.models import Organisation
from tests.apothekerskast.builders import PASSWORD, make_user

pytestmark = pytest.mark.django_db
REFUSED_DOMAINS = [
    "gmail.com",
    "utrecht.nl.evil.com",
    "evilutrecht.nl",
    "sub.utrecht.nl",
    "utrecht.nl.",
    "utrecht.n1",
]


def sign_up(client, email):
    return client.post("/account/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_at_an_organisation_domain_waits_for_verification(client, organisation):
    response = sign_up(client, "Jan.Jansen@Utrecht.nl")
    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert user.email == "jan.jansen@utrecht.nl" or user.email.lower() == "jan.jansen@utrecht.nl"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    # Without a verified address there is no session.
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("domain", REFUSED_DOMAINS)
def test_sign_up_refuses_other_and_look_alike_domains(client, organisation, domain):
    response = sign_up(client, f"jan@{domain}")
    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


def test_sign_up_refusal_says_why_in_dutch(client, organisation):
    response = sign_up(client, "jan@evilutrecht.nl")
    assert "werkadres van uw gemeente of organisatie" in response.content.decode()


def test_organisations_without_domains_admit_nobody(client):
    Organisation.objects.create(name="Politie", kind=Organisation.Kind.POLITIE)
    sign_up(client, "agent@politie.nl")
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("domain", [*REFUSED_DOMAINS, "example.com"])
def test_adding_an_address_at_another_domain_is_refused(client, organisation, domain):
    user = make_user("jan@utrecht.nl")
    client.force_login(user)
    response = client.post("/account/email/", {"action_add": "", "email": f"jan@{domain}"})
    assert response.status_code == 200
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == ["jan@utrecht.nl"]


def test_adding_an_address_at_a_known_domain_is_allowed(client, organisation):
    user = make_user("jan@utrecht.nl")
    client.force_login(user)
    client.post("/account/email/", {"action_add": "", "email": "j.jansen@utrecht.nl"})
    assert EmailAddress.objects.filter(user=user, email="j.jansen@utrecht.nl", verified=False).exists()


def test_login_with_an_unverified_address_is_refused(client, organisation):
    make_user("jan@utrecht.nl", verified=False)
    response = client.post("/account/login/", {"login": "jan@utrecht.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_never_redirects_off_site(client, organisation):
    make_user("jan@utrecht.nl")
    for target in ("https://evil.example.com/", "//evil.example.com/", "/\\evil.example.com"):
        client.logout()
        response = client.post(f"/account/login/?next={target}", {"login": "jan@utrecht.nl", "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == "/account/"


def test_login_follows_a_local_next(client, organisation):
    make_user("jan@utrecht.nl")
    response = client.post("/account/login/?next=/nieuws/", {"login": "jan@utrecht.nl", "password": PASSWORD})
    assert response["Location"] == "/nieuws/"


def test_repeated_wrong_passwords_are_rate_limited(client, organisation):
    make_user("jan@utrecht.nl")
    for _ in range(5):
        response = client.post("/account/login/", {"login": "jan@utrecht.nl", "password": "fout-wachtwoord-123"})
        assert response.status_code == 200
    blocked = client.post("/account/login/", {"login": "jan@utrecht.nl", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert blocked.status_code == 200
    assert "Probeer het over vijf minuten opnieuw" in blocked.content.decode()


def test_too_many_requests_from_one_network_get_a_dutch_answer(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    for _ in range(2):
        client.post("/account/signup/", {"email": "x@gmail.com", "password1": PASSWORD, "password2": PASSWORD})
    response = client.post("/account/signup/", {"email": "x@gmail.com", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 429
    assert "Wacht een minuut" in response.content.decode()


def test_behind_our_proxies_each_visitor_is_counted_by_their_own_address(settings, rate_limits):
    """Behind nginx and Varnish every request comes from the proxy; the count is of the address nginx saw, and a
    visitor cannot choose it by sending an X-Forwarded-For of their own."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}

    def sign_up(forwarded_for):
        proxied = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded_for)
        form = {"email": "x@gmail.com", "password1": PASSWORD, "password2": PASSWORD}
        return proxied.post("/account/signup/", form).status_code

    nginx = "172.18.0.4"
    assert [sign_up(f"203.0.113.7, {nginx}") for _ in range(2)] == [200, 200]
    assert sign_up(f"203.0.113.7, {nginx}") == 429
    assert sign_up(f"198.51.100.9, 203.0.113.7, {nginx}") == 429  # a forged first address changes nothing
    assert sign_up(f"203.0.113.8, {nginx}") == 200  # another visitor behind the same proxies


def test_rate_limits_use_the_shared_database_cache(settings):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def timed_sign_up(email, number):
    """Sign up from a fresh client on an address of its own (the per-network limit is not what is measured)."""
    client = Client(REMOTE_ADDR=f"198.51.100.{number}")
    started = time.perf_counter()
    response = sign_up(client, email)
    return response, time.perf_counter() - started


def test_sign_up_answers_a_known_address_as_it_answers_a_new_one(organisation, settings):
    """Same answer, same mail count, same time: nobody learns from sign-up whether an address has an account."""
    # The hasher production uses: its cost is the difference a stopwatch would see.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    make_user("bekend@utrecht.nl")
    known, new = [], []
    for number in range(10):
        response, seconds = timed_sign_up("bekend@utrecht.nl", 2 * number + 1)
        known.append((response.status_code, response["Location"], seconds))
        response, seconds = timed_sign_up(f"nieuw{number}@utrecht.nl", 2 * number + 2)
        new.append((response.status_code, response["Location"], seconds))

    known_median = statistics.median(answer[2] for answer in known)
    new_median = statistics.median(answer[2] for answer in new)
    print(f"\nsign-up, median of 10: known address {known_median * 1000:.0f} ms, new {new_median * 1000:.0f} ms")
    assert {answer[:2] for answer in known} == {answer[:2] for answer in new} == {(302, "/account/confirm-email/")}
    # Each address got a mail: a link to verify it, or word that it has an account already.
    assert {message.to[0] for message in mail.outbox} == {
        "bekend@utrecht.nl",
        *(f"nieuw{n}@utrecht.nl" for n in range(10)),
    }
    # Without the same work on both paths a known address answered some 15 times faster; the bound leaves room for a
    # busy machine's noise (interleaved runs, medians) and still catches that.
    assert 0.5 < known_median / new_median < 2
