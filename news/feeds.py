import re
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.timezone import get_current_timezone

# Control characters XML 1.0 cannot hold; text pasted from a word processor brings them (Shift+Enter is \x0b).
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(text):
    """The text with the control characters XML 1.0 forbids turned into spaces, so one article cannot break the feed."""
    return XML_UNSAFE.sub(" ", text)


class NewsFeed(Feed):
    """RSS 2.0 feed of the latest live, public articles, optionally of one category."""

    feed_type = Rss201rev2Feed
    language = "nl"
    limit = 20

    def __init__(self, index_page, category=None):
        super().__init__()
        self.index_page = index_page
        self.category = category

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site_name = "Veiligheidscoalitie Midden-Nederland"
        if self.category:
            return xml_safe(f"{self.category.name} – nieuws van de {site_name}")
        return f"Nieuws van de {site_name}"

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return xml_safe(self.index_page.summary) or self.title()

    def items(self):
        articles = self.index_page.articles()
        if self.category:
            articles = articles.filter(category=self.category)
        return articles.newest(0, self.limit)

    def item_title(self, item):
        return xml_safe(item.title)

    def item_description(self, item):
        return xml_safe(item.summary)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return datetime.combine(item.date, time.min, tzinfo=get_current_timezone())

    def item_categories(self, item):
        return [xml_safe(item.category.name)]
