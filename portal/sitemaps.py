"""/sitemap.xml: an index of numbered sections that together list every live, public page once, each section with a
constant number of queries however many pages there are."""

from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils.html import escape
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from portal import cache
from portal.visibility import visible_to_everyone

# What Page.get_sitemap_urls() reads: the URL (url_path, the locale and the site root) and the dates.
SITEMAP_FIELDS = ("path", "depth", "url_path", "locale", "last_published_at", "latest_revision_created_at")


class PagesSitemap(Sitemap):
    """Wagtail's sitemap of plain wagtailcore pages, with only the fields an entry needs: its URL and its date of
    publication. No page type here overrides get_sitemap_urls(); one that does would need `.specific()`, which
    would cost most of a section's time (thousands of page objects of their own class).

    Django's sitemap index (/sitemap.xml) splits the pages into numbered sections of `limit` pages in path order
    (`/sitemap-pages.xml`, `/sitemap-pages.xml?p=2`, ...). The protocol allows 50,000 URLs a section; each costs
    some 0.1 ms of Wagtail's URL routing, so a section of 2,000 is served in a fraction of a second.
    """

    limit = 2_000

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return visible_to_everyone(pages).order_by("path").only(*SITEMAP_FIELDS)

    def get_latest_lastmod(self):
        """The newest publication date of all sections, for the index: one aggregate instead of Django's default,
        which makes every page object to compare their dates."""
        return self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]


SITEMAPS = {"pages": PagesSitemap}


def sitemap_index(request, **kwargs):
    """Wagtail's sitemap index, named for the shared cache: every publish purges it."""
    cache.add_keys(request, cache.SITEMAP_KEY)
    return wagtail_sitemap_views.index(request, **kwargs)


@require_safe
def sitemap_section(request, section):
    """One numbered section of the sitemap: Django's sitemap view, but the XML written here.

    Django's template costs some 0.3 ms a URL; a section of thousands of URLs spent most of its time there. Named
    for the shared cache, as the index is.
    """
    cache.add_keys(request, cache.SITEMAP_KEY)
    if section not in SITEMAPS:
        raise Http404("Onbekende sitemap")
    sitemap = SITEMAPS[section](request)
    try:
        urls = sitemap.get_urls(page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("Deze sitemap bestaat niet") from error
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url in urls:
        lastmod = f"<lastmod>{url['lastmod']:%Y-%m-%d}</lastmod>" if url.get("lastmod") else ""
        lines.append(f"<url><loc>{escape(url['location'])}</loc>{lastmod}</url>")
    lines.append("</urlset>\n")
    return HttpResponse("\n".join(lines), content_type="application/xml")
