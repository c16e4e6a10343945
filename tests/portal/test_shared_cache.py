"""Anonymous readers are served from the shared cache (a real Varnish with deploy/varnish/default.vcl in front of
gunicorn), which is purged the moment content changes, never stores anything personal, and keeps serving the last
good copy when the application is down."""

import datetime
import shutil
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from events.registrations import EventRegistration
from newsletter.models import Subscriber
from portal.models import ContactSettings
from tests.apothekerskast.builders import (
    PASSWORD,
    SECRET_TOOLKIT,
    add_totp,
    make_library,
    make_organisation,
    make_person,
)
from tests.builders import make_article, make_site, make_standard_page, restrict_to_logged_in
from tests.events.builders import make_agenda, make_event
from tests.newsletter.builders import make_edition, make_newsletter_index
from tests.portal import pg_cluster
from tests.portal.cache_stack import App, Varnish, wait_until
from tests.strategy.builders import make_chapter, make_strategy, make_theme

TITLE = "Minder woninginbraken in de regio"
NEW_TITLE = "Woninginbraken in de regio gehalveerd"
# The sitemap index (/sitemap.xml) names its sections; a small site has all its pages in the first.
SITEMAP_SECTION = "/sitemap-pages.xml"
ERROR_PAGE_TEXT = "Tijdelijk niet beschikbaar"  # templates/503.html
# A transactional test empties the database afterwards; serialized_rollback brings back Wagtail's root page.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def workdir():
    # Readable by the unprivileged user Varnish's worker runs as (pytest's own tmp_path is not).
    path = Path(tempfile.mkdtemp(prefix="portal-cache-test-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def app(django_db_setup, django_db_blocker, workdir):
    pg_cluster._cluster()
    with django_db_blocker.unblock():
        server = App(workdir)
        server.start()
    yield server
    server.stop()


@pytest.fixture
def varnish(app, workdir, settings):
    """A fresh, empty Varnish in front of the app for each test; this process purges it as the admin would."""
    cache = Varnish(app, workdir)
    cache.start()
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "portal.cache.XkeyBackend", "LOCATION": cache.url}}
    yield cache
    cache.stop()


class Tree:
    """One page of every public type, the article linked to the theme."""

    def __init__(self):
        site = make_site()
        self.home, self.news_index = site.home, site.news_index
        self.category = site.categories["Campagnes"]
        strategy = make_strategy(self.home)
        self.chapter = make_chapter(strategy, title="Samenvatting")
        self.theme = make_theme(strategy, title="Maatschappelijke onrust")
        self.article = make_article(
            self.news_index, title=TITLE, category=self.category, theme=self.theme, date=datetime.date(2023, 12, 20)
        )
        self.agenda = make_agenda(self.home)
        self.event = make_event(self.agenda, title="Regionale veiligheidsdag", registration_form=True, capacity=10)
        self.newsletter = make_newsletter_index(self.home)
        self.edition = make_edition(self.newsletter, [self.article])
        self.standard = make_standard_page(self.home, title="Over ons", show_in_menus=True)

    @property
    def article_views(self):
        """Every public response that shows the article's title (the sitemap shows its address)."""
        return [
            self.article.url,
            "/",
            "/nieuws/",
            f"/nieuws/categorie/{self.category.slug}/",
            "/nieuws/2023/",
            "/nieuws/2023/12/",
            "/nieuws/feed/",
            self.theme.url,
            "/zoeken/?q=woninginbraken",
        ]


@pytest.fixture
def tree(transactional_db):
    return Tree()


def shows(varnish, target, text):
    reply = varnish.get(target)
    assert reply.status == 200, (target, reply.status, reply.text[:300])
    return text in reply.text


def test_a_second_get_of_every_public_page_type_is_a_hit_without_a_cookie(varnish, tree):
    targets = [
        *tree.article_views,
        "/sitemap.xml",
        SITEMAP_SECTION,
        "/nieuws/?page=1",
        tree.chapter.url,
        tree.agenda.url,
        tree.event.url,
        tree.newsletter.url,
        tree.edition.url,
        tree.standard.url,
    ]
    for target in targets:
        first = varnish.get(target)
        assert first.status == 200, (target, first.status)
        assert first.cache == "MISS", target
        assert "public" in first.headers["Cache-Control"] and "s-maxage" in first.headers["Cache-Control"], target
        second = varnish.get(target)
        assert second.cache == "HIT", target
        assert second.body == first.body, target
        for reply in (first, second):
            assert "Set-Cookie" not in reply.headers, target
            assert "xkey" not in reply.headers, target
            assert "csrfmiddlewaretoken" not in reply.text, target


def test_readers_whose_browsers_ask_for_different_languages_share_one_copy(varnish, tree):
    # The site speaks Dutch only; a copy per Accept-Language would fill the cache with the same page many times.
    languages = ["nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", "en-GB,en;q=0.9", "de-DE", "nl"]
    for target in ("/", tree.article.url, "/nieuws/"):
        replies = [varnish.get(target, **{"Accept-Language": language}) for language in languages]
        assert [reply.cache for reply in replies] == ["MISS", "HIT", "HIT", "HIT"], target
        assert all('<html lang="nl">' in reply.text for reply in replies), target


def test_a_published_edit_shows_everywhere_within_a_second_and_leaves_the_rest_cached(varnish, tree):
    for target in tree.article_views:
        assert shows(varnish, target, TITLE), target
        assert varnish.get(target).cache == "HIT", target
    for unrelated in (tree.standard.url, tree.chapter.url):
        assert varnish.get(unrelated).cache == "MISS"

    tree.article.title = NEW_TITLE
    tree.article.save_revision().publish()

    for target in tree.article_views:
        wait_until(lambda target=target: shows(varnish, target, NEW_TITLE), 1, f"{NEW_TITLE} on {target}")
    # No full flush: pages that do not show the article are still the cached copies.
    assert varnish.get(tree.standard.url).cache == "HIT"
    assert varnish.get(tree.chapter.url).cache == "HIT"

    assert shows(varnish, SITEMAP_SECTION, tree.article.url)

    tree.article.unpublish()

    assert varnish.get(tree.article.url).status == 404
    for target in tree.article_views[1:]:
        wait_until(lambda target=target: not shows(varnish, target, NEW_TITLE), 1, f"{NEW_TITLE} gone from {target}")
    wait_until(lambda: not shows(varnish, SITEMAP_SECTION, tree.article.url), 1, "the article gone from the sitemap")


def test_deleting_a_section_purges_every_page_of_it_in_a_few_requests(varnish, tree):
    section = make_standard_page(tree.home, title="Dossiers", show_in_menus=True)
    pages = [make_standard_page(section, title=f"Dossier {number}") for number in range(120)]
    cached = [pages[0].url, pages[60].url, pages[-1].url, section.url]
    for target in (*cached, "/"):
        assert varnish.get(target).status == 200
        assert varnish.get(target).cache == "HIT", target
    requests_before = varnish.settled("MAIN.client_req")

    section.delete()

    # A purge a signal, two signals a page (unpublished, deleted), sent 363 requests; about 125 keys go in two.
    assert varnish.settled("MAIN.client_req") - requests_before <= 2
    for target in cached:
        assert varnish.get(target).status == 404, target
    assert not shows(varnish, "/", "Dossiers")


def test_the_scheduler_publishes_and_expires_through_the_cache(varnish, tree):
    for target in tree.article_views:
        assert shows(varnish, target, TITLE)
        assert varnish.get(target).cache == "HIT", target
    assert shows(varnish, SITEMAP_SECTION, tree.article.url)
    later = make_article(tree.news_index, title="Nieuwe campagne tegen fietsendiefstal", live=False)
    later.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(seconds=1))
    type(tree.article).objects.filter(pk=tree.article.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    call_command("publish_scheduled")

    for target in tree.article_views[1:]:
        wait_until(lambda target=target: not shows(varnish, target, TITLE), 1, f"{TITLE} gone from {target}")
    wait_until(lambda: not shows(varnish, SITEMAP_SECTION, tree.article.url), 1, "the article gone from the sitemap")
    for target in ("/", "/nieuws/", "/nieuws/feed/"):
        wait_until(lambda target=target: shows(varnish, target, "fietsendiefstal"), 1, f"go-live on {target}")
    wait_until(lambda: shows(varnish, SITEMAP_SECTION, later.url), 1, "the new article in the sitemap")


def test_snippet_setting_and_privacy_changes_purge_the_pages_that_show_them(varnish, tree):
    for target in ("/", "/nieuws/", tree.article.url, tree.standard.url):
        assert varnish.get(target).cache == "MISS"
        assert varnish.get(target).cache == "HIT"

    tree.category.name = "Campagnes en acties"
    tree.category.save()
    for target in ("/", "/nieuws/", tree.article.url):
        wait_until(lambda target=target: shows(varnish, target, "Campagnes en acties"), 1, f"category on {target}")
    assert varnish.get(tree.standard.url).cache == "HIT"

    contact = ContactSettings.for_site(tree.home.get_site())
    contact.email = "redactie@veiligheidscoalitie.example"
    contact.save()
    for target in ("/", tree.standard.url):
        wait_until(lambda target=target: shows(varnish, target, contact.email), 1, f"footer on {target}")

    restrict_to_logged_in(tree.article)
    for target in ("/", "/nieuws/"):
        wait_until(lambda target=target: not shows(varnish, target, TITLE), 1, f"private article gone from {target}")
    assert varnish.get(tree.article.url).status == 302  # to the login page, and not from the cache


def test_a_members_theme_page_is_never_stored_for_anonymous_readers(varnish, tree):
    organisation = make_organisation()
    make_library(tree.home, theme=tree.theme)
    member = Client()
    member.force_login(make_person("member", organisation))
    session = f"sessionid={member.cookies['sessionid'].value}"

    mine = varnish.get(tree.theme.url, Cookie=session)
    assert SECRET_TOOLKIT in mine.text
    assert mine.cache == "PASS"
    anonymous = varnish.get(tree.theme.url)
    assert anonymous.cache == "MISS"
    assert SECRET_TOOLKIT not in anonymous.text
    assert SECRET_TOOLKIT in varnish.get(tree.theme.url, Cookie=session).text
    again = varnish.get(tree.theme.url, Cookie="csrftoken=abc; _ga=GA1.2")
    assert again.cache == "HIT"
    assert SECRET_TOOLKIT not in again.text


def test_personal_urls_are_never_stored_and_a_session_always_reaches_django(varnish, tree, django_user_model):
    library = make_library(tree.home)
    document_url = library.toolkit.documents.first().document.url
    for target in ("/admin/", "/account/login/", "/account/apothekerskast/toegang/", "/apothekerskast/", document_url):
        replies = [varnish.get(target) for _ in range(2)]
        assert [reply.cache for reply in replies] != ["MISS", "HIT"], target
        assert all(reply.cache == "PASS" for reply in replies), (target, [reply.cache for reply in replies])

    editor = Client()
    admin = django_user_model.objects.create_superuser("redactie@example.org", "x" * 20)
    add_totp(admin)
    editor.force_login(admin)
    session = f"sessionid={editor.cookies['sessionid'].value}"
    assert varnish.get("/").cache == "MISS"
    as_editor = varnish.get("/", Cookie=session)
    assert as_editor.cache == "PASS"
    assert "private" in as_editor.headers["Cache-Control"]
    assert "userbar" in as_editor.text  # Wagtail's editor bar: rendered by Django for this session
    assert "userbar" not in varnish.get("/").text
    assert varnish.get("/account/login/").headers.get("Set-Cookie")  # a cookie: passed, not stored
    assert varnish.get("/account/login/").cache == "PASS"


def test_a_logged_in_official_gets_the_account_links_and_the_notice_of_logging_in_through_the_cache(varnish, tree):
    person = make_person("no_request", make_organisation())
    official = Client()
    official.post("/account/login/", {"login": person.email, "password": PASSWORD})
    cookies = "; ".join(f"{name}={official.cookies[name].value}" for name in ("sessionid", "messages"))
    assert f"U bent ingelogd als {person.email}." in varnish.get("/account/", Cookie=cookies).text
    anonymous = varnish.get("/")
    assert "Inloggen" in anonymous.text and "Uitloggen" not in anonymous.text
    as_official = varnish.get("/", Cookie=cookies)
    assert as_official.cache == "PASS"
    assert "Uitloggen" in as_official.text and "Mijn account" in as_official.text
    assert "Uitloggen" not in varnish.get("/").text


def test_public_forms_post_from_a_cached_page_and_cross_origin_posts_are_refused(varnish, tree):
    origin = varnish.url
    assert varnish.get(tree.newsletter.url).cache == "MISS"
    assert varnish.get(tree.newsletter.url).cache == "HIT"

    signed_up = varnish.post(tree.newsletter.url, {"email": "lezer@example.org", "consent": "on"}, Origin=origin)
    assert signed_up.status == 302, signed_up.text[:500]
    assert Subscriber.objects.filter(email="lezer@example.org").exists()
    for headers in ({"Origin": "https://kwaadwillend.example"}, {"Sec-Fetch-Site": "cross-site"}, {}):
        refused = varnish.post(tree.newsletter.url, {"email": "slachtoffer@example.org", "consent": "on"}, **headers)
        assert refused.status == 403, headers
    assert not Subscriber.objects.filter(email="slachtoffer@example.org").exists()

    registration = {"name": "A. Lezer", "organisation": "Gemeente Utrecht", "email": "lezer@example.org"}
    assert varnish.get(tree.event.url).status == 200
    registered = varnish.post(tree.event.url, registration, **{"Sec-Fetch-Site": "same-origin", "Origin": origin})
    assert registered.status == 302, registered.text[:500]
    refused = varnish.post(tree.event.url, {**registration, "email": "ander@example.org"}, Origin="https://x.example")
    assert refused.status == 403
    assert list(EventRegistration.objects.values_list("email", flat=True)) == ["lezer@example.org"]


def test_a_flood_of_new_searches_gets_the_dutch_429_page_and_the_site_keeps_answering(varnish, tree):
    statuses = [varnish.get(f"/zoeken/?q=woning{number}").status for number in range(30)]

    assert 500 not in statuses
    assert statuses[:20] == [200] * 20
    limited = varnish.get("/zoeken/?q=nogmaals")
    assert limited.status == 429
    assert "Even geduld" in limited.text and '<html lang="nl">' in limited.text
    # The same query with a campaign parameter is the cached copy; the rest of the site answers.
    assert varnish.get("/zoeken/?utm_source=krant&q=woning3").cache == "HIT"
    assert varnish.get("/").status == 200


def test_with_the_application_down_cached_pages_are_served_and_others_get_the_dutch_503(varnish, app, tree):
    for target in ("/", tree.article.url):
        varnish.get(target)
    app.stop()
    try:
        for target in ("/", tree.article.url):
            reply = varnish.get(target)
            assert reply.status == 200 and TITLE in reply.text, target
        down = varnish.get("/nieuws/")
        assert down.status == 503
        assert ERROR_PAGE_TEXT in down.text and '<html lang="nl">' in down.text
    finally:
        app.start()
