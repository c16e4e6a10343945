"""The strategy's structured blocks render accessible markup from their own values (no database)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import StructBlockValidationError

from strategy.blocks import (
    FormationRowBlock,
    FormationTableBlock,
    GovernanceBlock,
    GovernanceBodyBlock,
    KeyFiguresBlock,
    StrategyStreamBlock,
    SubThemeBlock,
    TrendsBlock,
)
from tests.strategy.builders import formation_table

STRATEGY_BLOCKS = [KeyFiguresBlock, FormationTableBlock, GovernanceBlock, TrendsBlock, SubThemeBlock]


def render(block, value):
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


@pytest.mark.parametrize("block_class", STRATEGY_BLOCKS, ids=lambda block_class: block_class.__name__)
def test_every_block_describes_itself_and_renders_its_preview(block_class):
    block = block_class()

    assert block.meta.icon and block.meta.template and block.meta.description
    assert block.get_preview_value()
    assert block.render(block.get_preview_value()).strip()


def test_the_strategy_stream_composes_the_shared_blocks_with_its_own():
    assert list(StrategyStreamBlock.base_blocks) == [
        "heading",
        "paragraph",
        "figure",
        "quote",
        "key_figures",
        "formation_table",
        "governance",
        "trends",
    ]


def test_the_formation_tables_numbers_have_a_dot_between_thousands():
    row = ("District Utrecht", 2_100_000, 5030, 0, 2_105_030)
    html = render(FormationTableBlock(), formation_table([row], total=row)["value"])

    cells = [cell.get_text(strip=True) for cell in html.select("tbody tr:first-child td")]
    assert cells == ["2.100.000", "5.030", "0", "2.105.030"]


def test_key_figures_read_as_one_sentence_per_card():
    html = render(
        KeyFiguresBlock(),
        {
            "figures": [
                {"figure": "90 van de 150", "label": "criminele samenwerkingsverbanden", "description": "houden..."},
                {"figure": "38", "label": "gemeenten", "description": ""},
            ]
        },
    )

    cards = html.select("ul.key-figures > li.key-figure")
    assert [" ".join(card.get_text(" ").split()) for card in cards] == [
        "90 van de 150 criminele samenwerkingsverbanden houden...",
        "38 gemeenten",
    ]


def test_the_formation_table_is_a_real_table_with_caption_and_header_scopes():
    html = render(FormationTableBlock(), formation_table()["value"])
    table = html.find("table")

    assert " ".join(table.caption.get_text().split()) == "Formatie eenheid Midden-Nederland (stand 24-10-2022)"
    assert [(th.get("scope"), " ".join(th.get_text().split())) for th in table.thead.find_all("th")] == [
        ("col", "District of dienst"),
        ("col", "Operationele sterkte (excl. aspiranten)"),
        ("col", "Aspiranten"),
        ("col", "Niet-operationele sterkte"),
        ("col", "Totaal"),
    ]
    rows = table.tbody.find_all("tr")
    assert [row.th["scope"] for row in rows] == ["row", "row"]
    assert [[td.get_text() for td in row.find_all("td")] for row in rows] == [
        ["639", "99", "12", "749"],
        ["289", "44", "6", "339"],
    ]
    assert [td.get_text() for td in table.tfoot.find_all("td")] == ["928", "143", "18", "1.088"]
    assert all("numeric" in td["class"] for td in table.find_all("td"))
    footnote = html.find(id=table["aria-describedby"])
    assert footnote.get_text() == "Afgeronde aantallen."


def test_the_formation_table_scrolls_in_a_labelled_focusable_region():
    html = render(FormationTableBlock(), formation_table()["value"])
    region = html.find(class_="table-scroll")

    assert region["role"] == "region" and region["tabindex"] == "0"
    assert html.find(id=region["aria-labelledby"]).name == "caption"


def test_the_bar_chart_is_an_image_with_a_title_and_a_description_of_every_bar():
    html = render(FormationTableBlock(), formation_table()["value"])
    svg = html.find("svg")

    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).name == "title"
    assert svg.find(id=desc_id).get_text() == "District Flevoland: 749; District Gooi en Vechtstreek: 339."
    assert len(svg.find_all("rect")) == 2
    bars = [float(rect["width"]) for rect in svg.find_all("rect")]
    assert bars[0] > bars[1] > 0
    assert not re.search(r'="\d+,\d', str(svg)), "coordinates must not be localised"
    assert html.find("figure").figcaption


def test_the_bar_chart_can_be_left_out():
    html = render(FormationTableBlock(), formation_table(show_chart=False)["value"])

    assert html.find("table") and not html.find("svg")


def test_the_table_ids_carry_the_anchor_prefix():
    block = FormationTableBlock()
    html = BeautifulSoup(
        block.render(block.to_python(formation_table()["value"]), context={"anchor_prefix": "bijlagen--"}),
        "html.parser",
    )

    assert all(element["id"].startswith("bijlagen--") for element in html.find_all(id=True))


@pytest.mark.parametrize(("total", "valid"), [(750, True), (749, True), (751, True), (752, False), (748, False)])
def test_a_row_total_may_differ_from_its_parts_by_one_for_rounding(total, valid):
    block = FormationRowBlock()
    value = block.to_python(
        {"unit": "District Flevoland", "operational": 639, "aspirants": 99, "non_operational": 12, "total": total}
    )

    if valid:
        assert block.clean(value)["total"] == total
    else:
        with pytest.raises(StructBlockValidationError) as raised:
            block.clean(value)
        assert list(raised.value.block_errors) == ["total"]


def test_the_unit_total_must_fit_the_rows():
    block = FormationTableBlock()
    value = formation_table(total=("Eenheid Midden-Nederland", 928, 143, 18, 2000))["value"]

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))

    assert list(raised.value.block_errors) == ["total"]


def test_the_reference_date_is_a_date():
    value = FormationTableBlock().to_python(formation_table()["value"])

    assert value["reference_date"] == datetime.date(2022, 10, 24)


def test_governance_bodies_are_a_definition_list_with_legal_basis():
    html = render(
        GovernanceBlock(),
        {
            "bodies": [
                {
                    "name": "Regionaal Veiligheidscollege",
                    "scale": "1 regio",
                    "legal_basis": "art. 39 Politiewet 2012",
                    "content": "Samenwerking in regio",
                    "members": "38 burgemeesters, hoofdofficier, politiechef eenheid",
                    "frequency": "2 x per jaar",
                },
                {"scale": "18 basisteams", "content": "Samenwerking en sturing op politie in basisteam"},
            ]
        },
    )

    bodies = html.select("dl.governance > div")
    assert [" ".join(body.dt.get_text().split()) for body in bodies] == [
        "Regionaal Veiligheidscollege (art. 39 Politiewet 2012)",
        "18 basisteams",
    ]
    facts = {fact.dt.get_text(): fact.dd.get_text() for fact in bodies[0].select("dl.governance__facts > div")}
    assert facts == {
        "Schaal": "1 regio",
        "Inhoud": "Samenwerking in regio",
        "Wie": "38 burgemeesters, hoofdofficier, politiechef eenheid",
        "Frequentie": "2 x per jaar",
    }
    assert [fact.dt.get_text() for fact in bodies[1].select("dl.governance__facts > div")] == ["Inhoud"]


def test_a_gremium_needs_a_name_or_a_scale():
    block = GovernanceBodyBlock()

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"content": "Lokale veiligheid in gemeente"}))


def test_trends_are_a_grid_of_cards_labelled_with_text():
    html = render(TrendsBlock(), {"trends": [{"title": "Crime change"}, {"title": "Milieucriminaliteit"}]})

    cards = html.select("ul.trend-grid > li.trend-card")
    assert [card.get_text(strip=True) for card in cards] == ["Crime change", "Milieucriminaliteit"]
