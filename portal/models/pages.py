from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from portal import wagtail_internals
from portal.blocks import BaseStreamBlock

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
        the source page alone, not the section above it; this one needs one, and none for a page outside every
        restricted path (read once per request): no restriction can reach it.
        """
        if not wagtail_internals.under_restriction(self):
            return PageViewRestriction.objects.none()
        pages = Page.objects.ancestor_of(self, inclusive=True).annotate(source_path=Coalesce("alias_of__path", "path"))
        return PageViewRestriction.objects.filter(Exists(pages.filter(source_path__startswith=OuterRef("page__path"))))


class BodyMixin(models.Model):
    """A StreamField body composed from the shared blocks."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="inhoud")

    body_panels = [FieldPanel("body")]
    body_search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


class StandardPage(BodyMixin, BasePage):
    """Plain content such as Over ons, Contact, Toegankelijkheid and Privacy."""

    parent_page_types = ["home.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    class Meta:
        verbose_name = "standaardpagina"
        verbose_name_plural = "standaardpagina’s"
