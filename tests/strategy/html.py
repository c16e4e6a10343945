"""Readers of the strategy's pages as a visitor (or a screen reader) meets them, with BeautifulSoup."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _text(element):
    return " ".join(element.get_text(" ").split())


def _links(element):
    if element is None:
        return []
    return [(_text(link), link["href"], link.get("aria-current") == "page") for link in element.find_all("a")]


def side_nav(response):
    """(label, href, is_current) of each link in the strategy's side navigation."""
    return _links(soup(response).find("nav", class_="strategy-nav"))


def pager(response):
    """{"previous": (label, href) or None, "next": (label, href) or None}; the label without Vorige/Volgende."""
    nav = soup(response).find("nav", class_="strategy-pager")
    found = {"previous": None, "next": None}
    for link in nav.find_all("a") if nav else []:
        direction = link.find(class_="strategy-pager__direction")
        direction.extract()
        found[link["rel"][0].replace("prev", "previous")] = (_text(link), link["href"])
    return found


def toc(response):
    """(text, href, level) of each link in the in-page table of contents; level 2 or 3 by nesting."""
    nav = soup(response).find("nav", class_="strategy-toc")
    if nav is None:
        return []
    return [
        (_text(link), link["href"], 3 if link.find_parent("ol").find_parent("ol") else 2) for link in nav.find_all("a")
    ]


def article_headings(response):
    """(level, id, text) of each h2 and h3 of the article, leaving out the table of contents' own heading and
    the titles of the news items listed on a theme."""
    article = soup(response).find("article", class_="strategy-article")
    return [
        (int(element.name[1]), element.get("id"), _text(element))
        for element in article.find_all(["h2", "h3"])
        if not element.find_parent("nav") and not element.find_parent("article", class_="news-item")
    ]


def article_text(response):
    """The article's text without its navigation (side menu, table of contents, previous/next)."""
    article = soup(response).find("article", class_=["strategy-article", "strategy-print"])
    for nav in article.find_all("nav"):
        nav.decompose()
    return _text(article)


def ids(response):
    return [element["id"] for element in soup(response).find_all(id=True)]
