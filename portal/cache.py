"""The shared HTTP cache in front of the site (Varnish, deploy/varnish/default.vcl): Django decides, Varnish obeys.

A response may be kept by the shared cache only when something marked it with a surrogate key (`add_keys`) and it
is the same for every anonymous reader: a GET or HEAD without a session cookie, status 200, no cookie set, no
Cache-Control of its own. It then gets `Cache-Control: public, s-maxage=..., max-age=...` and an `xkey` header
naming every page and object it shows. Everything else gets `private, no-store`.

A change purges the keys of what it touched (`purge_keys`), through the backends of `WAGTAILFRONTENDCACHE`
(wagtail.contrib.frontend_cache), after the transaction commits. Keys:

- `page-<id>`: a response that shows the page: the page itself, or its title and link in a listing or menu;
- `children-<path>`: a response that lists the children of the page at that tree path (a new child appears there);
- `linked-to-<id>`: a response that lists the pages linking to that page (a theme's news and toolkits);
- `<app_label>.<model>-<pk>`: a snippet, site setting or image shown on the response (`object_key`);
- `<app_label>.<model>`: a list of all snippets of that model (`model_key`);
- `search`, `sitemap`: every search result page, the sitemap.
"""

import logging
from threading import local
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)

SEARCH_KEY = "search"
SITEMAP_KEY = "sitemap"


def page_key(page):
    return f"page-{page.pk}"


def children_key(path):
    """The key of listings of the children of the page at tree path `path`."""
    return f"children-{path}"


def linked_key(page_id):
    """The key of listings of the pages that link to the page `page_id` (a theme's news and toolkits)."""
    return f"linked-to-{page_id}"


def parent_path(page):
    return page.path[: -Page.steplen]


def object_key(obj):
    if isinstance(obj, Page):
        return page_key(obj)
    return f"{obj._meta.label_lower}-{obj.pk}"


def model_key(model):
    """The key of listings of all objects of a snippet model (a new category appears there)."""
    return model._meta.label_lower


def add_keys(request, *keys):
    """Marks the response to `request` as showing what `keys` name, and so as one the shared cache may keep."""
    collected = getattr(request, "surrogate_keys", None)
    if collected is not None:
        collected.update(keys)


def add_objects(request, *objects):
    """add_keys() for the pages, snippets, settings and images shown (None is skipped)."""
    add_keys(request, *(object_key(obj) for obj in objects if obj is not None and obj.pk is not None))


def cache_briefly(request):
    """The response is kept SHARED_CACHE_BRIEF_SECONDS instead of SHARED_CACHE_SECONDS (search results)."""
    keep_at_most(request, settings.SHARED_CACHE_BRIEF_SECONDS)


def cache_until(request, moment):
    """The response is kept no later than `moment` (an aware datetime), when what it shows changes without a
    publish (an event turns past at midnight)."""
    keep_at_most(request, (moment - timezone.now()).total_seconds())


def keep_at_most(request, seconds):
    current = getattr(request, "shared_cache_seconds", settings.SHARED_CACHE_SECONDS)
    request.shared_cache_seconds = max(0, min(current, int(seconds)))


class SharedCacheMiddleware:
    """Sends the Cache-Control and xkey headers described at the top of this module.

    Placed above the session and CSRF middleware, so it sees the cookies they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.surrogate_keys = set()
        response = self.get_response(request)
        if response.has_header("Cache-Control"):  # the view or a library decided (static files, downloads)
            return response
        if self.shareable(request, response):
            seconds = getattr(request, "shared_cache_seconds", settings.SHARED_CACHE_SECONDS)
            browser_seconds = min(seconds, settings.BROWSER_CACHE_SECONDS)
            patch_cache_control(response, public=True, s_maxage=seconds, max_age=browser_seconds)
            response["xkey"] = " ".join(sorted(request.surrogate_keys))
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def shareable(request, response):
        return (
            bool(request.surrogate_keys)
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )


class XkeyBackend(HTTPBackend):
    """Wagtail's HTTP purge backend that also purges by surrogate key: a PURGE with an `xkey-purge` header naming
    the keys, which the VCL hands to xkey.purge(). A CDN with surrogate keys (Fastly, Cloudflare's cache tags) gets a
    backend of its own with the same `purge_keys` method."""

    def __init__(self, params):
        self.location = params["LOCATION"]
        super().__init__(params)

    def purge_keys(self, keys):
        named = " ".join(sorted(keys))
        try:
            # The URL is the configured LOCATION, as in HTTPBackend.
            urlopen(PurgeRequest(self.location, headers={"xkey-purge": named}), timeout=5).close()  # noqa: S310
        except OSError as error:
            logger.error("Could not purge %s from the HTTP cache: %s", named, error)


def send_purge(keys):
    for backend in get_backends().values():
        if hasattr(backend, "purge_keys"):
            backend.purge_keys(keys)


class _Waiting(local):
    """The keys to purge when the current transaction commits, per thread."""

    def __init__(self):
        self.keys = set()


_waiting = _Waiting()
# Keys a purge request: its header stays within Varnish's limit (8 KB).
PURGE_BATCH = 100


def purge_keys(keys):
    """Purges the responses marked with any of `keys` once the current transaction commits (a purge before the
    commit would let the next request store the old content again). The keys of one transaction go out together:
    deleting a section of a thousand pages purges in a few requests, not two thousand."""
    if keys and get_backends():
        _waiting.keys.update(keys)
        transaction.on_commit(_send_waiting)


def _send_waiting():
    """Every key waiting, sent at the first of a transaction's callbacks; the others find none. Keys left by a
    rolled-back transaction go with the next one's: a purge too many does no harm."""
    keys, _waiting.keys = sorted(_waiting.keys), set()
    for start in range(0, len(keys), PURGE_BATCH):
        send_purge(keys[start : start + PURGE_BATCH])


def page_change_keys(page):
    """What a change to `page` (published, unpublished, moved, deleted, made private) can show on: the page, the
    listings of its parent, search, the sitemap, and what the page's type adds (`related_surrogate_keys`, when
    `page` is of its specific class)."""
    keys = {page_key(page), children_key(parent_path(page)), SEARCH_KEY, SITEMAP_KEY}
    related = getattr(page, "related_surrogate_keys", None)
    if related is not None:
        keys.update(related())
    return keys


def subtree_keys(page):
    """The page keys of `page` and every page below it: a move or a privacy change changes them all."""
    return {f"page-{pk}" for pk in page.get_descendants(inclusive=True).values_list("pk", flat=True)}


def _page_changed(instance, **kwargs):
    purge_keys(page_change_keys(instance))


def _post_page_move(instance, parent_page_before, parent_page_after, **kwargs):
    purge_keys(
        {
            *page_change_keys(instance),
            *subtree_keys(instance),
            children_key(parent_page_before.path),
            children_key(parent_page_after.path),
        }
    )


def _privacy_changed(instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # deleted with its page, which purged itself
        return
    page = page.specific
    purge_keys({*page_change_keys(page), *subtree_keys(page)})


def _object_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):  # deleted; a live page was unpublished first, a draft shows nowhere
        if kwargs.get("signal") is post_delete:
            purge_keys(page_change_keys(instance))
    elif isinstance(instance, (BaseSiteSetting, BaseGenericSetting, AbstractImage)) or sender in get_snippet_models():
        purge_keys({object_key(instance), model_key(type(instance))})


def connect_signals():
    page_published.connect(_page_changed, dispatch_uid="portal.cache.published")
    page_unpublished.connect(_page_changed, dispatch_uid="portal.cache.unpublished")
    post_page_move.connect(_post_page_move, dispatch_uid="portal.cache.moved")
    post_save.connect(_privacy_changed, sender=PageViewRestriction, dispatch_uid="portal.cache.privacy_saved")
    post_delete.connect(_privacy_changed, sender=PageViewRestriction, dispatch_uid="portal.cache.privacy_deleted")
    post_save.connect(_object_changed, dispatch_uid="portal.cache.object_saved")
    post_delete.connect(_object_changed, dispatch_uid="portal.cache.object_deleted")
