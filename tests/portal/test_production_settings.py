"""portal.settings.production, loaded in a fresh process the way the production image loads it."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HOST = "veiligheidscoalitie.example"
# Variables a developer's shell or the test run may carry that would change what production settings say.
LEAKY = (
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "CONN_MAX_AGE",
    "SERVE_IMAGE_RENDITIONS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests' conftest for Playwright
)


def production_env(**overrides):
    env = {key: value for key, value in os.environ.items() if key not in LEAKY}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},testserver",
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://portal@127.0.0.1:5432/portal"),
    )
    env.update(overrides)
    return env


def run(args, **overrides):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=production_env(**overrides), capture_output=True, text=True, timeout=120
    )


def check_deploy(**overrides):
    return run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **overrides)


def test_production_settings_pass_the_deployment_check_without_warnings():
    result = check_deploy()

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # W003 only: it looks for Django's CSRF middleware by name, portal.checks by class (the test below).
    assert "System check identified no issues (1 silenced)." in output
    assert "WARNING" not in output


def test_the_deployment_check_finds_a_missing_csrf_middleware():
    probe = (
        "import django; django.setup()\n"
        "from django.test import override_settings\n"
        "from portal.checks import csrf_middleware_check\n"
        "print(csrf_middleware_check(None) == [])\n"
        "with override_settings(MIDDLEWARE=['django.middleware.common.CommonMiddleware']):\n"
        "    print([message.id for message in csrf_middleware_check(None)])\n"
    )
    result = run(["-c", probe])
    assert result.stdout.split("\n")[:2] == ["True", "['portal.W003']"], result.stdout + result.stderr


def test_the_deployment_check_would_catch_a_weakened_setting():
    # The check above is only worth something if a regression makes it fail.
    result = check_deploy(SECURE_SSL_REDIRECT="false", DEBUG="true")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "security.W008" in output
    assert "security.W018" in output


SETTINGS_PROBE = """
import json, django
django.setup()
from django.conf import settings
database = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "CONN_MAX_AGE": database["CONN_MAX_AGE"],
    "CONN_HEALTH_CHECKS": database["CONN_HEALTH_CHECKS"],
    "SERVE_IMAGE_RENDITIONS": settings.SERVE_IMAGE_RENDITIONS,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "SESSION_COOKIE_HTTPONLY": settings.SESSION_COOKIE_HTTPONLY,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
}))
"""


def test_production_keeps_health_checked_persistent_connections_and_secure_cookies():
    result = run(["-c", SETTINGS_PROBE])

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["CONN_MAX_AGE"] > 0
    assert values["CONN_HEALTH_CHECKS"] is True
    assert values["SERVE_IMAGE_RENDITIONS"] is False  # nginx serves them in production
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000


REQUEST_PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
def fetch(path, **kwargs):
    response = client.get(path, **kwargs)
    return {"status": response.status_code, "headers": dict(response.headers)}
print(json.dumps({
    "https": fetch("/robots.txt", secure=True),
    "proxied https": fetch("/robots.txt", headers={"X-Forwarded-Proto": "https"}),
    "http": fetch("/robots.txt"),
    "healthz over http": fetch("/healthz"),
}))
"""


def test_production_sends_hsts_over_https_and_redirects_plain_http():
    result = run(["-c", REQUEST_PROBE])

    assert result.returncode == 0, result.stderr
    replies = json.loads(result.stdout)
    for name in ("https", "proxied https"):
        reply = replies[name]
        assert reply["status"] == 200, name
        assert reply["headers"]["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
        assert reply["headers"]["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in reply["headers"]
    http = replies["http"]
    assert http["status"] == 301
    assert http["headers"]["Location"] == "https://testserver/robots.txt"
    assert "Strict-Transport-Security" not in http["headers"]
    # The container health check calls /healthz over plain HTTP; it must not be redirected.
    assert replies["healthz over http"]["status"] == 200
