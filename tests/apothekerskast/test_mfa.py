"""Two-factor authentication is required for members and for everyone with access to the Wagtail admin."""

import time

import pytest
from allauth.mfa.totp.internal.auth import hotp_value
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission

from tests.apothekerskast.builders import PASSWORD, add_totp, make_user

pytestmark = pytest.mark.django_db
MFA_SETUP = "/account/2fa/totp/activate/"


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/admin/pages/"


def test_admin_asks_anonymous_visitors_to_log_in_with_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_django_admin_is_not_mounted(client):
    assert client.get("/django-admin/").status_code == 404


@pytest.fixture
def editor(organisation):
    user = make_user("redacteur@utrecht.nl")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_editor_without_mfa_is_sent_to_set_up(client, editor):
    client.force_login(editor)
    for path in ("/admin/", "/admin/pages/", "/", "/admin/login/"):
        response = client.get(path)
        assert response.status_code == 302, path
        if path != "/admin/login/":
            assert response["Location"] == MFA_SETUP, path


def test_editor_with_mfa_opens_the_admin(client, editor):
    add_totp(editor)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_member_without_mfa_is_sent_to_set_up(client, library, person):
    client.force_login(person("no_mfa"))
    assert client.get("/")["Location"] == MFA_SETUP
    # The set-up page itself is reachable (allauth may first ask to re-enter the password).
    response = client.get(MFA_SETUP)
    assert response.status_code == 200 or response["Location"].startswith("/account/reauthenticate/")


def test_setting_up_a_second_factor_right_after_logging_in_does_not_ask_for_the_password_again(client, editor):
    response = client.post("/account/login/?next=/admin/", {"login": editor.email, "password": PASSWORD})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"] == MFA_SETUP

    response = client.get(MFA_SETUP)
    assert response.status_code == 200
    secret = BeautifulSoup(response.content.decode(), "html.parser").select_one("#authenticator_secret")["value"]
    response = client.post(MFA_SETUP, {"code": f"{hotp_value(secret, int(time.time()) // 30):06d}"})
    assert response["Location"] == "/account/2fa/recovery-codes/"
    response = client.get("/account/2fa/recovery-codes/")

    assert response.status_code == 200
    assert editor.authenticator_set.filter(type="totp").exists()
    assert client.get("/admin/").status_code == 200


def with_password_login(client, seconds_ago=0):
    """Let the session say the last authentication was a password login `seconds_ago`, as allauth records it."""
    session = client.session
    records = session["account_authentication_methods"]
    records[-1].update(method="password", at=time.time() - seconds_ago)
    session["account_authentication_methods"] = records
    session.save()


def test_setting_up_a_second_factor_long_after_logging_in_asks_for_the_password(client, editor):
    client.post("/account/login/", {"login": editor.email, "password": PASSWORD})
    with_password_login(client, seconds_ago=10 * 60)  # allauth's timeout is five minutes

    response = client.get(MFA_SETUP)

    assert response["Location"] == "/account/reauthenticate/?next=%2Faccount%2F2fa%2Ftotp%2Factivate%2F"


def test_someone_who_had_a_second_factor_before_logging_in_is_asked_for_the_password(client, editor):
    add_totp(editor)
    log_in_with_totp(client, editor)
    with_password_login(client)

    response = client.get("/account/2fa/webauthn/add/")

    assert response["Location"] == "/account/reauthenticate/?next=%2Faccount%2F2fa%2Fwebauthn%2Fadd%2F"


def test_people_without_access_need_no_second_factor(client, person):
    client.force_login(person("pending"))
    assert client.get("/").status_code == 200


def test_login_asks_for_the_code_and_accepts_a_valid_one(client, library, member):
    secret = member.authenticator_set.get().wrap().instance.data["secret"]
    from allauth.mfa.utils import decrypt

    secret = decrypt(secret)
    response = client.post("/account/login/?next=/apothekerskast/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/account/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    wrong = client.post("/account/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    code = f"{hotp_value(secret, int(time.time()) // 30):06d}"
    response = client.post("/account/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert response["Location"] == "/apothekerskast/"
    assert client.get("/apothekerskast/").status_code == 200


def log_in_with_totp(client, user):
    """Log in through allauth with the password and a current code, as a person does."""
    from allauth.mfa.utils import decrypt

    secret = decrypt(user.authenticator_set.get(type="totp").data["secret"])
    client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    response = client.post("/account/2fa/authenticate/", {"code": f"{hotp_value(secret, int(time.time()) // 30):06d}"})
    assert response.status_code == 302


def test_members_are_offered_a_security_key_and_reach_its_page_under_the_csp(client, member):
    log_in_with_totp(client, member)

    overview = client.get("/account/2fa/")
    assert "Beveiligingssleutels" in overview.content.decode()
    assert 'href="/account/2fa/webauthn/add/"' in overview.content.decode()

    # Before a new authenticator is added, allauth asks for the password again.
    response = client.get("/account/2fa/webauthn/add/")
    assert response["Location"] == "/account/reauthenticate/?next=%2Faccount%2F2fa%2Fwebauthn%2Fadd%2F"
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/account/2fa/webauthn/add/"

    response = client.get("/account/2fa/webauthn/add/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.find("h1").get_text(strip=True) == "Voeg beveiligingssleutel toe"
    assert page.find(id="mfa_webauthn_add") is not None
    scripts = page.find_all("script")
    assert "/static/mfa/js/webauthn.js" in [script.get("src") for script in scripts]
    # Under script-src 'self' a browser runs only scripts from the site's own files; the inline ones are JSON data.
    assert all(
        script.get("src", "").startswith("/static/") or script.get("type") == "application/json" for script in scripts
    )
    directives = [directive.strip() for directive in response["Content-Security-Policy"].split(";")]
    assert "script-src 'self'" in directives
    assert not any("unsafe-inline" in directive for directive in directives)
