"""Keeps the archive summary (NewsArchiveMonth) in step with what the listings show: every change that adds an
article to a listing or takes one out counts the articles again, in the same transaction.

Publishing and unpublishing, the everyday changes, count again only the months the article is and was dated in;
a move, a deletion or a privacy change counts everything again.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.models import NewsArchiveMonth, NewsArticlePage, NewsIndexPage


def refresh_archive(**kwargs):
    NewsArchiveMonth.refresh_all()


for signal in (post_page_move, post_delete):
    signal.connect(refresh_archive, sender=NewsArticlePage, dispatch_uid=f"news_archive_{id(signal)}")


@receiver(pre_save, sender=NewsArticlePage)
def remember_month_counted(sender, instance, update_fields=None, **kwargs):
    """The month a saved article was dated in before: publishing a new date takes it out of that month's count.
    A save that leaves the date alone (a draft's revision fields) needs no look."""
    if instance.pk is None or (update_fields is not None and "date" not in update_fields):
        return
    before = NewsArticlePage.objects.filter(pk=instance.pk).values_list("date", flat=True).first()
    if before is not None:
        instance._archive_months_before = {*getattr(instance, "_archive_months_before", ()), before.replace(day=1)}


@receiver([page_published, page_unpublished], sender=NewsArticlePage)
def refresh_archive_months(sender, instance, **kwargs):
    """Publishing covers a new article, a changed date or category, and a scheduled go-live; unpublishing covers
    expiry."""
    months = {instance.date.replace(day=1), *getattr(instance, "_archive_months_before", ())}
    instance._archive_months_before = set()
    index = NewsIndexPage.objects.parent_of(instance).first()
    if index is not None:
        NewsArchiveMonth.refresh(index, months)


@receiver([post_save, post_delete], sender=PageViewRestriction)
def refresh_archive_on_privacy_change(**kwargs):
    """A restriction on an article or any page above it hides articles from the listings."""
    refresh_archive()
