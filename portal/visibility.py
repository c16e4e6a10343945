"""Which pages everyone may see, in the query that lists them.

A page is hidden from everyone when it or an ancestor has a view restriction, or is an alias of a page so hidden
(an alias shows its source's content; Wagtail serves it under its source's restrictions). Wagtail's
`PageQuerySet.public()` reads the restricted pages with a query of its own on every call, and a page with a menu, a
footer and a listing calls it several times. `visible_to_everyone()` filters by path prefix (a cheap test for
PostgreSQL on every row of a long listing) with the hidden paths read once per request.
"""

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from portal import cache
from portal.models import LINK_FIELDS

_request = Local()


def restricted_paths():
    """The paths under which every page is hidden from everyone, in one query: the pages with a view restriction, and
    the aliases of a page at or below one. Read once per request, on every call outside one."""
    paths = getattr(_request, "restricted_paths", None)
    if paths is None:
        source_hidden = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("alias_of__path"), 1, Length("page__path"))
        )
        aliases = Page.objects.filter(alias_of__isnull=False).filter(Exists(source_hidden)).values_list("path")
        paths = [path for (path,) in PageViewRestriction.objects.values_list("page__path").union(aliases, all=True)]
        if getattr(_request, "active", False):
            _request.restricted_paths = paths
    return paths


@receiver(request_started)
def _start_request(**kwargs):
    _request.active, _request.restricted_paths = True, None


@receiver(request_finished)
def _finish_request(**kwargs):
    _request.active, _request.restricted_paths = False, None


def forget_restricted_paths():
    """Read the restricted paths again at the next call: a restriction, a new alias or a move changes them."""
    _request.restricted_paths = None


@receiver([post_save, post_delete])
def _forget_restricted_paths(sender, **kwargs):
    if issubclass(sender, (Page, PageViewRestriction)):
        forget_restricted_paths()


@receiver(post_page_move)
def _forget_restricted_paths_after_move(**kwargs):
    forget_restricted_paths()


def visible_to_everyone(pages):
    """`pages` without those behind a view restriction on themselves or an ancestor, as `.public()` filters them, and
    without the aliases of such pages and what lies below those aliases."""
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

    site = Site.find_for_request(request)
    sections = keep_visible(site.root_page.get_children().live().only(*LINK_FIELDS, "show_in_menus")) if site else []
    if site:
        # The menu, the footer and the home page show these on every page: a new or changed section purges them.
        cache.add_keys(request, cache.children_key(site.root_page.path))
        cache.add_objects(request, *sections)
    request._portal_site_sections = sections
    return sections
