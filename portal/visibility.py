"""Which pages everyone may see, in the query that lists them.

A page is hidden from everyone when it or an ancestor has a view restriction. Wagtail's `PageQuerySet.public()`
reads the restricted pages with a query of its own on every call, and a page with a menu, a footer and a listing
calls it several times. `visible_to_everyone()` filters the same way (by path prefix, a cheap test for PostgreSQL
on every row of a long listing) with the restricted paths read once per request.
"""

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction, Site

_request = Local()


def restricted_paths():
    """The paths of the pages that have a view restriction; read once per request, on every call outside one."""
    paths = getattr(_request, "restricted_paths", None)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        if getattr(_request, "active", False):
            _request.restricted_paths = paths
    return paths


@receiver(request_started)
def _start_request(**kwargs):
    _request.active, _request.restricted_paths = True, None


@receiver(request_finished)
def _finish_request(**kwargs):
    _request.active, _request.restricted_paths = False, None


@receiver([post_save, post_delete], sender=PageViewRestriction)
def _forget_restricted_paths(**kwargs):
    _request.restricted_paths = None


def visible_to_everyone(pages):
    """`pages` without those behind a view restriction on themselves or an ancestor, as `.public()` filters them."""
    hidden = Q()
    for path in restricted_paths():
        hidden |= Q(path__startswith=path)
    return pages.exclude(hidden) if hidden else pages


def keep_visible(pages):
    """The pages of a short list that everyone may see, filtered as visible_to_everyone() filters them but in Python:
    for a handful of rows, cheaper than building that filter into the query."""
    hidden = tuple(restricted_paths())
    return [page for page in pages if not page.path.startswith(hidden)]


def site_sections(request):
    """The live children of the request's site root that everyone may see, in tree order, with only the fields a link
    and the menu need: one query per request.

    The main menu, the footer links and the home page's sections are all drawn from these pages.
    """
    try:
        return request._portal_site_sections
    except AttributeError:
        pass

    from portal import cache
    from portal.models import LINK_FIELDS  # here: portal.models imports this module

    site = Site.find_for_request(request)
    sections = keep_visible(site.root_page.get_children().live().only(*LINK_FIELDS, "show_in_menus")) if site else []
    if site:
        # The menu, the footer and the home page show these on every page: a new or changed section purges them.
        cache.add_keys(request, cache.children_key(site.root_page.path))
        cache.add_objects(request, *sections)
    request._portal_site_sections = sections
    return sections
