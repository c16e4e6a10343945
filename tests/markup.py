"""Readers of what the site renders: news items, search results, pagination and RSS, as a visitor sees them.

HTML is read with BeautifulSoup, XML (feeds, sitemaps) with ElementTree.
"""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(element):
    """An element's text as a reader sees it: whitespace collapsed; empty for no element."""
    return " ".join(element.get_text(" ").split()) if element is not None else ""


def page_text(response):
    """The response body as text with the tags stripped and whitespace collapsed."""
    return text_of(soup(response))


def news_items(response, within=None):
    """Each <article class="news-item"> in page order: category, date text, datetime, title, href, summary.

    `within` is a CSS selector of the element to look in (e.g. "section.related"); no such element, no items.
    """
    scope = soup(response)
    if within is not None:
        scope = scope.select_one(within)
        if scope is None:
            return []
    items = []
    for article in scope.select("article.news-item"):
        time, link = article.find("time"), article.select_one(".news-item__title a")
        items.append(
            {
                "category": text_of(article.select_one("span.label")),
                "date": text_of(time),
                "datetime": time.get("datetime") if time else None,
                "title": text_of(link),
                "href": link.get("href", "") if link else "",
                "summary": text_of(article.select_one("p.news-item__summary")),
            }
        )
    return items


def listed_titles(response, within=None):
    return [item["title"] for item in news_items(response, within=within)]


def search_results(response):
    """(title, href) of each search result, in order."""
    return [(text_of(link), link["href"]) for link in soup(response).select("ol.search-results h2 > a")]


def pagination_links(response):
    """(label, href, is_current) of each link in the pagination nav; empty without pagination."""
    return _nav_links(response, "pagination")


def archive_links(response):
    """(label, href, is_current) of each link in a news listing's archive: the years, and the months of the one open."""
    nav = soup(response).select_one('nav[aria-labelledby="filter-archive"]')
    if nav is None:
        return []
    return [(text_of(link), link["href"], link.get("aria-current") == "page") for link in nav.select("a[href]")]


def _nav_links(response, nav_class):
    nav = soup(response).select_one(f"nav.{nav_class}")
    if nav is None:
        return []
    return [(text_of(link), link["href"], link.get("aria-current") == "page") for link in nav.select("a[href]")]


def main_menu(response):
    """(title, href, is_current) of each link in the main menu."""
    return _nav_links(response, "main-nav")


def breadcrumbs(response):
    """(label, href, is_current) of each breadcrumb link; empty without breadcrumbs."""
    return _nav_links(response, "breadcrumbs")


def alternate_feeds(response):
    """The href of each <link rel="alternate" type="application/rss+xml"> in the page head."""
    return [link["href"] for link in soup(response).select('head link[rel="alternate"][type="application/rss+xml"]')]


def rss(response):
    """The RSS channel parsed with xml.etree: a dict with title, link and items (title, link, categories...)."""
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own feed, in a test
    assert root.tag == "rss", root.tag
    channel = root.find("channel")
    return {
        "title": channel.findtext("title"),
        "link": channel.findtext("link"),
        "language": channel.findtext("language"),
        "items": [
            {
                "title": item.findtext("title"),
                "link": item.findtext("link"),
                "guid": item.findtext("guid"),
                "description": item.findtext("description"),
                "pubDate": item.findtext("pubDate"),
                "categories": [category.text for category in item.findall("category")],
            }
            for item in channel.findall("item")
        ],
    }


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_sections(client):
    """The responses of the sections the sitemap index /sitemap.xml names, in its order."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    root = ET.fromstring(index.content)  # noqa: S314 (our own response)
    assert root.tag == f"{SITEMAP_NS}sitemapindex"
    sections = []
    for location in root.iter(f"{SITEMAP_NS}loc"):
        address = urlsplit(location.text)
        response = client.get(f"{address.path}?{address.query}" if address.query else address.path)
        assert response.status_code == 200, location.text
        sections.append(response)
    return sections


def sitemap_content(client):
    """The XML of all sections of the sitemap, one after another."""
    return "\n".join(section.content.decode() for section in sitemap_sections(client))


def sitemap_paths(client):
    """The path of every URL the sitemap's sections list, in their order."""
    return [
        urlsplit(location.text).path
        for section in sitemap_sections(client)
        for location in ET.fromstring(section.content).iter(f"{SITEMAP_NS}loc")  # noqa: S314 (our own response)
    ]
