"""The shared stream blocks every page body is composed from."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


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
        template = "components/blocks/heading.html"
        description = "Een tussenkop (niveau 2 of 3) die de tekst structureert."
        preview_value = {"text": "Samen slagvaardig", "level": "h2"}
        label = "Tussenkop"


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
        template = "components/blocks/paragraph.html"
        description = "Lopende tekst met nadruk, lijsten en links."
        preview_value = "<p>De Veiligheidscoalitie Midden-Nederland werkt samen aan een veilige regio.</p>"
        label = "Tekst"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
