"""Which pages everyone may see, in the query that lists them.

Wagtail's `PageQuerySet.public()` first reads every view restriction with a query of its own, on every call: a
page with a menu, a footer and a listing pays for it three times. `visible_to_everyone()` filters the same pages
with a NOT EXISTS subquery instead, so the restrictions are checked inside the listing's own query.

The site search still uses `.public()`: the search backend only accepts filters on indexed fields.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Left, Length
from wagtail.models import PageViewRestriction, Site


def visible_to_everyone(pages):
    """`pages` without those behind a view restriction on themselves or an ancestor, as `.public()` filters them."""
    restricted = PageViewRestriction.objects.filter(page__path=Left(OuterRef("path"), Length("page__path")))
    return pages.filter(~Exists(restricted))


def site_sections(request):
    """The live children of the request's site root that everyone may see, in tree order: one query per request.

    The main menu, the footer links and the home page's sections are all drawn from these pages.
    """
    try:
        return request._portal_site_sections
    except AttributeError:
        pass

    site = Site.find_for_request(request)
    sections = list(visible_to_everyone(site.root_page.get_children().live())) if site else []
    request._portal_site_sections = sections
    return sections
