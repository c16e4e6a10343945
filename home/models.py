from wagtail.models import Site

from news.models import NewsArticlePage, NewsIndexPage
from portal import cache
from portal.models import BasePage, BodyMixin
from portal.summaries import attach_summaries
from portal.visibility import site_sections
from strategy.models import ThemePage


class HomePage(BodyMixin, BasePage):
    """The site root: who the coalition is, the latest news and the way into each section."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "portal.StandardPage",
        "apothekerskast.ApothekerskastIndexPage",
        "events.EventIndexPage",
        "newsletter.NewsletterIndexPage",
        "strategy.StrategyPage",
    ]
    max_count = 1

    content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    class Meta:
        verbose_name = "homepagina"
        verbose_name_plural = "homepagina’s"

    def route(self, request, path_components):
        """A section is found among the site's sections, which the menu reads anyway; one hidden from the public
        (a private section, or a draft) the way Wagtail finds it."""
        site = Site.find_for_request(request)
        if path_components and site and site.root_page_id == self.pk:
            result = self.route_among(site_sections(request), request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsArticlePage.objects.for_listing().newest(0, 4)
        # The menu's pages (one query per request), with their summaries in one more query for all page types.
        sections = [page for page in site_sections(request) if page.show_in_menus]
        context["sections"] = attach_summaries(sections, self.allowed_subpage_models())
        context["news_index"] = next(
            (page for page in site_sections(request) if page.specific_class is NewsIndexPage), None
        )
        context["strategy_themes"] = themes = list(ThemePage.objects.descendant_of(self).current())
        # New articles and themes appear here: the listings of their parents name this page too.
        listed_parents = {cache.parent_path(theme) for theme in themes}
        if context["news_index"]:
            listed_parents.add(context["news_index"].path)
        cache.add_keys(request, *(cache.children_key(path) for path in listed_parents))
        cache.add_objects(request, *themes)
        return context
