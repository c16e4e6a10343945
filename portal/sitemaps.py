"""/sitemap.xml: every live, public page, with a constant number of queries however many pages there are."""

from wagtail.contrib.sitemaps import Sitemap

from portal.visibility import visible_to_everyone


class PagesSitemap(Sitemap):
    """Wagtail's sitemap with the pages in their own classes, but without reading each page type's table.

    `.specific()` reads every page type's table (a query per type); a sitemap entry only needs the URL and the
    date of publication, which are on the wagtailcore page, so `defer=True` makes the page objects from those.
    A page type that overrides get_sitemap_urls() still gets its own method.
    """

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return visible_to_everyone(pages).order_by("path").specific(defer=True)
