"""The request's Wagtail site, every site's root path, the home page and the contact settings, read in one query.

Wagtail finds a request's site with a query of its own (ranked by a CASE expression that costs more to build than
to run), reads the site root paths every page link needs from the cache (a query, with the database cache), reads
the site's root page again as a HomePage to route each request, and the footer's contact settings with a fourth.
A portal has one site, or a few: `find_site()` reads them all with their home pages and settings at once and leaves
the results on the request where Wagtail looks first (portal.wagtail_internals, where Wagtail's internals are fenced).
"""

from contextlib import suppress

from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site

from portal import wagtail_internals
from portal.models import ContactSettings


def find_site(request):
    """Leave the request's site, the site root paths, the home page and the site's contact settings where Wagtail
    looks for them.

    A database error leaves the request as it was: whatever needs the site then meets the error itself.
    """
    try:
        sites = list(
            Site.objects.order_by().select_related("root_page__locale", "root_page__homepage", "contactsettings")
        )
    except DatabaseError:
        return
    for each in sites:
        # Where Wagtail's routing asks for the root page's specific form (Page.specific caches it there); a root
        # page of another type is read as Wagtail reads it. The home page is home.HomePage, named here only by its
        # relation: portal imports no app above it.
        with suppress(ObjectDoesNotExist):
            wagtail_internals.remember_specific(each.root_page, each.root_page.homepage)
    hostname = split_domain_port(wagtail_internals.raw_host(request))[0]
    port = request.get_port()
    site = wagtail_internals.match_site(sites, hostname, int(port) if port.isdigit() else None)
    wagtail_internals.remember_site(request, site, wagtail_internals.site_root_paths(sites))
    try:
        contact = site.contactsettings
    except (AttributeError, ContactSettings.DoesNotExist):
        return  # no site, or no settings saved yet: ContactSettings.for_request() creates them when asked
    wagtail_internals.remember_request(contact, request)
    setattr(request, ContactSettings.get_cache_attr_name(), contact)
