"""The cached stack in miniature for tests: gunicorn instances on the test database behind a real Varnish with the
VCL of deploy/varnish/ (bin/start-varnish, as `make stack` runs it), and where a test needs them, Redis and nginx
(bin/start-nginx with deploy/nginx.conf), all on free loopback ports."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
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

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)

    def get(self, target, **headers):
        return request(self.port, "GET", target, headers=headers)


class App(Server):
    """gunicorn with two sync workers on the test database, as in production (test settings otherwise); `env` adds to
    its environment (REDIS_URL, ...). Its access log records each request's time in seconds (`%(L)s`)."""

    def __init__(self, workdir, *, env=None, workers=2):
        self.port = free_port()
        self.log_path = workdir / f"gunicorn-{self.port}.log"
        self.access_log_path = workdir / f"gunicorn-{self.port}-access.log"
        self.env = env or {}
        self.workers = workers
        self.process = None

    def start(self):
        env = {key: value for key, value in os.environ.items() if key != "CACHE_PURGE_URL"}
        env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=pg_cluster.database_url(), **self.env)
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(self.workers), "--timeout", "60", "--graceful-timeout", "30"]
        command += ["--access-logfile", str(self.access_log_path), "--access-logformat", '"%(r)s" %(s)s %(L)s']
        with self.log_path.open("ab") as log:
            # A session of its own: kill() ends the whole instance, workers too, as a crash of its machine would.
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until(self.answers, 60, f"gunicorn answering on /healthz\n{self.log()}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(35)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self):
        """SIGKILL to the instance, master and workers at once: nothing is finished."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def access_log(self):
        return self.access_log_path.read_text() if self.access_log_path.exists() else ""

    def served(self):
        """What this instance answered, for a failure message: requests by status, the five slowest, its log's tail."""
        lines = re.findall(r'^"(.*)" (\d{3}) ([\d.]+)$', self.access_log(), re.MULTILINE)
        statuses = Counter(status for _, status, _ in lines)
        slowest = sorted(lines, key=lambda line: -float(line[2]))[:5]
        return f"\ninstance {self.port}: {dict(statuses)}, slowest {slowest}\n{self.log()[-1500:]}"

    def request_seconds(self, target):
        """How long a worker spent on each request for `target` this instance served, from its access log."""
        pattern = rf'"GET {re.escape(target)} HTTP/1\.[01]" \d+ ([\d.]+)'
        return [float(seconds) for seconds in re.findall(pattern, self.access_log())]


class RedisServer:
    """redis-server on loopback, nothing kept on disk, as `make stack` runs it; stop() and start() keep its port."""

    def __init__(self, workdir):
        self.port = free_port()
        self.workdir = workdir
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        command += ["--dir", str(self.workdir)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_until(lambda: self.cli("PING") == "PONG", 10, "redis-server answering")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def cli(self, *args):
        result = subprocess.run(["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True)
        return result.stdout.strip()


class Varnish(Server):
    """varnishd in front of `app` (an App, or a list of them: balanced), with the site's error pages rendered for it."""

    def __init__(self, app, workdir):
        self.apps = app if isinstance(app, list) else [app]
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
        ports = ",".join(str(app.port) for app in self.apps)
        command = [str(ROOT / "bin/start-varnish"), str(self.port), ports, str(errors), str(self.workdir)]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        wait_until(self.answers, 60, f"varnishd answering\n{self.log()}")

    def post(self, target, form, **headers):
        return request(self.port, "POST", target, headers=headers, form=form)

    def backend_healthy(self, app):
        """Whether Varnish's probes find `app` (one of its instances) healthy."""
        name = f"app{self.apps.index(app)}"
        out = subprocess.run(
            ["varnishadm", "-n", str(self.workdir / "varnishd"), "backend.list"], capture_output=True, text=True
        ).stdout
        return any(
            line.split()[0].endswith(f".{name}") and "healthy" in line.split()
            for line in out.splitlines()[1:]
            if line.strip()
        )

    def stats(self, *fields):
        out = subprocess.run(
            ["varnishstat", "-n", str(self.workdir / "varnishd"), "-1", *(arg for f in fields for arg in ("-f", f))],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return {line.split()[0]: int(line.split()[1]) for line in out.splitlines() if line.strip()}

    def settled(self, field):
        """Counter `field` once it stops changing: a worker adds its requests to the totals after it has answered."""
        last = self.stats(field)[field]
        for _ in range(50):
            time.sleep(0.1)
            now = self.stats(field)[field]
            if now == last:
                return now
            last = now
        return last


class Nginx(Server):
    """nginx with the server of deploy/nginx.conf in front of `varnish`, serving files from `media_root`."""

    def __init__(self, varnish, media_root, workdir):
        self.varnish = varnish
        self.media_root = media_root
        self.port = free_port()
        self.workdir = workdir / f"nginx-{self.port}"
        self.log_path = self.workdir.with_suffix(".log")
        self.process = None

    def start(self):
        command = [str(ROOT / "bin/start-nginx"), str(self.port), str(self.varnish.port), str(self.media_root)]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen([*command, str(self.workdir)], stdout=log, stderr=subprocess.STDOUT)
        wait_until(self.answers, 30, f"nginx answering\n{self.log()}")


class Load:
    """wrk on `url` with `connections` connections for `seconds` (extra headers: a session cookie), in the
    background; failed() counts answers other than 2xx/3xx and connection errors.

    With `pause` (milliseconds) each connection waits that long between requests, as readers do. Flat out against
    Varnish, wrk and Varnish take this machine's CPUs from the instances (on other machines in production): their
    requests then take seconds, and their health probes time out."""

    def __init__(self, url, *, connections, seconds, headers=(), pause=0):
        command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "30s"]
        for header in headers:
            command += ["-H", header]
        if pause:
            command += ["-s", str(Path(__file__).with_name("wrk_pause.lua")), url, "--", str(pause)]
        else:
            command += [url]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.report = None

    def wait(self):
        self.report = self.process.communicate(timeout=120)[0]
        return self

    def requests(self):
        return int(re.search(r"(\d+) requests in", self.report).group(1))

    def failed(self):
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", self.report)
        errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", self.report)
        return (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, errors.groups())) if errors else 0)
