"""Every use of Wagtail's (and treebeard's and Django's) private attributes, and every copy of Wagtail's logic.

Each one saves queries on the pages Varnish does not serve (logged-in readers, the first reader after a purge), and
each was kept because removing it cost more than 10 % (README, "Wagtail's internals"). A Wagtail upgrade can break
them silently: tests/portal/test_wagtail_internals.py fails when Wagtail no longer reads or computes what they assume.

1. The request's site and site root paths (portal.sites): Wagtail's site ranking copied (`match_site`,
   `site_root_paths`), the results left where Wagtail looks first (`request._wagtail_site`,
   `request._wagtail_cached_site_root_paths`), the home page as the root page's specific form, and the request on
   the contact settings (`BaseSiteSetting._request`, which its page URLs use). Saves 3 queries a page.
2. Which pages are public (portal.visibility): Wagtail's `PageQuerySet.public()` filter, with the restricted paths
   read once per request instead of once per call (`restricted_paths`). Saves 2 to 3 queries a page.
3. A page's parent, known while routing (`remember_parent`, treebeard's `_cached_parent_obj`): breadcrumbs and
   chapter navigation read it again otherwise. Saves up to 5 queries a page.
4. Pages written in bulk (news/management/commands/generate_news.py): treebeard's path arithmetic (`child_path`,
   `child_number`) and Django's multi-table insert (`insert_pages`); Wagtail's add_child takes tens of milliseconds
   an article, too slow for 100,000.
5. Documents made in code (the demo loader): the size and hash Wagtail's upload form records (`set_file_metadata`).
6. The host as Wagtail reads it (`raw_host`, Django's `_get_raw_host`).
"""

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.models.sites import SiteRootPath
from wagtail.signals import post_page_move

# 1. The request's site.

# Wagtail's ranks of a site for a request (wagtail.models.sites.get_site_for_hostname), best first.
HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT, DEFAULT, HOSTNAME = range(4)


def match_site(sites, hostname, port):
    """The site Wagtail would choose for hostname:port among `sites`, or None."""

    def rank(site):
        if site.hostname == hostname and site.port == port:
            return HOSTNAME_AND_PORT
        if site.hostname == hostname and site.is_default_site:
            return HOSTNAME_AND_DEFAULT
        return DEFAULT if site.is_default_site else HOSTNAME

    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (HOSTNAME_AND_PORT, HOSTNAME_AND_DEFAULT):
        return candidates[0]
    if rank(candidates[0]) == DEFAULT:
        # The default site, unless exactly one other site has the hostname.
        return candidates[len(candidates) == 2]
    return None  # several sites with this hostname on other ports and no default: Wagtail finds none either


def site_root_paths(sites):
    """Site.get_site_root_paths() for `sites`: the most specific root path first (WAGTAIL_I18N_ENABLED is off,
    so one path per site)."""
    ordered = sorted(sites, key=lambda site: site.hostname)
    ordered.sort(key=lambda site: site.is_default_site, reverse=True)
    ordered.sort(key=lambda site: site.root_page.url_path, reverse=True)
    return [
        SiteRootPath(site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
        for site in ordered
    ]


def raw_host(request):
    """The host as Wagtail reads it (6.), unchecked, so that a host outside ALLOWED_HOSTS does not raise here."""
    return request._get_raw_host()


def remember_site(request, site, root_paths):
    """Where Site.find_for_request() and page URLs look before they query."""
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths


def remember_specific(page, specific):
    """Page.specific is a cached property: what its cache holds is what Wagtail's routing gets."""
    page.specific = specific


def remember_request(setting, request):
    """A site setting read without for_request() still makes its page URLs for this request."""
    setting._request = request


# 2. Which pages are public.

_request = Local()


def restricted_paths():
    """The paths under which every page is hidden from everyone, in one query: the pages with a view restriction, and
    the aliases of a page at or below one. Read once per request, on every call outside one."""
    paths = getattr(_request, "restricted_paths", None)
    if paths is None:
        with connection.cursor() as cursor:
            cursor.execute(_RESTRICTED_PATHS_SQL)
            paths = [path for (path,) in cursor.fetchall()]
        if getattr(_request, "active", False):
            _request.restricted_paths = paths
    return paths


def under_restriction(page):
    """Whether `page` lies at or below one of the restricted paths: only then can a view restriction reach it."""
    return page.path.startswith(tuple(restricted_paths()))


# Written out rather than built with the ORM: every page runs it, and building it (a union, an EXISTS, an outer
# reference) took a millisecond of Python a request, three times what PostgreSQL takes to run it. Wagtail's tables
# by name: tests/portal/test_wagtail_internals.py checks the result against Page.objects.public(). The redundant
# `IS NOT NULL` makes PostgreSQL start from the aliases (an index, a handful of rows), not from every page.
_RESTRICTED_PATHS_SQL = """
    SELECT page.path FROM wagtailcore_pageviewrestriction restriction
        JOIN wagtailcore_page page ON page.id = restriction.page_id
    UNION ALL
    SELECT alias.path FROM wagtailcore_page alias JOIN wagtailcore_page source ON source.id = alias.alias_of_id
    WHERE alias.alias_of_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM wagtailcore_pageviewrestriction restriction
            JOIN wagtailcore_page hidden ON hidden.id = restriction.page_id
        WHERE hidden.path = SUBSTR(source.path, 1, LENGTH(hidden.path))
    )
"""


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


# 3. A page's parent.


def remember_parent(page, parent):
    """page.get_parent() then returns `parent` without a query (treebeard's cache of it)."""
    page._cached_parent_obj = parent


# 4. Pages written in bulk.


def child_number(page):
    """The position of `page` among its siblings, as its tree path encodes it."""
    return Page._str2int(page.path[-Page.steplen :])


def child_path(parent, number):
    """The tree path of the `number`th child of `parent`."""
    return Page._get_path(parent.path, parent.depth + 1, number)


def insert_pages(model, pages):
    """Two INSERTs for `pages` of `model`, a page type directly below Page: their wagtailcore_page rows (the ids
    returned and set), then their rows of `model`. A multi-table bulk insert, which QuerySet.bulk_create() refuses
    to do; the tree fields (path, depth, numchild of the parent) are the caller's."""
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    returned = Page._base_manager._insert(
        pages, fields=page_fields, returning_fields=[Page._meta.pk], using=connection.alias
    )
    for page, (pk,) in zip(pages, returned, strict=True):
        page.id = page.page_ptr_id = pk
        page._state.adding = False
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields, using=connection.alias)


# 5. Documents made in code.


def set_file_metadata(document):
    """The file size and hash (the document's ETag) that Wagtail's upload form records."""
    document._set_document_file_metadata()
