"""The cached stack in miniature for tests: gunicorn on the test database behind a real Varnish with the VCL of
deploy/varnish/, both on free loopback ports (bin/start-varnish, as `make stack` runs it)."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from django.core.management import call_command

from tests.portal import pg_cluster, raw_http

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Reply(raw_http.Reply):
    @property
    def cache(self):
        """HIT, MISS or PASS: what Varnish did (deploy/varnish/default.vcl sets X-Cache)."""
        return self.headers.get("X-Cache")


def request(port, method, target, *, headers=None, form=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    body = urlencode(form).encode() if form is not None else None
    headers = dict(headers or {})
    if body is not None:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    try:
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


def wait_until(check, timeout, what):
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.05)


class Server:
    """A server process of the stack: answering once its /healthz does; its log's tail for failure messages."""

    port: int
    process: subprocess.Popen | None
    log_path: Path

    def answers(self):
        assert self.process.poll() is None, self.log()
        try:
            return request(self.port, "GET", "/healthz").status == 200
        except OSError:
            return False

    def log(self):
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""


class App(Server):
    """gunicorn with two sync workers on the test database, as in production (test settings otherwise)."""

    def __init__(self, workdir):
        self.port = free_port()
        self.log_path = workdir / "gunicorn.log"
        self.process = None

    def start(self):
        env = {key: value for key, value in os.environ.items() if key != "CACHE_PURGE_URL"}
        env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=pg_cluster.database_url())
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", "2", "--timeout", "60"]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_until(self.answers, 30, f"gunicorn answering on /healthz\n{self.log()}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Varnish(Server):
    """varnishd in front of `app`, with the site's error pages rendered for it."""

    def __init__(self, app, workdir):
        self.app = app
        self.port = free_port()
        self.workdir = workdir / f"varnish-{self.port}"
        self.log_path = self.workdir.with_suffix(".log")
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        errors = self.workdir / "errors"
        call_command("render_error_pages", str(errors), stdout=open(os.devnull, "w"))  # noqa: SIM115
        command = [str(ROOT / "bin/start-varnish"), str(self.port), str(self.app.port), str(errors), str(self.workdir)]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        wait_until(self.answers, 60, f"varnishd answering\n{self.log()}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)

    def get(self, target, **headers):
        return request(self.port, "GET", target, headers=headers)

    def post(self, target, form, **headers):
        return request(self.port, "POST", target, headers=headers, form=form)

    def stats(self, *fields):
        out = subprocess.run(
            ["varnishstat", "-n", str(self.workdir / "varnishd"), "-1", *(arg for f in fields for arg in ("-f", f))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return {line.split()[0]: int(line.split()[1]) for line in out.splitlines() if line.strip()}
