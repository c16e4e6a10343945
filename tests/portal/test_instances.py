"""Two instances of the application behind the cache, as in production: nginx in front of Varnish, which balances two
gunicorn instances sharing the test database and a real Redis (their Django cache).

Readers notice nothing when an instance is killed or restarted, or when Redis goes away; log-in attempts are counted
together whichever instance gets them, and refused (503) while they cannot be counted; documents are sent by nginx
after the application's access check (X-Accel-Redirect), so a download holds no worker. Takes about two minutes.
"""

import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from apothekerskast.models import DownloadEvent
from tests.apothekerskast.builders import make_library, make_organisation, make_person, make_user
from tests.builders import make_article, make_site
from tests.portal.cache_stack import App, Load, Nginx, RedisServer, Varnish, request, wait_until

ARTICLE = "Minder woninginbraken in de regio"
OUTAGE_PAGE_TEXT = "Tijdelijk niet beschikbaar"  # templates/503.html
REFUSAL_TEXT = "Uw toegang is ingetrokken"  # apothekerskast/no_access.html for a revoked member
WRONG_PASSWORD = "niet-het-goede-wachtwoord"
TOO_MANY_LOGINS = "Te veel mislukte inlogpogingen"
INTERNAL = "/protected-media"
FIFTY_MB = 50 * 1024 * 1024
# Milliseconds each anonymous reader's connection waits between requests (cache_stack.Load): 56 connections then ask
# Varnish for up to 5,600 pages a second, and leave the instances the CPU that production gives them elsewhere.
READER_PAUSE = 10
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="portal-instances-test-"))
    path.chmod(0o755)  # Varnish's and nginx's workers run as users of their own
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def redis(workdir):
    server = RedisServer(workdir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def apps(django_db_setup, django_db_blocker, workdir, redis):
    Path(settings.MEDIA_ROOT).chmod(0o755)
    env = {"REDIS_URL": redis.url, "PROTECTED_MEDIA_ACCEL_PREFIX": INTERNAL, "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    instances = [App(workdir, env=env), App(workdir, env=env)]
    with django_db_blocker.unblock():
        for instance in instances:
            instance.start()
    yield instances
    for instance in instances:
        instance.stop()


@pytest.fixture(scope="module")
def varnish(apps, workdir):
    cache = Varnish(apps, workdir)
    cache.start()
    yield cache
    cache.stop()


@pytest.fixture(scope="module")
def nginx(varnish, workdir):
    server = Nginx(varnish, settings.MEDIA_ROOT, workdir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fresh_counts(redis):
    redis.cli("FLUSHALL")


@pytest.fixture
def site():
    site = make_site()
    make_article(site.news_index, title=ARTICLE)
    return site


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def log_in(app, email, password=WRONG_PASSWORD):
    """A log-in as the cache passes it on: to either instance, with the site's host name (allauth counts per site)."""
    headers = {"Host": "127.0.0.1", "Sec-Fetch-Site": "same-origin"}
    return request(app.port, "POST", "/account/login/", form={"login": email, "password": password}, headers=headers)


def healthy_instances(varnish):
    return sum(1 for app in varnish.apps if varnish.backend_healthy(app))


def test_failed_logins_on_either_instance_are_counted_together_in_redis(apps, site):
    make_user("ambtenaar@utrecht.nl")

    replies = [log_in(apps[attempt % 2], "ambtenaar@utrecht.nl") for attempt in range(6)]

    assert all(reply.status == 200 for reply in replies)
    assert not any(TOO_MANY_LOGINS in reply.text for reply in replies[:5])
    assert TOO_MANY_LOGINS in replies[5].text  # five failures, on two instances: the sixth attempt is refused


def allauth_rows_in_the_database_cache():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM portal_cache WHERE cache_key LIKE '%%allauth%%'")
        return cursor.fetchone()[0]


def test_the_counts_are_kept_in_redis_not_the_database(apps, redis, site):
    # Earlier tests' logins, through the test process's own database cache, may have left rows: none may be added.
    rows_before = allauth_rows_in_the_database_cache()
    log_in(apps[0], "ambtenaar@utrecht.nl")

    assert "allauth:rl" in redis.cli("--scan", "--pattern", "*allauth:rl*")
    assert allauth_rows_in_the_database_cache() == rows_before


def test_without_redis_pages_are_served_and_logging_in_is_refused_until_it_is_back(apps, varnish, redis, site):
    organisation = make_organisation()
    cookie = session_cookie(make_person("member", organisation))
    article = site.news_index.get_children().first().url
    failures = []
    stop = threading.Event()

    def readers():  # uncached renders on both instances, anonymous and logged in
        while not stop.is_set():
            for app in apps:
                for headers in ({}, {"Cookie": cookie}):
                    reply = request(app.port, "GET", article, headers=headers)
                    if reply.status != 200 or ARTICLE not in reply.text:
                        failures.append((app.port, reply.status))

    load = Load(f"{varnish.url}/nieuws/", connections=16, seconds=10, pause=READER_PAUSE)
    reader = threading.Thread(target=readers)
    reader.start()
    try:
        time.sleep(1)
        redis.stop()
        time.sleep(2)
        refused = [log_in(app, "member@utrecht.nl") for app in apps]
        redis.start()
        wait_until(lambda: log_in(apps[0], "member@utrecht.nl").status != 503, 5, "logging in works again")
        back = log_in(apps[1], "member@utrecht.nl")
        time.sleep(1)
    finally:
        stop.set()
        reader.join()
    load.wait()

    assert [reply.status for reply in refused] == [503, 503]
    assert all(OUTAGE_PAGE_TEXT in reply.text for reply in refused)
    assert back.status == 200
    assert "wachtwoord" in back.text  # the form again: the counts work
    assert failures == []
    assert load.requests() > 0
    assert load.failed() == 0, load.report


@pytest.fixture
def library(site):
    library = make_library(site.home)
    path = Path(library.document.file.path)
    with path.open("wb") as file:  # a 50 MB toolkit
        for block in range(50):
            file.write(bytes([block]) * (1024 * 1024))
    return library


def test_a_member_downloads_a_large_toolkit_through_nginx(nginx, varnish, apps, library):
    member = session_cookie(make_person("member", make_organisation()))
    url = library.document.url
    kept = varnish.stats("SMA.Transient.c_bytes")["SMA.Transient.c_bytes"]

    full = nginx.get(url, Cookie=member)
    assert full.status == 200
    assert len(full.body) == FIFTY_MB
    # nginx read the file from the media folder: it did not come through the application and the cache's memory.
    assert varnish.stats("SMA.Transient.c_bytes")["SMA.Transient.c_bytes"] - kept < 1024 * 1024
    assert full.headers["Content-Type"] == "application/pdf"
    assert full.headers["Content-Disposition"].startswith("attachment")
    assert full.headers["Cache-Control"] == "private, no-store"
    assert full.headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Accel-Redirect" not in full.headers
    assert DownloadEvent.objects.filter(document=library.document).count() == 1

    part = nginx.get(url, Cookie=member, Range="bytes=10485760-10485859")
    assert part.status == 206
    assert part.body == bytes([10]) * 100
    assert part.headers["Content-Disposition"].startswith("attachment")

    unchanged = nginx.get(url, Cookie=member, **{"If-Modified-Since": full.headers["Last-Modified"]})
    assert unchanged.status == 304
    assert unchanged.body == b""


def test_a_download_holds_no_worker_while_the_reader_reads(nginx, apps, library):
    member = session_cookie(make_person("member", make_organisation()))
    url = library.document.url
    with socket.create_connection(("127.0.0.1", nginx.port)) as reader:
        reader.sendall(f"GET {url} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {member}\r\n\r\n".encode())
        received = len(reader.recv(65536))
        # The reader has taken a little of the file; the instance that checked access is done with it already.
        wait_until(lambda: sum(len(app.request_seconds(url)) for app in apps) == 1, 10, "the worker finished")
        [busy] = [seconds for app in apps for seconds in app.request_seconds(url)]
        while chunk := reader.recv(1024 * 1024):
            received += len(chunk)
            if received >= FIFTY_MB:
                break
    assert busy < 1.0
    assert received >= FIFTY_MB


def test_the_internal_location_is_not_reachable_from_outside(nginx, library):
    member = session_cookie(make_person("member", make_organisation()))
    internal = f"{INTERNAL}/{Path(library.document.file.name).as_posix()}"

    assert nginx.get(internal).status == 404
    assert nginx.get(internal, Cookie=member).status == 404


def test_a_revoked_member_gets_the_refusal_not_the_file(nginx, library):
    revoked = session_cookie(make_person("revoked", make_organisation()))

    reply = nginx.get(library.document.url, Cookie=revoked)

    assert reply.status == 403
    assert REFUSAL_TEXT in reply.text
    assert len(reply.body) < 100_000
    assert DownloadEvent.objects.count() == 0


def load_on_public_and_logged_in_pages(varnish, cookie, seconds=30):
    for target, headers in (("/nieuws/", {}), ("/", {"Cookie": cookie})):
        reply = varnish.get(target, **headers)
        assert reply.status == 200, (target, reply.status, reply.headers, reply.text[:3000])
    # 64 connections: most readers are anonymous (served by Varnish); the logged-in ones reach the instances, as fast
    # as they answer.
    public = Load(f"{varnish.url}/nieuws/", connections=56, seconds=seconds, pause=READER_PAUSE)
    logged_in = Load(f"{varnish.url}/", connections=8, seconds=seconds, headers=[f"Cookie: {cookie}"])
    return public, logged_in


def test_a_killed_instance_loses_no_request(apps, varnish, site, django_db_blocker):
    cookie = session_cookie(make_person("member", make_organisation()))
    loads = load_on_public_and_logged_in_pages(varnish, cookie)
    time.sleep(5)
    apps[0].kill()
    for load in loads:
        load.wait()
    with django_db_blocker.unblock():
        apps[0].start()
    wait_until(lambda: healthy_instances(varnish) == 2, 15, "the instance back in the rotation")

    for load in loads:
        assert load.requests() > 0
        assert load.failed() == 0, load.report + "".join(app.served() for app in apps)


def test_a_rolling_restart_loses_no_request(apps, varnish, site, django_db_blocker):
    cookie = session_cookie(make_person("member", make_organisation()))
    loads = load_on_public_and_logged_in_pages(varnish, cookie)
    time.sleep(2)
    for app in apps:
        app.stop()  # SIGTERM: finishes what it serves
        with django_db_blocker.unblock():
            app.start()
        wait_until(lambda app=app: varnish.backend_healthy(app), 15, "the restarted instance in the rotation")
    for load in loads:
        load.wait()

    for load in loads:
        assert load.requests() > 0
        assert load.failed() == 0, load.report + "".join(app.served() for app in apps)
