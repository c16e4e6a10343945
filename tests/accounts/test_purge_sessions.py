"""The daily purge_sessions job: the privacy statement promises that the IP address and browser the sessions page
shows go within a day after a session ends, and expired sessions do not pile up in the database."""

import io
from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.apothekerskast.builders import PASSWORD, make_user

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


def logged_in(user):
    """A browser logged in with the login form (an account without a second factor): allauth notes the session's
    IP address and browser."""
    client = Client(HTTP_USER_AGENT=BROWSER)
    assert client.post("/account/login/", {"login": user.email, "password": PASSWORD}).status_code == 302
    return client, client.session.session_key


def expire(session_key):
    """The session's end: its expiry date passes, and its copy in the cache times out with it."""
    Session.objects.filter(session_key=session_key).update(expire_date=timezone.now() - timedelta(minutes=1))
    caches[settings.SESSION_CACHE_ALIAS].delete(SessionStore(session_key=session_key).cache_key)


def test_ended_sessions_and_their_ip_address_and_browser_are_purged():
    staying, staying_key = logged_in(make_user("blijft@utrecht.nl"))
    gone, gone_key = logged_in(make_user("verlopen@utrecht.nl"))
    assert set(UserSession.objects.values_list("user_agent", flat=True)) == {BROWSER}
    expire(gone_key)

    call_command("purge_sessions", stdout=io.StringIO())

    assert list(UserSession.objects.values_list("session_key", flat=True)) == [staying_key]
    assert list(Session.objects.values_list("session_key", flat=True)) == [staying_key]
    assert staying.get("/account/").status_code == 200
    assert gone.get("/account/").status_code == 302  # to the login page
