"""The production shape in docker-compose.yml and deploy/nginx.conf (no Docker engine runs here)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def load_compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_every_published_port_is_bound_to_loopback():
    services = load_compose()["services"]
    published = [port for service in services.values() for port in service.get("ports", [])]
    assert published, "the web server must be reachable from the host"
    assert all(str(port).startswith("127.0.0.1:") for port in published), published


def test_database_app_and_web_have_health_checks_and_start_in_order():
    services = load_compose()["services"]
    assert {"db", "app", "web"} <= services.keys()
    for name in ("db", "app", "web"):
        assert services[name]["healthcheck"]["test"], name
    # The app starts once the migrations have run on a healthy database, and Redis answers.
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["app"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["app"]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "/healthz" in " ".join(services["app"]["healthcheck"]["test"])


def test_media_lives_on_a_volume_and_secrets_come_from_the_environment():
    compose = load_compose()
    app = compose["services"]["app"]
    assert "media:/app/media" in app["volumes"]
    assert "media" in compose["volumes"]
    assert app["environment"]["SECRET_KEY"].startswith("${SECRET_KEY")
    assert app["environment"]["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"


def test_nginx_serves_only_image_renditions_from_media():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    locations = dict(re.findall(r"location (\S+) \{(.*?)\}", conf, flags=re.S))
    assert "alias /srv/media/images/;" in locations["/media/images/"]
    assert "return 404;" in locations["/media/"]
    assert not any("documents" in path or "original_images" in path for path in locations)


def test_the_cache_sits_between_nginx_and_the_app_with_the_vcl_from_deploy():
    services = load_compose()["services"]
    cache = services["cache"]
    assert "./deploy/varnish/default.vcl:/etc/varnish/default.vcl:ro" in cache["volumes"]
    assert cache["depends_on"]["app"]["condition"] == "service_healthy"
    assert services["web"]["depends_on"]["cache"]["condition"] == "service_healthy"
    assert "server cache:80;" in (ROOT / "deploy" / "nginx.conf").read_text()
    for name in ("app", "scheduler"):  # both publish, so both purge
        assert services[name]["environment"]["CACHE_PURGE_URL"] == "http://cache:80", name
    assert "ports" not in cache


def test_the_app_trusts_as_many_proxies_as_stand_before_it():
    """nginx and Varnish each append to X-Forwarded-For; rate limits count the address nginx saw
    (tests/apothekerskast/test_accounts.py: each visitor is counted by their own address)."""
    services = load_compose()["services"]
    proxies = [name for name in ("web", "cache") if name in services]
    assert int(services["app"]["environment"]["TRUSTED_PROXY_COUNT"]) == len(proxies) == 2
