"""The request's Wagtail site, every site's root path, the home page and the contact settings, read in one query.

Wagtail finds a request's site with a query of its own (ranked by a CASE expression that costs more to build than
to run), reads the site root paths every page link needs from the cache (a query, with the database cache), reads
the site's root page again as a HomePage to route each request, and the footer's contact settings with a fourth.
A portal has one site, or a few: `find_site()` reads them all with their home pages and settings at once and leaves
the results on the request where Wagtail looks first.
"""

from contextlib import suppress

from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import SiteRootPath

from portal.models import ContactSettings

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
            each.root_page.specific = each.root_page.homepage
    # As Wagtail does: the raw host, so that a host outside ALLOWED_HOSTS does not raise here.
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    site = match_site(sites, hostname, int(port) if port.isdigit() else None)
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = site_root_paths(sites)
    try:
        contact = site.contactsettings
    except (AttributeError, ContactSettings.DoesNotExist):
        return  # no site, or no settings saved yet: ContactSettings.for_request() creates them when asked
    contact._request = request
    setattr(request, ContactSettings.get_cache_attr_name(), contact)
