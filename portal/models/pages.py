from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index

from portal import cache, wagtail_internals
from portal.blocks import BaseStreamBlock
from portal.summaries import attach_summaries
from portal.visibility import site_sections

# The page fields a page's title and link ({% pageurl %}) need, for lists that read only what they show.
LINK_FIELDS = ("title", "slug", "url_path", "path", "depth", "content_type", "locale")


class BasePage(Page):
    """Abstract base of every page type: a plain-text summary used on the page, in listings and search."""

    summary = models.TextField(
        "samenvatting",
        blank=True,
        help_text="Eén alinea platte tekst; verschijnt onder de titel, in overzichten en zoekresultaten.",
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """A page that allows one child page type finds a child as that type, in one query.

        Wagtail's default looks the child up and then reads its specific page. RoutablePageMixin comes before this
        class in a page's bases, so a routable page's own routes still take precedence over its children.
        """
        child_models = self.allowed_subpage_models() if path_components else []
        if len(child_models) == 1:
            child = child_models[0].objects.child_of(self).filter(slug=path_components[0]).first()
            if child is None:
                raise Http404
            wagtail_internals.remember_parent(child, self)
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def route_among(self, children, request, path_components):
        """Route on through the one of `children`, pages the request has read anyway, whose slug comes next in the
        path: read whole by its type in one query, with this page as its cached parent. None when none has it."""
        child = next((page for page in children if page.slug == path_components[0]), None)
        if child is None:
            return None
        page = child.specific_class.objects.get(pk=child.pk)
        wagtail_internals.remember_parent(page, self)
        return page.route(request, path_components[1:])

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, each alias standing for its source page and the source's
        ancestors: the pages portal.visibility hides from everyone are served only to those these restrictions allow.

        Wagtail checks these before serving every page. Its own version needs two queries and, for an alias, checks
        the source page alone, not the section above it; this one needs one.
        """
        pages = Page.objects.ancestor_of(self, inclusive=True).annotate(source_path=Coalesce("alias_of__path", "path"))
        return PageViewRestriction.objects.filter(Exists(pages.filter(source_path__startswith=OuterRef("page__path"))))


class BodyMixin(models.Model):
    """A StreamField body composed from the shared blocks."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="inhoud")

    body_panels = [FieldPanel("body")]
    body_search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


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
        from news.models import NewsArticlePage, NewsIndexPage
        from strategy.models import ThemePage

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


class StandardPage(BodyMixin, BasePage):
    """Plain content such as Over ons, Contact, Toegankelijkheid and Privacy."""

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    class Meta:
        verbose_name = "standaardpagina"
        verbose_name_plural = "standaardpagina’s"
