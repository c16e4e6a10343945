"""The structured blocks of the Regionale Veiligheidsstrategie, composed with the shared blocks of portal.blocks."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from portal.blocks import BaseStreamBlock, heading_anchor

# The police publishes its formation in rounded numbers: a row's parts may add up to one more or less.
ROUNDING_TOLERANCE = 1

# The bar chart's drawing area: each row has its label above a bar; the longest bar leaves room for its number.
CHART_WIDTH = 400
CHART_BAR_SPACE = 330
CHART_ROW_HEIGHT = 36


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label="kengetal", max_length=40, help_text="Zoals het gelezen wordt, bijvoorbeeld “90 van de 150”."
    )
    label = blocks.CharBlock(
        label="eenheid", max_length=80, help_text="Wat er geteld is, bijvoorbeeld “criminele samenwerkingsverbanden”."
    )
    description = blocks.TextBlock(label="toelichting", required=False, max_length=300)

    class Meta:
        icon = "decimal"
        label = "Kengetal"


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), label="kengetallen", min_num=1, max_num=6)

    class Meta:
        icon = "decimal"
        template = "components/blocks/key_figures.html"
        description = "Een rij kengetallen als kaarten: het getal, wat er geteld is en een korte toelichting."
        label = "Kengetallen"
        preview_value = {
            "figures": [
                {
                    "figure": "90 van de 150",
                    "label": "criminele samenwerkingsverbanden",
                    "description": "uit Midden-Nederland houden zich bezig met de handel in of productie van drugs.",
                },
                {"figure": "2,1 miljoen", "label": "inwoners", "description": ""},
                {"figure": "38", "label": "gemeenten", "description": ""},
            ]
        }


class FormationRowBlock(blocks.StructBlock):
    unit = blocks.CharBlock(label="district of dienst", max_length=100)
    operational = blocks.IntegerBlock(label="operationele sterkte (excl. aspiranten)", min_value=0)
    aspirants = blocks.IntegerBlock(label="aspiranten", min_value=0)
    non_operational = blocks.IntegerBlock(label="niet-operationele sterkte", min_value=0)
    total = blocks.IntegerBlock(label="totaal", min_value=0)

    class Meta:
        icon = "table"
        label = "Rij"

    def clean(self, value):
        value = super().clean(value)
        parts = value["operational"] + value["aspirants"] + value["non_operational"]
        if abs(value["total"] - parts) > ROUNDING_TOLERANCE:
            raise StructBlockValidationError(
                block_errors={
                    "total": ValidationError(
                        f"Het totaal wijkt meer dan {ROUNDING_TOLERANCE} af van de som van de sterktesoorten ({parts})."
                    )
                }
            )
        return value


class FormationTableValue(blocks.StructValue):
    """The formation table with what its bar chart needs: for each row a bar as long as its share of the largest."""

    def chart(self):
        rows = self.get("rows") or []
        largest = max((row["total"] for row in rows), default=0) or 1
        bars = []
        for number, row in enumerate(rows):
            top = number * CHART_ROW_HEIGHT
            length = round(row["total"] * CHART_BAR_SPACE / largest, 1)
            bars.append(
                {
                    "unit": row["unit"],
                    "total": row["total"],
                    "label_y": top + 14,
                    "bar_y": top + 19,
                    "length": length,
                    "value_x": length + 6,
                    "value_y": top + 30,
                }
            )
        return {"width": CHART_WIDTH, "height": len(rows) * CHART_ROW_HEIGHT + 4, "bars": bars}

    def anchor(self):
        """The base of the ids of the table's caption, footnote and chart."""
        return slugify(self.get("caption") or "formatie")


class FormationTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label="bijschrift", max_length=150, default="Formatie eenheid Midden-Nederland")
    reference_date = blocks.DateBlock(label="stand per", help_text="De datum waarop de aantallen gelden.")
    rows = blocks.ListBlock(FormationRowBlock(), label="districten en diensten", min_num=1)
    total = FormationRowBlock(label="totaal van de eenheid")
    footnote = blocks.CharBlock(label="voetnoot", required=False, max_length=200, default="Afgeronde aantallen")
    show_chart = blocks.BooleanBlock(
        label="staafdiagram tonen", required=False, default=True, help_text="Het totaal per district en dienst."
    )

    class Meta:
        icon = "table"
        template = "components/blocks/formation_table.html"
        value_class = FormationTableValue
        description = (
            "De politieformatie per district en dienst: operationele sterkte, aspiranten, niet-operationele "
            "sterkte en totaal, met een staafdiagram van de totalen."
        )
        label = "Formatietabel politie"
        preview_value = {
            "caption": "Formatie eenheid Midden-Nederland",
            "reference_date": "2022-10-24",
            "rows": [
                {
                    "unit": "District Flevoland",
                    "operational": 639,
                    "aspirants": 99,
                    "non_operational": 12,
                    "total": 749,
                },
                {
                    "unit": "District Gooi en Vechtstreek",
                    "operational": 289,
                    "aspirants": 44,
                    "non_operational": 6,
                    "total": 339,
                },
            ],
            "total": {
                "unit": "Eenheid Midden-Nederland",
                "operational": 4405,
                "aspirants": 423,
                "non_operational": 202,
                "total": 5030,
            },
            "footnote": "Afgeronde aantallen",
            "show_chart": True,
        }

    def clean(self, value):
        value = super().clean(value)
        column_total = sum(row["total"] for row in value["rows"])
        # Every row is rounded on its own, so the rows may drift from the unit's total by one per row.
        if abs(value["total"]["total"] - column_total) > ROUNDING_TOLERANCE * len(value["rows"]):
            raise StructBlockValidationError(
                block_errors={
                    "total": ValidationError(
                        f"Het totaal van de eenheid past niet bij de rijen: die tellen op tot {column_total}."
                    )
                }
            )
        return value


class GovernanceBodyBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="gremium", required=False, max_length=100)
    scale = blocks.CharBlock(
        label="schaal", required=False, max_length=60, help_text="Bijvoorbeeld “38 gemeenten” of “1 regio”."
    )
    legal_basis = blocks.CharBlock(
        label="wettelijke basis", required=False, max_length=100, help_text="Bijvoorbeeld “art. 39 Politiewet 2012”."
    )
    content = blocks.TextBlock(label="inhoud")
    members = blocks.CharBlock(label="wie", required=False, max_length=200)
    frequency = blocks.CharBlock(label="frequentie", required=False, max_length=100)

    class Meta:
        icon = "group"
        label = "Gremium"

    def clean(self, value):
        value = super().clean(value)
        if not (value["name"] or value["scale"]):
            raise StructBlockValidationError(
                block_errors={"name": ValidationError("Geef de naam van het gremium of de schaal waarop het werkt.")}
            )
        return value


class GovernanceBlock(blocks.StructBlock):
    bodies = blocks.ListBlock(GovernanceBodyBlock(), label="gremia", min_num=1)

    class Meta:
        icon = "group"
        template = "components/blocks/governance.html"
        description = "De overleggremia van de samenwerking: per gremium de inhoud, wie er zitten en hoe vaak."
        label = "Gremia"
        preview_value = {
            "bodies": [
                {
                    "name": "Regionaal Veiligheidscollege",
                    "scale": "1 regio",
                    "legal_basis": "art. 39 Politiewet 2012",
                    "content": "Samenwerking in regio; thematische verdieping.",
                    "members": "38 burgemeesters, hoofdofficier, politiechef eenheid",
                    "frequency": "2 x per jaar",
                }
            ]
        }


class TrendBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="trend", max_length=100)
    description = blocks.TextBlock(label="toelichting", required=False, max_length=400)

    class Meta:
        icon = "grid"
        label = "Trend"


class TrendsBlock(blocks.StructBlock):
    trends = blocks.ListBlock(TrendBlock(), label="trends", min_num=1)

    class Meta:
        icon = "grid"
        template = "components/blocks/trends.html"
        description = "Een raster van kaarten met de trends uit een trendinventarisatie, elk met een tekstlabel."
        label = "Trends"
        preview_value = {
            "trends": [
                {"title": "Crime change", "description": ""},
                {"title": "Toename maatschappelijk ongenoegen", "description": ""},
                {"title": "Milieucriminaliteit", "description": ""},
            ]
        }


class SubThemeBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=200, **kwargs)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/sub_theme.html"
        description = "Een subthema van een prioriteit, in een paar woorden."
        label = "Subthema"
        preview_value = "Voorkomen jonge aanwas en doorgroeiers"


class StrategyStreamBlock(BaseStreamBlock):
    """The shared blocks plus the strategy's structured ones. Every heading gets its own anchor."""

    key_figures = KeyFiguresBlock()
    formation_table = FormationTableBlock()
    governance = GovernanceBlock()
    trends = TrendsBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        errors = {}
        for index, child in enumerate(value):
            if child.block_type != "heading":
                continue
            anchor = heading_anchor(child.value["text"])
            if not anchor:
                errors[index] = ValidationError("Een kop heeft letters of cijfers nodig voor zijn anker.")
            elif anchor in seen:
                errors[index] = ValidationError("Deze kop staat al op de pagina; elke kop heeft een eigen anker nodig.")
            seen.add(anchor)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
