"""The site when PostgreSQL goes away and comes back: /healthz tells, visitors get the Dutch error page, and once
the database is back the site answers again by itself.

These tests stop and start the real cluster of bin/with-postgres (skipped against any other database). They talk
HTTP to real servers: the Django test client would hide what matters here, because it keeps the test's own
connection and skips the connection clean-up a real server does around every request. The live server opens a
fresh connection for every request; gunicorn, as in production, keeps one per worker across requests
(CONN_MAX_AGE), which is what a restart of PostgreSQL breaks.
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections

from portal.views import server_error
from tests.builders import make_article, make_site
from tests.portal import pg_cluster, raw_http

ROOT = Path(__file__).resolve().parent.parent.parent
ARTICLE_TITLE = "Minder woninginbraken in de regio"
ERROR_PAGE_TEXT = "Er ging iets mis"
OUTAGE_PAGE_TEXT = "Tijdelijk niet beschikbaar"
# A transactional test empties the database afterwards; serialized_rollback brings back Wagtail's root page.
outage_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_healthz_says_ok_while_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]


def test_error_page_is_rendered_without_the_database(rf):
    # No database fixture: pytest-django makes any database access here raise.
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert ERROR_PAGE_TEXT in html
    assert '<html lang="nl">' in html


def test_error_page_for_a_lost_database_is_503_and_rendered_without_it(rf):
    # No database fixture: pytest-django makes any database access here raise.
    try:
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    except OperationalError:
        response = server_error(rf.get("/"))

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert OUTAGE_PAGE_TEXT in response.content.decode()


def test_a_database_host_that_does_not_answer_fails_the_connection_within_seconds(db):
    """A network partition: the host takes the TCP connection but never answers. Without a connect timeout every
    request would hang there, and so would every worker."""
    silent = socket.create_server(("127.0.0.1", 0))
    default = connections[DEFAULT_DB_ALIAS]
    settings_dict = {**default.settings_dict, "HOST": "127.0.0.1", "PORT": str(silent.getsockname()[1])}
    partitioned = default.__class__(settings_dict)
    errors = []

    def connect():
        try:
            partitioned.ensure_connection()
        except OperationalError as error:
            errors.append(error)

    started = time.monotonic()
    attempt = threading.Thread(target=connect, daemon=True)
    attempt.start()
    attempt.join(20)
    waited = time.monotonic() - started
    silent.close()
    attempt.join(5)
    assert errors, f"no error after {waited:.1f} s"
    assert waited < 10


def assert_outage_page(reply):
    """The Dutch page for a database outage: 503 with Retry-After, never a 500."""
    assert reply.status == 503, reply.text[:500]
    assert reply.headers["Retry-After"] == "60"
    assert "no-store" in reply.headers["Cache-Control"]
    assert reply.headers["Content-Type"].startswith("text/html")
    assert OUTAGE_PAGE_TEXT in reply.text
    assert '<html lang="nl">' in reply.text
    for leak in ("Traceback", "OperationalError", "psycopg", "connection"):
        assert leak not in reply.text
    # The security headers hold on the error page too.
    assert "script-src 'self'" in reply.headers["Content-Security-Policy"]
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def published_site(transactional_db):
    tree = make_site()
    article = make_article(tree.news_index, title=ARTICLE_TITLE)
    tree.article_path = urlsplit(article.full_url).path
    return tree


@outage_test
def test_live_server_healthz_is_503_while_the_database_is_down_and_200_once_it_is_back(live_server, published_site):
    assert raw_http.get(live_server.url, "/healthz").status == 200

    with pg_cluster.outage():
        down = raw_http.get(live_server.url, "/healthz")
        assert down.status == 503
        assert down.headers["Content-Type"].startswith("text/plain")
        assert down.text == "database unavailable\n"
        # Pages need the database: the Dutch outage page, never a stack trace.
        for target in ("/", "/nieuws/", published_site.article_path, "/zoeken/?q=inbraak", "/sitemap.xml"):
            assert_outage_page(raw_http.get(live_server.url, target))
        pg_cluster.start()

        up = raw_http.get(live_server.url, "/healthz")
        assert up.status == 200
        assert up.text == "ok\n"
        home = raw_http.get(live_server.url, "/")
        assert home.status == 200
        assert ARTICLE_TITLE in home.text


def _waiting_backends():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return [row[0] for row in cursor.fetchall()]


@outage_test
def test_database_lost_in_the_middle_of_a_request_gives_the_dutch_outage_page(live_server, published_site):
    pg_cluster._cluster()
    replies = []
    # Another client holds a lock the home page needs, so the request is stuck inside the view with its
    # connection open when the database goes down.
    locker = psycopg.connect(pg_cluster.database_url())
    try:
        locker.execute("LOCK TABLE wagtailcore_site IN ACCESS EXCLUSIVE MODE")
        request = threading.Thread(target=lambda: replies.append(raw_http.get(live_server.url, "/")))
        request.start()
        deadline = time.monotonic() + 30
        while not _waiting_backends():
            assert time.monotonic() < deadline, "the request never reached the database"
            time.sleep(0.05)
        pg_cluster.stop()
        request.join(60)
    finally:
        locker.close()
        pg_cluster.ensure_running()

    assert not request.is_alive()
    assert_outage_page(replies[0])
    assert raw_http.get(live_server.url, "/").status == 200


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _app_backends():
    """Backend pids of the connections to the test database other than this test's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return sorted(row[0] for row in cursor.fetchall())


class AppServer:
    """A running gunicorn: its base URL, and its log for the message when an assertion fails."""

    def __init__(self, url, log_path):
        self.url = url
        self.log_path = log_path

    def get(self, target):
        return raw_http.get(self.url, target)

    def get_ok(self, target):
        """GET `target`, which must answer 200; otherwise the failure shows the server's own log."""
        reply = self.get(target)
        assert reply.status == 200, f"{target} answered {reply.status}; gunicorn log:\n{self.log()}"
        return reply

    def log(self):
        return self.log_path.read_text(errors="replace")[-4000:]


@pytest.fixture
def gunicorn_server(published_site, tmp_path):
    """The site under gunicorn with one sync worker, as in the production image, on the test database.

    The settings are the test settings with their default CONN_MAX_AGE and CONN_HEALTH_CHECKS from base.py.
    """
    pg_cluster._cluster()
    env = {key: value for key, value in os.environ.items() if key != "CONN_MAX_AGE"}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=pg_cluster.database_url())
    server = AppServer(f"http://127.0.0.1:{_free_port()}", tmp_path / "gunicorn.log")
    bind = server.url.removeprefix("http://")
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", bind, "--workers", "1", "--timeout", "60"]
    with server.log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if server.get("/healthz").status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not come up:\n{server.log()}")
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@outage_test
def test_first_request_after_a_database_restart_succeeds(gunicorn_server, published_site):
    gunicorn_server.get_ok("/")
    before = _app_backends()
    gunicorn_server.get_ok("/nieuws/")
    # The worker keeps its connection between requests: otherwise a restart would prove nothing.
    assert _app_backends() == before
    assert len(before) == 1

    try:
        pg_cluster.restart()
    finally:
        pg_cluster.ensure_running()

    # Nothing has used the worker's connection since it died; the very first request must still succeed.
    first = gunicorn_server.get_ok("/")
    assert ARTICLE_TITLE in first.text
    gunicorn_server.get_ok(published_site.article_path)
    gunicorn_server.get_ok("/healthz")
    after = _app_backends()
    assert len(after) == 1
    assert after != before


@outage_test
def test_gunicorn_reports_the_outage_and_recovers_once_the_database_is_back(gunicorn_server, published_site):
    gunicorn_server.get_ok("/")

    with pg_cluster.outage():
        down = gunicorn_server.get("/healthz")
        assert down.status == 503
        assert down.text == "database unavailable\n"
        assert_outage_page(gunicorn_server.get("/nieuws/"))
        pg_cluster.start()

        gunicorn_server.get_ok("/healthz")
        page = gunicorn_server.get_ok(published_site.article_path)
        assert ARTICLE_TITLE in page.text


class Load:
    """Readers asking for pages in a loop (two at a time, at most `limit` requests each) until stopped, each request
    recorded with when it started and ended and its status ("failed" when no HTTP answer came)."""

    def __init__(self, server, targets, clients=2, limit=50_000):
        self.server, self.targets, self.limit = server, targets, limit
        self.records = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(number,)) for number in range(clients)]

    def _run(self, number):
        for count in range(self.limit):
            if self._stop.is_set():
                return
            target = self.targets[(number + count) % len(self.targets)]
            started = time.monotonic()
            try:
                status = self.server.get(target).status
            except OSError:
                status = "failed"
            self.records.append((started, time.monotonic(), status))

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(120)

    def counts(self, outages):
        """Statuses counted for requests that overlapped an outage and for all others."""
        during, outside = {}, {}
        for started, ended, status in self.records:
            overlaps = any(started <= down_until and ended >= down_from for down_from, down_until in outages)
            counts = during if overlaps else outside
            counts[status] = counts.get(status, 0) + 1
        return during, outside


def _timed(action):
    started = time.monotonic()
    try:
        action()
    finally:
        pg_cluster.ensure_running()
    return started, time.monotonic()


@outage_test
def test_a_restart_and_a_ten_second_stop_under_load_give_503s_only_while_the_database_is_down(
    gunicorn_server, published_site
):
    gunicorn_server.get_ok("/")
    targets = ["/", "/nieuws/", published_site.article_path]

    def ten_second_stop():
        pg_cluster.stop()
        time.sleep(10)
        pg_cluster.start()

    with Load(gunicorn_server, targets) as load:
        time.sleep(2)
        restart = _timed(pg_cluster.restart)
        time.sleep(3)
        stop = _timed(ten_second_stop)
        time.sleep(3)
    during, outside = load.counts([restart, stop])

    print(f"\nrestart {restart[1] - restart[0]:.1f} s, stop {stop[1] - stop[0]:.1f} s")
    print(f"during the outages: {during}; before, between and after: {outside}")
    assert set(during) <= {200, 503}, gunicorn_server.log()
    assert during.get(503, 0) > 100
    assert set(outside) == {200}, gunicorn_server.log()
