"""Readers of what the site renders: news items, search results, pagination and RSS, as a visitor sees them."""

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

_TAG = re.compile(r"<[^>]+>")


def page_text(response):
    """The response body as text with the tags stripped and whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", response.content.decode())).split())


def _text(fragment):
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _first(pattern, fragment):
    match = re.search(pattern, fragment, re.S)
    return match.group(1) if match else None


def news_items(response, within=None):
    """Each <article class="news-item"> in page order: category, date text, datetime, title, href, summary.

    `within` limits the search to the element that starts with that text (e.g. '<section class="related"').
    """
    content = response.content.decode()
    if within is not None:
        start = content.find(within)
        if start < 0:
            return []
        content = content[start:]
        content = content[: content.find("</section>")] if "</section>" in content else content
    items = []
    for block in re.findall(r'<article class="news-item">(.*?)</article>', content, re.S):
        items.append(
            {
                "category": _text(_first(r'<span class="label">(.*?)</span>', block) or ""),
                "date": _text(_first(r"<time[^>]*>(.*?)</time>", block) or ""),
                "datetime": _first(r'<time datetime="([^"]*)"', block),
                "title": _text(_first(r'class="news-item__title"><a href="[^"]*">(.*?)</a>', block) or ""),
                "href": html.unescape(_first(r'class="news-item__title"><a href="([^"]*)"', block) or ""),
                "summary": _text(_first(r'<p class="news-item__summary">(.*?)</p>', block) or ""),
            }
        )
    return items


def listed_titles(response, within=None):
    return [item["title"] for item in news_items(response, within=within)]


def search_results(response):
    """(title, href) of each search result, in order."""
    content = response.content.decode()
    block = _first(r'<ol class="search-results">(.*?)</ol>', content) or ""
    return [
        (_text(title), html.unescape(href)) for href, title in re.findall(r'<h2><a href="([^"]*)">(.*?)</a>', block)
    ]


def pagination_links(response):
    """(label, href, is_current) of each link in the pagination nav; empty without pagination."""
    return _nav_links(response, "pagination")


def _nav_links(response, nav_class):
    content = response.content.decode()
    nav = _first(rf'<nav class="{nav_class}"[^>]*>(.*?)</nav>', content)
    if nav is None:
        return []
    return [
        (_text(label), html.unescape(href), 'aria-current="page"' in attributes)
        for href, attributes, label in re.findall(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', nav, re.S)
    ]


def main_menu(response):
    """(title, href, is_current) of each link in the main menu."""
    return _nav_links(response, "main-nav")


def breadcrumbs(response):
    """(label, href, is_current) of each breadcrumb link; empty without breadcrumbs."""
    return _nav_links(response, "breadcrumbs")


def alternate_feeds(response):
    """The href of each <link rel="alternate" type="application/rss+xml"> in the page head."""
    head = response.content.decode().split("</head>")[0]
    links = re.findall(r"<link\b[^>]*>", head)
    return [
        html.unescape(_first(r'href="([^"]*)"', link))
        for link in links
        if 'rel="alternate"' in link and 'type="application/rss+xml"' in link
    ]


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
