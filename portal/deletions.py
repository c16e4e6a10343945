"""Bringing a kept-up summary in step with a deletion once, not once per deleted row.

Deleting a page deletes everything below it in one run of Django's deletion collector: it sends pre_delete for every
row, deletes the rows model by model, then sends post_delete for each row of a model once all of that model's rows are
gone. Each signal carries the run's `origin`, the instance or queryset whose delete() started it. `gather()` collects
what the pre_delete signals tell; `take()` hands all of it over at the first post_delete of the run and None at the
others. Deleting the news index with 100,000 articles below it then counts the summaries again once, not 100,000 times.

Wagtail also unpublishes every live page of the run just before, in memory only (its pre_delete handler, with
commit=False), and sends page_unpublished while the stored page is still live: `still_live()` tells such a signal
from a real unpublish. It changes nothing stored, so a summary has nothing to count again.
"""

from wagtail.models import Page

_GATHERED = "_summaries_gathered"


def gather(origin, key, value):
    """Remember `value` under `key` for the deletion run `origin` (from a pre_delete receiver)."""
    vars(origin).setdefault(_GATHERED, {}).setdefault(key, set()).add(value)


def take(origin, key):
    """Everything gathered under `key` for the run `origin` the first time it is asked for (from a post_delete
    receiver); None when it was taken before, by an earlier post_delete of the same run."""
    return vars(origin).get(_GATHERED, {}).pop(key, None)


def still_live(page):
    """Whether the stored `page` is live: after page_unpublished, only when Wagtail unpublished it in memory before
    deleting it."""
    return Page.objects.filter(pk=page.pk, live=True).exists()
