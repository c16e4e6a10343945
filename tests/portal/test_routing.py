"""Finding a page by its URL: the home page's sections are found among the pages the menu reads (HomePage.route),
the home page itself with the site (portal.sites.find_site); everything else as Wagtail finds it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from tests.builders import make_article, make_hidden_standard_page, make_standard_page


@pytest.mark.parametrize("show_in_menus", [True, False])
def test_a_section_is_served_in_or_out_of_the_menu(client, site, show_in_menus):
    page = make_standard_page(site.home, title="Over ons", show_in_menus=show_in_menus, body=[])

    response = client.get("/over-ons/")

    assert response.status_code == 200
    assert "<h1>Over ons</h1>" in response.content.decode()
    assert page.url == "/over-ons/"


def test_a_page_in_a_section_shows_the_section_in_its_breadcrumbs(client, site):
    article = make_article(site.news_index, title="Zakkenrollers actief")

    response = client.get(article.url)

    breadcrumbs = response.content.decode().split('aria-label="Kruimelpad"')[1].split("</nav>")[0]
    assert 'href="/nieuws/"' in breadcrumbs and "Nieuws" in breadcrumbs


@pytest.mark.parametrize("kind", ["draft", "unpublished"])
def test_a_section_that_is_not_live_is_a_404_and_its_live_pages_are_served_as_wagtail_serves_them(client, site, kind):
    section = make_hidden_standard_page(site.home, kind, title="Archief")
    make_standard_page(section, title="Jaarverslag", body=[])

    assert client.get("/archief/").status_code == 404
    response = client.get("/archief/jaarverslag/")
    assert response.status_code == 200
    assert "<h1>Jaarverslag</h1>" in response.content.decode()


def test_a_private_section_and_its_pages_ask_visitors_to_log_in(client, site):
    section = make_hidden_standard_page(site.home, "login_restricted", title="Intern")
    make_standard_page(section, title="Werkafspraken", body=[])

    for url in ("/intern/", "/intern/werkafspraken/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/account/login/?next="), url


def test_a_password_protected_section_shows_the_password_form(client, site):
    section = make_standard_page(site.home, title="Besloten", body=[])
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    response = client.get("/besloten/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_an_unknown_section_is_the_dutch_404(client, site):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_a_home_page_title_an_editor_publishes_shows_at_once(client, site):
    site.home.title = "Nieuwe titel"
    site.home.save_revision().publish()

    assert "<h1>Nieuwe titel</h1>" in client.get("/").content.decode()


def test_the_home_page_is_read_with_the_site_and_its_sections_with_the_menu(client, site):
    make_standard_page(site.home, title="Over ons", show_in_menus=True, body=[])
    client.get("/over-ons/")

    with CaptureQueriesContext(connection) as home_page:
        client.get("/")
    with CaptureQueriesContext(connection) as section:
        client.get("/over-ons/")

    # Neither page reads the home page on its own, nor looks a section up apart from the menu's list of them.
    for queries in (home_page, section):
        home_reads = [q["sql"] for q in queries if '"home_homepage"' in q["sql"]]
        assert len(home_reads) == 1 and home_reads[0].split(" WHERE ")[0].count('FROM "wagtailcore_site"') == 1
    assert not any(""""wagtailcore_page"."slug" = 'over-ons'""" in q["sql"] for q in section)


def test_a_site_whose_root_is_not_a_home_page_serves_that_page(client, site, settings):
    settings.ALLOWED_HOSTS = ["localhost", "intranet.example.org"]
    root = make_standard_page(site.home, title="Intranet", body=[])
    make_standard_page(root, title="Roosters", body=[])
    Site.objects.create(hostname="intranet.example.org", port=80, root_page=root)

    home = client.get("/", HTTP_HOST="intranet.example.org")
    child = client.get("/roosters/", HTTP_HOST="intranet.example.org")

    assert home.status_code == 200 and "<h1>Intranet</h1>" in home.content.decode()
    assert child.status_code == 200 and "<h1>Roosters</h1>" in child.content.decode()


def test_a_page_outside_every_restricted_section_is_served_without_asking_for_its_restrictions(client, site):
    """The restricted paths, read once per request, already say no restriction can reach the page."""
    hidden = make_standard_page(site.home, title="Intern", body=[])
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    public = make_standard_page(site.home, title="Over ons", body=[])
    make_standard_page(hidden, title="Notulen", body=[])
    client.get("/")  # the per-process caches, as on a running server

    with CaptureQueriesContext(connection) as queries:
        assert client.get(public.url).status_code == 200
    asked = [query["sql"] for query in queries if "wagtailcore_pageviewrestriction" in query["sql"]]
    assert len(asked) == 1  # the restricted paths of the whole site, nothing for this page

    assert client.get("/intern/").status_code == 302  # to the login page: the restricted section is still checked
    assert client.get("/intern/notulen/").status_code == 302
