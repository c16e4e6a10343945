"""Logging in, in the browser tests: the password, then the code of the authenticator app."""

import re
import time

from allauth.mfa.totp.internal.auth import hotp_value


def totp_code(secret):
    """The code of the current 30-second window, waiting for the next window when this one is about to end (allauth
    accepts no code of a neighbouring window)."""
    if 30 - time.time() % 30 < 5:
        time.sleep(30 - time.time() % 30)
    return f"{hotp_value(secret, int(time.time()) // 30):06d}"


def log_in(page, email, password, secret):
    page.goto("/account/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(re.compile(r"/account/2fa/authenticate/"))
    page.fill("input[name=code]", totp_code(secret))
    with page.expect_navigation():
        page.press("input[name=code]", "Enter")
