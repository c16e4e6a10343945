from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from apothekerskast.restrictions import is_private_document, protect, restrict_library_page
from portal import cache
from portal.models import BasePage

LIBRARY_SLUG = "apothekerskast"
IMAGES_ARE_PUBLIC = (
    "Let op: afbeeldingen zijn in Wagtail altijd openbaar, ook als ze op een pagina in de apothekerskast staan. "
    "Zet vertrouwelijke informatie daarom nooit in een afbeelding, maar in een document in de collectie "
    "'Apothekerskast'. Documenten in die collectie zijn alleen te downloaden voor goedgekeurde leden."
)


class LibraryPage(BasePage):
    """Abstract base of the library's pages: their responses are never stored by any cache."""

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        return protect(super().serve(request, *args, **kwargs))

    def serve_preview(self, request, mode_name):
        """The admin's preview, draft and revision views pass the page's doors (the before_serve_page hooks, the
        gate's among them) as the page itself does."""
        for door in hooks.get_hooks("before_serve_page"):
            refusal = door(self, request, (), {})
            if refusal is not None:
                return refusal
        return super().serve_preview(request, mode_name)


class ApothekerskastIndexPage(LibraryPage):
    """/apothekerskast/: the toolkits, grouped by theme, for approved members only.

    On every save the page is restricted to the members group. The library managers (Bibliotheekbeheer) get their
    rights on it when it is created (editorial.signals).
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["apothekerskast.ToolkitPage"]
    max_count = 1

    content_panels = [HelpPanel(content=IMAGES_ARE_PUBLIC), *BasePage.content_panels]

    class Meta:
        verbose_name = "apothekerskast"
        verbose_name_plural = "apothekerskasten"

    def clean(self):
        super().clean()
        if self.slug != LIBRARY_SLUG:
            raise ValidationError({"slug": f"De apothekerskast staat altijd op /{LIBRARY_SLUG}/."})

    def save(self, *args, **kwargs):
        """Saving (and so publishing) puts Wagtail's view restriction back, should anyone have removed it."""
        result = super().save(*args, **kwargs)
        restrict_library_page(self)
        return result

    def route(self, request, path_components):
        """The route_library hooks (apothekerskast.gate) may route a request for an address below the index to the
        index itself, for the page door to refuse."""
        for route_library in hooks.get_hooks("route_library"):
            result = route_library(self, request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)

    def toolkits(self):
        """The live toolkits by theme title (those without a theme last), then by title."""
        return (
            ToolkitPage.objects.child_of(self)
            .live()
            .select_related("theme")
            .order_by(F("theme__title").asc(nulls_last=True), "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:100]
        toolkits = self.toolkits()
        if query:
            context["query"] = query
            context["results"] = list(toolkits.search(query, order_by_relevance=True))
        else:
            context["themes"] = [
                (theme.title if theme else "Overig", list(items))
                for theme, items in groupby(toolkits, key=lambda page: page.theme)
            ]
        return context


class ToolkitPage(LibraryPage):
    """A toolkit: what it is for, whom it serves, and its documents (title, type, size and date)."""

    description = RichTextField("beschrijving", blank=True, features=["bold", "italic", "ol", "ul", "link"])
    audience = models.CharField("doelgroep", max_length=255, blank=True, help_text="Voor wie is deze toolkit bedoeld?")
    theme = models.ForeignKey(
        "strategy.ThemePage",
        verbose_name="thema",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="toolkits",
        help_text="Het thema van de veiligheidsstrategie. Toolkits met hetzelfde thema staan bij elkaar in het "
        "overzicht; op de themapagina zien leden de titel van de toolkit, anderen alleen dat er toolkits zijn.",
    )

    parent_page_types = ["apothekerskast.ApothekerskastIndexPage"]
    subpage_types = []

    content_panels = [
        HelpPanel(content=IMAGES_ARE_PUBLIC),
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldPanel("theme"),
        InlinePanel("documents", label="documenten", help_text="Alleen documenten uit de collectie 'Apothekerskast'."),
        InlinePanel(
            "announcements",
            label="aangekondigd in nieuwsberichten",
            help_text="Openbare nieuwsberichten die naar deze toolkit verwijzen. Bezoekers zien daar de titel van de "
            "toolkit en een uitnodiging om in te loggen, nooit de documenten.",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("audience"),
        index.RelatedFields("theme", [index.SearchField("title")]),
    ]

    class Meta:
        verbose_name = "toolkit"
        verbose_name_plural = "toolkits"

    def related_surrogate_keys(self):
        """The public pages that show that this toolkit exists: its theme's page (whether there are toolkits) and
        the articles that announce it (its title); see portal/cache.py."""
        keys = [f"page-{announcement.article_id}" for announcement in self.announcements.all()]
        return [*keys, cache.linked_key(self.theme_id)] if self.theme_id else keys


class ToolkitDocument(Orderable):
    page = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="document", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("titel", max_length=255, blank=True, help_text="Leeg laten: de titel van het document.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "document"
        verbose_name_plural = "documenten"

    def clean(self):
        if self.document_id and not is_private_document(self.document):
            raise ValidationError(
                {"document": "Dit document staat niet in de beveiligde collectie 'Apothekerskast' en is dus openbaar."}
            )

    @property
    def display_title(self):
        return self.title or self.document.title

    @property
    def file_type(self):
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        return self.document.get_file_size()

    @property
    def date(self):
        return self.document.created_at


class ToolkitAnnouncement(Orderable):
    """A public news article that points to a toolkit: the article shows the toolkit's title and a login prompt."""

    toolkit = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="announcements")
    article = models.ForeignKey(
        "news.NewsArticlePage", verbose_name="nieuwsbericht", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "aankondiging"
        verbose_name_plural = "aankondigingen"
