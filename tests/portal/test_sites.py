"""portal.sites.find_site: the site, the site root paths and the contact settings Wagtail would have found itself."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from home.models import HomePage
from portal.models import ContactSettings
from portal.sites import find_site

# (hostname, port, is_default_site) of the sites each case sets up; the home page of the first is the test site's.
SITE_SETUPS = {
    "one default site": [("localhost", 80, True)],
    "default and another host": [("localhost", 80, True), ("www.example.org", 80, False)],
    "default and one host on two ports": [
        ("localhost", 80, True),
        ("intra.example.org", 8080, False),
        ("intra.example.org", 8443, False),
    ],
    "no default, one host on two ports": [("intra.example.org", 8080, False), ("intra.example.org", 8443, False)],
    "default host on two ports": [("localhost", 80, True), ("localhost", 8000, False)],
}
HOSTS = ["localhost", "localhost:8000", "www.example.org", "intra.example.org:8080", "intra.example.org:9000", "x.nl"]


def _make_sites(site, setup):
    Site.objects.all().delete()
    sites = []
    for number, (hostname, port, default) in enumerate(setup):
        root = (
            site.home
            if number == 0
            else site.home.get_parent().add_child(instance=HomePage(title=f"Site {number}", slug=f"site-{number}"))
        )
        sites.append(Site.objects.create(hostname=hostname, port=port, root_page=root, is_default_site=default))
    return sites


def _wagtails_choice(host):
    hostname, _, port = host.partition(":")
    try:
        return get_site_for_hostname(hostname, int(port or 80))
    except Site.DoesNotExist:
        return None


@pytest.mark.parametrize("setup", SITE_SETUPS)
def test_the_request_gets_the_site_and_root_paths_wagtail_would_find(site, setup):
    _make_sites(site, SITE_SETUPS[setup])
    Site.clear_site_root_paths_cache()
    for host in HOSTS:
        request = RequestFactory().get("/", HTTP_HOST=host, SERVER_PORT=host.partition(":")[2] or "80")

        find_site(request)

        assert request._wagtail_site == _wagtails_choice(host), host
        assert request._wagtail_cached_site_root_paths == Site.get_site_root_paths()


def test_each_host_is_served_its_own_home_page(client, site, settings):
    settings.ALLOWED_HOSTS = ["localhost", "www.example.org"]
    _make_sites(site, SITE_SETUPS["default and another host"])

    assert "<h1>Site 1</h1>" in client.get("/", HTTP_HOST="www.example.org").content.decode()
    assert "<h1>Site 1</h1>" not in client.get("/", HTTP_HOST="localhost").content.decode()


def test_the_footer_shows_the_contact_details_editors_saved(client, site):
    ContactSettings.objects.create(site=Site.objects.get(), phone="030 123 45 67", email="bureau@example.org")

    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]

    assert '<a href="tel:0301234567">030 123 45 67</a>' in footer
    assert "bureau@example.org" in footer


def test_a_site_without_saved_contact_details_gets_empty_ones(client, site):
    assert client.get("/").status_code == 200
    assert ContactSettings.objects.get().email == ""
