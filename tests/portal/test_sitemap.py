"""/sitemap.xml at a moderate scale: the sections its index names list every live, public page exactly once, and
nothing hidden."""

import io
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Page

from portal.sitemaps import PagesSitemap
from tests.builders import HIDDEN_KINDS, make_hidden_article, make_hidden_standard_page, make_standard_page
from tests.markup import SITEMAP_NS, sitemap_sections

# Sections of 100 pages here (2,000 on the site), so that a few hundred articles fill three of them.
SECTION = 100
GENERATED = 2 * SECTION + 50


@pytest.fixture
def large_site(site, monkeypatch):
    monkeypatch.setattr(PagesSitemap, "limit", SECTION)
    about = make_standard_page(site.home, title="Over ons", show_in_menus=True)
    make_standard_page(about, title="Werkwijze")
    for kind in HIDDEN_KINDS:
        make_hidden_article(site.news_index, kind, title=f"Verborgen bericht {kind}")
        make_hidden_standard_page(site.home, kind, title=f"Verborgen pagina {kind}")
    # A public-looking page below a login-only page is hidden with it.
    make_standard_page(Page.objects.get(slug="verborgen-pagina-login_restricted"), title="Onder de afscherming")
    call_command("generate_news", count=GENERATED, seed=3, no_progress=True, stdout=io.StringIO())
    return site


def listed_paths(client):
    """The paths of every <loc> of every section, in order, repeats kept."""
    paths = []
    for section in sitemap_sections(client):
        root = ET.fromstring(section.content)  # noqa: S314 (our own response)
        paths += [urlsplit(location.text).path for location in root.iter(f"{SITEMAP_NS}loc")]
    return paths


def test_the_sections_together_list_every_public_page_exactly_once(client, large_site):
    public = Page.objects.live().public().descendant_of(large_site.home, inclusive=True)
    # Each page's address from its url_path (the site's root is /home/), not from the code under test.
    expected = {page.url_path.removeprefix(large_site.home.url_path[:-1]) for page in public}

    paths = listed_paths(client)

    assert len(sitemap_sections(client)) == 3
    assert [path for path, times in Counter(paths).items() if times > 1] == []
    assert set(paths) == expected
    assert len(expected) > GENERATED
    assert not [path for path in paths if "verborgen" in path or "onder-de-afscherming" in path]
