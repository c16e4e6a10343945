"""robots.txt, /.well-known/security.txt (RFC 9116) and sitemap.xml: what crawlers and researchers read."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.utils import timezone

from portal.models import ContactSettings
from portal.sitemaps import PagesSitemap
from tests.builders import make_article, make_articles, make_hidden_article, make_standard_page
from tests.markup import SITEMAP_NS, sitemap_sections

# RFC 9116 section 2.5.5: the Expires value is an RFC 3339 date-time (the internet profile of ISO 8601).
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def fields(response):
    """The "Name: value" lines of a text file, as (name, value) pairs in order; comments are skipped."""
    pairs = []
    for line in response.content.decode().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, separator, value = line.partition(": ")
        assert separator, f"not a field line: {line!r}"
        pairs.append((name, value))
    return pairs


def test_robots_txt_names_the_sitemap_index_with_an_absolute_url(client, site):
    response = client.get("/robots.txt", secure=True)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    sitemaps = [value for name, value in fields(response) if name == "Sitemap"]
    assert sitemaps == ["https://testserver/sitemap.xml"]
    assert ("Disallow", "/admin/") in fields(response)


def test_security_txt_follows_rfc_9116(client, site):
    ContactSettings.objects.update_or_create(site=site.home.get_site(), defaults={"email": "security@example.nl"})

    response = client.get("/.well-known/security.txt", secure=True)

    assert response.status_code == 200
    # Section 3: "text/plain" with the charset parameter set to "utf-8".
    assert response["Content-Type"].replace(" ", "").lower() == "text/plain;charset=utf-8"
    pairs = fields(response)
    names = [name for name, _ in pairs]
    assert names.count("Expires") == 1
    assert names.count("Preferred-Languages") <= 1
    assert ("Contact", "mailto:security@example.nl") in pairs
    languages = dict(pairs)["Preferred-Languages"]
    assert languages.split(",")[0].strip() == "nl"
    expires = dict(pairs)["Expires"]
    assert RFC3339.match(expires), expires
    moment = datetime.fromisoformat(expires.replace("Z", "+00:00"))
    now = timezone.now()
    assert now < moment < now + timedelta(days=365)
    assert dict(pairs)["Canonical"] == "https://testserver/.well-known/security.txt"


def test_security_txt_without_an_email_address_still_names_an_https_contact(client, site):
    ContactSettings.objects.filter(site=site.home.get_site()).update(email="")

    response = client.get("/.well-known/security.txt", secure=True)

    contacts = [value for name, value in fields(response) if name == "Contact"]
    assert contacts
    assert all(contact.startswith(("https://", "mailto:", "tel:")) for contact in contacts)


def test_sitemap_is_valid_xml_listing_exactly_the_live_public_pages(client, site):
    article = make_article(site.news_index, title="Zichtbaar bericht")
    standard = make_standard_page(site.home, title="Over ons")
    make_standard_page(site.home, title="Concept", live=False)
    for kind in ("draft", "unpublished", "login_restricted"):
        make_hidden_article(site.news_index, kind)

    [section] = sitemap_sections(client)

    assert section["Content-Type"].startswith("application/xml")
    root = ET.fromstring(section.content)  # noqa: S314 (our own response)
    assert root.tag == f"{SITEMAP_NS}urlset"
    locations = [url.findtext(f"{SITEMAP_NS}loc") for url in root.iter(f"{SITEMAP_NS}url")]
    assert all(urlsplit(location).scheme in {"http", "https"} and urlsplit(location).netloc for location in locations)
    assert len(locations) == len(set(locations))
    paths = {urlsplit(location).path for location in locations}
    assert paths == {"/", "/nieuws/", article.url, standard.url}
    for url in root.iter(f"{SITEMAP_NS}url"):
        lastmod = url.findtext(f"{SITEMAP_NS}lastmod")
        assert lastmod is None or RFC3339.match(lastmod) or re.match(r"^\d{4}-\d{2}-\d{2}$", lastmod)


def test_sitemap_sections_together_list_every_public_page_exactly_once(client, site, monkeypatch):
    # Sections of 4 pages stand in for the 2,000 of the site: 2 pages and 11 articles need 4 sections.
    monkeypatch.setattr(PagesSitemap, "limit", 4)
    articles = make_articles(site.news_index, 11)
    make_standard_page(site.home, title="Concept", live=False)
    for kind in ("draft", "unpublished", "login_restricted"):
        make_hidden_article(site.news_index, kind)

    sections = sitemap_sections(client)

    locations = [
        url.findtext(f"{SITEMAP_NS}loc")
        for section in sections
        for url in ET.fromstring(section.content).iter(f"{SITEMAP_NS}url")  # noqa: S314 (our own response)
    ]
    paths = [urlsplit(location).path for location in locations]
    assert len(sections) == 4
    assert sorted(paths) == sorted(["/", "/nieuws/", *(article.url for article in articles)])
    assert client.get("/sitemap-pages.xml?p=5").status_code == 404
    assert client.get("/sitemap-andere.xml").status_code == 404
