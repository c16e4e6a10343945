"""The shared stream blocks every page body is composed from."""

from django.utils.html import format_html
from django.utils.text import slugify
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


def heading_anchor(text):
    """The id of a heading with this text: its slug, stable while the text stays (tables of contents link to it)."""
    return slugify(text)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="tekst", max_length=120)
    level = blocks.ChoiceBlock(
        label="niveau",
        choices=[("h2", "Kop 2"), ("h3", "Kop 3")],
        default="h2",
        help_text="Kop 2 voor een hoofdstuk, kop 3 voor een paragraaf daarbinnen.",
    )

    class Meta:
        icon = "title"
        description = "Een tussenkop (niveau 2 of 3) die de tekst structureert."
        preview_value = {"text": "Samen slagvaardig", "level": "h2"}
        label = "Tussenkop"

    def render_basic(self, value, context=None):
        """An h2 or h3 with heading_anchor() as its id, after the context's anchor_prefix where several pages' bodies
        share one page. Written here rather than in a template, as the paragraph is: a chapter has dozens of these,
        and a template render costs more than the rest of a block."""
        if not value["text"]:
            return ""
        anchor = ((context or {}).get("anchor_prefix") or "") + heading_anchor(value["text"])
        level = "h3" if value["level"] == "h3" else "h2"
        return format_html('<{level} id="{anchor}">{text}</{level}>', level=level, anchor=anchor, text=value["text"])


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label="afbeelding")
    caption = blocks.CharBlock(label="bijschrift", required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"
        description = "Een afbeelding met een beschrijvende alt-tekst en een optioneel bijschrift."
        label = "Afbeelding"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="citaat")
    attribution = blocks.CharBlock(label="bron", required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        description = "Een uitspraak, met wie het zei."
        preview_value = {"text": "Samen slagvaardig voor een veilig Midden-Nederland.", "attribution": ""}
        label = "Citaat"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=["bold", "italic", "link", "document-link", "ol", "ul"], **kwargs)

    class Meta:
        icon = "pilcrow"
        description = "Lopende tekst met nadruk, lijsten en links."
        preview_value = "<p>De Veiligheidscoalitie Midden-Nederland werkt samen aan een veilige regio.</p>"
        label = "Tekst"

    def render_basic(self, value, context=None):
        """The text in a div.rich-text (written here rather than in a template, as the heading is)."""
        return format_html('<div class="rich-text">{}</div>', value) if value else ""


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
