"""Keeps the archive summary (NewsArchiveMonth) in step with what the listings show: every change that adds an
article to a listing or takes one out counts the articles again, in the same transaction."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.models import NewsArchiveMonth, NewsArticlePage


def refresh_archive(**kwargs):
    NewsArchiveMonth.refresh_all()


# Publishing covers a new article, a changed date or category, and a scheduled go-live; unpublishing covers expiry.
for signal in (page_published, page_unpublished, post_page_move, post_delete):
    signal.connect(refresh_archive, sender=NewsArticlePage, dispatch_uid=f"news_archive_{id(signal)}")


@receiver([post_save, post_delete], sender=PageViewRestriction)
def refresh_archive_on_privacy_change(**kwargs):
    """A restriction on an article or any page above it hides articles from the listings."""
    refresh_archive()
