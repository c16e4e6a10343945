"""Keeps the archive summary (NewsArchiveMonth) in step with what the listings show: every change that adds an
article to a listing or takes one out counts the articles again, in the same transaction.

Publishing and unpublishing, the everyday changes, count again only the months the article is and was dated in. A
deletion counts again once, after all its articles are gone, the months they were dated in (portal.deletions). A move
or a privacy change counts everything again. While a news index is offline its articles are not counted: publishing
it counts them all.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from news.models import NewsArchiveMonth, NewsArticlePage, NewsIndexPage
from portal import deletions


@receiver(post_page_move, sender=NewsArticlePage)
def refresh_archive_after_move(**kwargs):
    NewsArchiveMonth.refresh_all()


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
def refresh_archive_months(sender, instance, signal, **kwargs):
    """Publishing covers a new article, a changed date or category, and a scheduled go-live; unpublishing covers
    expiry. An article unpublished only on its way out (a deletion) is counted again by the deletion."""
    months = {instance.date.replace(day=1), *getattr(instance, "_archive_months_before", ())}
    instance._archive_months_before = set()
    if signal is page_unpublished and deletions.still_live(instance):
        return
    index = NewsIndexPage.objects.parent_of(instance).first()
    if index is not None and index.live:
        NewsArchiveMonth.refresh(index, months)


@receiver(page_published, sender=NewsIndexPage)
def refresh_index_archive(sender, instance, **kwargs):
    """Articles published or unpublished while their index was offline (unpublished with all of it, say)."""
    NewsArchiveMonth.refresh(instance)


@receiver(pre_delete, sender=NewsArticlePage)
def gather_deleted_article(sender, instance, origin, **kwargs):
    """The month an article is dated in and the tree path of its index."""
    deletions.gather(origin, "news months", instance.date.replace(day=1))
    deletions.gather(origin, "news index paths", instance.path[: -instance.steplen])


@receiver(pre_delete, sender=NewsIndexPage)
def gather_deleted_index(sender, instance, origin, **kwargs):
    """An index deleted takes its summary with it; counting its articles again would write rows for it."""
    deletions.gather(origin, "news indexes", instance.pk)


@receiver(post_delete, sender=NewsArticlePage)
def refresh_archive_after_deletion(sender, origin, **kwargs):
    months = deletions.take(origin, "news months")
    if months is None:
        return  # counted at this deletion's first article
    indexes = NewsIndexPage.objects.filter(path__in=deletions.take(origin, "news index paths"))
    for index in indexes.exclude(pk__in=deletions.take(origin, "news indexes") or ()):
        NewsArchiveMonth.refresh(index, months)


@receiver([post_save, post_delete], sender=PageViewRestriction)
def refresh_archive_on_privacy_change(**kwargs):
    """A restriction on an article or any page above it hides articles from the listings."""
    NewsArchiveMonth.refresh_all()
