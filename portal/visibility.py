"""Which pages everyone may see, in the query that lists them.

A page is hidden from everyone when it or an ancestor has a view restriction, or is an alias of a page so hidden
(an alias shows its source's content; Wagtail serves it under its source's restrictions). Wagtail's
`PageQuerySet.public()` reads the restricted pages with a query of its own on every call, and a page with a menu, a
footer and a listing calls it several times. `visible_to_everyone()` filters by path prefix (a cheap test for
PostgreSQL on every row of a long listing) with the hidden paths read once per request
(portal.wagtail_internals.restricted_paths).
"""

from django.db.models import Q
from wagtail.models import Site

from portal import cache
from portal.models import LINK_FIELDS
from portal.wagtail_internals import forget_restricted_paths, restricted_paths, under_restriction

__all__ = [
    "forget_restricted_paths",
    "keep_visible",
    "restricted_paths",
    "site_sections",
    "under_restriction",
    "visible_to_everyone",
]


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
        return request.portal_site_sections
    except AttributeError:
        pass

    site = Site.find_for_request(request)
    sections = keep_visible(site.root_page.get_children().live().only(*LINK_FIELDS, "show_in_menus")) if site else []
    if site:
        # The menu, the footer and the home page show these on every page: a new or changed section purges them.
        cache.add_keys(request, cache.children_key(site.root_page.path))
        cache.add_objects(request, *sections)
    request.portal_site_sections = sections
    return sections
