"""The Regionale Veiligheidsstrategie as a section: a cover page, its chapters in order and the priority themes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from apothekerskast import access
from apothekerskast.restrictions import protect
from news.models import NewsArticlePage
from portal import cache
from portal.models import LINK_FIELDS, BasePage
from portal.visibility import keep_visible, visible_to_everyone
from strategy import toc
from strategy.blocks import StrategyStreamBlock, SubThemeBlock

THEME_NEWS_COUNT = 5
# What the side navigation, the pager, the cover's list of chapters and routing read of a chapter or theme.
NAVIGATION_FIELDS = (*LINK_FIELDS, "summary", "menu_title")


class StrategyBodyMixin(models.Model):
    """A StreamField body composed from the shared blocks and the strategy's structured ones."""

    body = StreamField(StrategyStreamBlock(), blank=True, verbose_name="inhoud")

    body_panels = [FieldPanel("body")]
    body_search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


class StrategyPage(RoutablePageMixin, StrategyBodyMixin, BasePage):
    """/veiligheidsstrategie/: the cover (Voorpagina) with the chapters and themes in order; all of it on one page."""

    period = models.CharField("looptijd", max_length=20, help_text="Bijvoorbeeld 2023-2026.")
    subtitle = models.CharField("ondertitel", max_length=200, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="strategie als pdf",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Het document om te downloaden.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategy.StrategyChapterPage", "strategy.ThemePage"]
    max_count = 1

    show_in_menus_default = True
    nav_label = "Voorpagina"
    is_theme = False

    content_panels = [
        *Page.content_panels,
        FieldPanel("period"),
        FieldPanel("subtitle"),
        FieldPanel("summary"),
        FieldPanel("document"),
        *StrategyBodyMixin.body_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("subtitle"), *StrategyBodyMixin.body_search_fields]

    class Meta:
        verbose_name = "veiligheidsstrategie"
        verbose_name_plural = "veiligheidsstrategieën"

    def sections(self, with_content=False):
        """The live, public chapters and themes in the editors' order, as (current, archived).

        Two queries, one per page type, however many chapters there are. Without `with_content` they hold only
        the NAVIGATION_FIELDS: decoding every chapter's body costs more than the rest of a chapter page, and
        reading every column of every chapter a good part of it.
        """
        chapters = StrategyChapterPage.objects.child_of(self).live()
        themes = ThemePage.objects.child_of(self).live()
        if not with_content:
            chapters, themes = chapters.only(*NAVIGATION_FIELDS), themes.only(*NAVIGATION_FIELDS, "archived")
        pages = sorted(keep_visible([*chapters, *themes]), key=lambda page: page.path)
        return (
            [page for page in pages if not getattr(page, "archived", False)],
            [page for page in pages if getattr(page, "archived", False)],
        )

    @cached_property
    def visible_children(self):
        """sections() without their content, cached for the request."""
        return self.sections()

    def route(self, request, path_components):
        """A chapter or theme is found among the visible children the navigation needs anyway."""
        if self.live and path_components:
            current, archived = self.visible_children
            result = self.route_among([*current, *archived], request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)

    def mark_navigation_shown(self, request):
        """The navigation shows every chapter and theme: a new, changed or withdrawn one purges every page with it."""
        current, archived = self.visible_children
        cache.add_keys(request, cache.children_key(self.path))
        cache.add_objects(request, self, *current, *archived)

    def navigation(self, page):
        """The Voorpagina and the current chapters and themes, each marked when it is `page`, and the pages
        before and after `page` (None at either end, and for a page that is not in the navigation)."""
        pages = [self, *self.visible_children[0]]
        position = next((number for number, item in enumerate(pages) if item.pk == page.pk), None)
        found = position is not None
        return {
            "items": [(item, item.pk == page.pk) for item in pages],
            "previous": pages[position - 1] if found and position > 0 else None,
            "next": pages[position + 1] if found and position + 1 < len(pages) else None,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["strategy_page"] = self
        context["sections"], context["archived_themes"] = self.visible_children
        self.mark_navigation_shown(request)
        context["navigation"] = self.navigation(self)
        return context

    @path("alles/", name="print_all")
    def print_all(self, request):
        """Every current chapter and theme on one page, to read through or print."""
        return self.render(
            request,
            template="strategy/strategy_print_page.html",
            context_overrides={"sections": self.sections(with_content=True)[0]},
        )


class StrategySectionMixin(models.Model):
    """What chapters and themes share: a short menu title, their place under the strategy, the navigation."""

    menu_title = models.CharField(
        "korte titel",
        max_length=80,
        blank=True,
        help_text="Voor het zijmenu en de links naar het vorige en volgende hoofdstuk. Leeg: de titel.",
    )

    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []

    is_theme = False

    class Meta:
        abstract = True

    @property
    def nav_label(self):
        return self.menu_title or self.title

    def toc_entries(self):
        """Every h2 and h3 on the page, in order, as toc.TocEntry."""
        raise NotImplementedError

    def clean(self):
        super().clean()
        duplicates = toc.duplicate_anchors(self.toc_entries())
        if duplicates:
            raise ValidationError(
                f"Deze koppen komen meer dan eens voor op de pagina: {', '.join(duplicates)}. "
                "Elke kop heeft een eigen anker nodig."
            )

    @cached_property
    def strategy_page(self):
        """The strategy this page belongs to; StrategyPage.route leaves it cached as the parent."""
        parent = self.get_parent()
        return parent if isinstance(parent, StrategyPage) else parent.specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.strategy_page.mark_navigation_shown(request)
        context["strategy_page"] = self.strategy_page
        context["navigation"] = self.strategy_page.navigation(self)
        return context


class StrategyChapterPage(StrategySectionMixin, StrategyBodyMixin, BasePage):
    """A chapter of the strategy, such as Samenvatting or Formatie- en inrichtingsplan politie."""

    content_template = "strategy/includes/chapter_content.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("menu_title"),
        FieldPanel("summary"),
        *StrategyBodyMixin.body_panels,
    ]
    search_fields = [*BasePage.search_fields, *StrategyBodyMixin.body_search_fields]

    class Meta:
        verbose_name = "hoofdstuk van de veiligheidsstrategie"
        verbose_name_plural = "hoofdstukken van de veiligheidsstrategie"

    def toc_entries(self):
        return toc.stream_headings(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toc"] = toc.nest(self.toc_entries())
        return context


# Anchors of the sections a theme page always has, whatever their headings say.
SUB_THEMES_ANCHOR = "subthemas"
AMBITION_ANCHOR = "ambitie"
STRATEGY_ANCHOR = "strategie"
APPROACH_ANCHOR = "aanpak"
NEWS_ANCHOR = "nieuws"
LIBRARY_ANCHOR = "apothekerskast"


class ThemePageQuerySet(PageQuerySet):
    def current(self):
        """Live themes everyone may see that are not archived."""
        return visible_to_everyone(self.live()).filter(archived=False)


class ThemePage(StrategySectionMixin, StrategyBodyMixin, BasePage):
    """A priority theme: its sub-themes, the problem, the ambition, strategy and approach, and the news about it."""

    archived = models.BooleanField(
        "gearchiveerd",
        default=False,
        help_text="Een gearchiveerd thema blijft te lezen, met een melding, maar staat niet meer in het zijmenu, "
        "de vorige/volgende-links en op de homepagina.",
    )
    sub_themes = StreamField([("sub_theme", SubThemeBlock())], blank=True, verbose_name="subthema’s")
    ambition_heading = models.CharField("kop", max_length=200, default="Ambitie")
    ambition = StreamField(StrategyStreamBlock(), blank=True, verbose_name="ambitie")
    strategy_heading = models.CharField("kop", max_length=200, default="Strategie")
    strategy = StreamField(StrategyStreamBlock(), blank=True, verbose_name="strategie")
    approach_heading = models.CharField("kop", max_length=200, default="Aanpak")
    approach = StreamField(StrategyStreamBlock(), blank=True, verbose_name="aanpak")

    objects = PageManager.from_queryset(ThemePageQuerySet)()

    is_theme = True
    content_template = "strategy/includes/theme_content.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("menu_title"),
        FieldPanel("summary"),
        FieldPanel("archived"),
        FieldPanel("sub_themes"),
        FieldPanel("body", heading="Probleemschets"),
        MultiFieldPanel([FieldPanel("ambition_heading"), FieldPanel("ambition")], heading="Ambitie"),
        MultiFieldPanel([FieldPanel("strategy_heading"), FieldPanel("strategy")], heading="Strategie"),
        MultiFieldPanel([FieldPanel("approach_heading"), FieldPanel("approach")], heading="Aanpak"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *StrategyBodyMixin.body_search_fields,
        index.SearchField("sub_themes"),
        index.SearchField("ambition"),
        index.SearchField("strategy"),
        index.SearchField("approach"),
        index.FilterField("archived"),
    ]

    class Meta:
        verbose_name = "thema van de veiligheidsstrategie"
        verbose_name_plural = "thema’s van de veiligheidsstrategie"

    def parts(self):
        """(anchor, heading, stream) of the ambition, strategy and approach that have content."""
        return [
            (anchor, heading, stream)
            for anchor, heading, stream in (
                (AMBITION_ANCHOR, self.ambition_heading, self.ambition),
                (STRATEGY_ANCHOR, self.strategy_heading, self.strategy),
                (APPROACH_ANCHOR, self.approach_heading, self.approach),
            )
            if stream
        ]

    def toc_entries(self, with_news=True, with_library=True):
        entries = [toc.heading("Subthema’s", SUB_THEMES_ANCHOR)] if self.sub_themes else []
        entries += toc.stream_headings(self.body)
        for anchor, heading, stream in self.parts():
            entries += [toc.heading(heading, anchor), *toc.stream_headings(stream)]
        if with_news:
            entries.append(toc.heading("Nieuws over dit thema", NEWS_ANCHOR))
        if with_library:
            entries.append(toc.heading("Toolkits in de apothekerskast", LIBRARY_ANCHOR))
        return entries

    def latest_news(self):
        """The newest live, public news items linked to this theme."""
        articles = NewsArticlePage.objects.visible().filter(theme=self).with_listing_fields()
        return list(articles.order_by("-date", "-pk")[:THEME_NEWS_COUNT])

    def library_context(self, user):
        """The toolkits of the apothekerskast on this theme, for the page's context.

        Approved members get the live toolkits (`library_toolkits`); everyone else learns only whether there are
        any (`library_has_toolkits`), never a title.
        """
        toolkits = self.toolkits.live().order_by("title")
        if access.can_view_library(user):
            toolkits = list(toolkits)
            exists = bool(toolkits)
        else:
            toolkits, exists = [], toolkits.exists()
        return {"library_toolkits": toolkits, "library_has_toolkits": exists, "library_url": access.LIBRARY_PATH}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cache.add_keys(request, cache.linked_key(self.pk))
        context["theme_news"] = news = self.latest_news()
        context.update(self.library_context(request.user))
        context["toc"] = toc.nest(self.toc_entries(with_news=bool(news), with_library=context["library_has_toolkits"]))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["library_toolkits"]:
            protect(response)  # a member's view names toolkits: never stored by a shared cache
        return response
