"""The strategy fixture (strategy/demo/strategy.yaml) holds only text from the user's seed, cleaned of the PDF's
artefacts, and the formation table's numbers exactly as the seed has them. Without the seed folder (it lives
beside the repository, not in it) the fixture is held to its own structure only."""

import re
from pathlib import Path

import yaml

from tests.seeds import STRATEGY_SEED, parse_formation_table

FIXTURE = Path(__file__).resolve().parents[2] / "strategy" / "demo" / "strategy.yaml"

NAVIGATION = [
    "Regionaal Veiligheidscollege",
    "Samen slagvaardig",
    "Samenvatting",
    "Prioriteiten bepalen de koers",
    "Aanscherping aanpak",
    "Georganiseerde ondermijnende criminaliteit",
    "Digitale veiligheid en cybercriminaliteit",
    "Maatschappelijke onrust",
    "Formatie- en inrichtingsplan politie",
    "Bijlagen",
]

# What the OCR made of the PDF, and what the fixture writes instead. test_demo_content checks that none of the
# slips reaches a rendered page.
OCR_SLIPS = {
    "geévalueerd": "geëvalueerd",
    "recreéren": "recreëren",
    "potentiéle": "potentiële",
    "exponentiéle": "exponentiële",
    "efficiéntst": "efficiëntst",
    "financiéle": "financiële",
    "variérend": "variërend",
    "barriéres": "barrières",
    "barrieres": "barrières",
    "cocaine": "cocaïne",
    "casuistiek": "casuïstiek",
    "geinvesteerd": "geïnvesteerd",
    "Oekraine": "Oekraïne",
    "hiveau": "niveau",
    "Ditis": "Dit is",
    "eenvreedzame": "een vreedzame",
    "Criminaliteitis": "Criminaliteit is",
    "Hetverstoren": "Het verstoren",
    "Erisflexibiliteit": "Er is flexibiliteit",
    "hetdelenvan": "het delen van",
    "verrijkten gerouteerd": "verrijkt en gerouteerd",
    "hebbenwe": "hebben we",
    "flexibiliteit.De": "flexibiliteit. De",
    "invioed": "invloed",
    "verwachtlng": "verwachting",
    "thema'’s": "thema’s",
    "ondermeer": "onder meer",
    "regioburgermeester": "regioburgemeester",
    "Kennis - en": "Kennis- en",
    "sectretariaat@": "secretariaat@",
    "£": "±",
    "en/\nof": "en/of",
}

# Fixture text put together from pieces the OCR scattered (two-column pages, the factsheet's boxes, labels apart
# from their values) or with a list's ";" ending a paragraph: each word must be in the seed, not the whole text.
REASSEMBLED = {
    "Samen slagvaardig voor een veilig Midden-Nederland.",
    "Georganiseerde ondermijnende (drugs)criminaliteit, inclusief mensenhandel",
    "Dit zijn de thema’s die volgens de partners extra aandacht en energie vragen.",
    "Netwerk samenwerking binnen district: kennis delen, leren van elkaar; met name op prio’s veiligheidsstrategie; "
    "strategische sturing districtsrecherche; vertaling landelijke wetgeving naar district; voorbereiden "
    "adviescollege",
    "Voorliggend formatieplan is de stand van dit moment. De formatie van de politie Midden-Nederland zal de "
    "komende jaren naar verwachting ook weer aan mutaties onderhevig zijn. Bijvoorbeeld naar aanleiding van "
    "extra middelen voor specifieke doelbestemmingen.",
    "Elkaar versterken - Onze intentie van handelen is erop gericht om elkaar als veiligheidspartners te versterken.",
    "Maatschappelijke coalities - Wij acteren niet alleen, maar in gezamenlijkheid met maatschappelijke partners.",
    "in Midden-Nederland.",
    "(csv’s) uit Midden-Nederland houden zich bezig met de handel in of productie van drugs.",
    "Telefoon: 06-14 87 36 90",
    "Email: secretariaat@rvs-mn.nl",
    "Website: www.veiligheidscoalitie.nl",
    "Bestuur & Cultuur - Midden-Nederland",
}


def normalise_seed(text):
    """The seed as one line of text with the page-turn notes gone, split words joined and the OCR slips fixed."""
    text = text.replace("Lees verder op de volgende pagina. [=3", " ")
    text = re.sub(r"(\w)-\n\s*(en|of)\b", r"\1- \2", text)  # "onder-\nen bovenwereld": a suspended hyphen
    text = re.sub(r"(\w)-\n\s*(?=[a-zà-ÿ])", r"\1", text)  # "samenwer-\nkingsverbanden": one word
    for slip, fix in OCR_SLIPS.items():
        text = text.replace(slip, fix)
    return " ".join(text.split())


def fixture():
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def _stream_texts(items):
    for item in items or []:
        ((kind, value),) = item.items()
        if kind in ("heading", "subheading", "paragraph"):
            yield value
        elif kind in ("list", "numbered_list", "trends"):
            yield from value
        elif kind == "key_figures":
            for figure in value:
                yield from (text for text in figure.values() if text)
        elif kind == "governance":
            for body in value:
                yield from body.values()
        elif kind == "formation_table":
            yield value["caption"]
            yield from value["rows"]
            yield from value["total"]


def fixture_texts():
    """Every piece of text the fixture puts on a page."""
    data = fixture()
    cover = data["strategy"]
    yield from (cover["title"], cover["subtitle"], cover["summary"])
    yield from _stream_texts(cover["body"])
    for section in data["sections"]:
        yield from (text for text in (section["title"], section.get("menu_title"), section["summary"]) if text)
        yield from section.get("sub_themes", [])
        for part in ("body", "ambition", "strategy", "approach"):
            yield from _stream_texts(section.get(part))
            if section.get(f"{part}_heading"):
                yield section[f"{part}_heading"]


def _sentences(text):
    return [part.rstrip(".;:") for part in re.split(r"(?<=[.;:])\s+(?=[A-Z(‘])", text) if part.rstrip(".;:")]


def _words(text):
    return re.findall(r"[\w’'@.-]+\w", text)


def test_fixture_has_the_pdf_chapters_and_themes_in_order():
    sections = fixture()["sections"]

    assert [section.get("menu_title") or section["title"] for section in sections] == NAVIGATION
    assert [section["type"] for section in sections].count("theme") == 3
    assert len({section["slug"] for section in sections}) == len(sections)
    for section in sections:
        if section["type"] == "theme":
            assert section["sub_themes"] and section["body"] and section["ambition"] and section["approach"]
        else:
            assert section["body"], section["slug"]


def test_fixture_formation_table_adds_up_within_rounding():
    table = next(
        item["formation_table"]
        for section in fixture()["sections"]
        for item in section.get("body", [])
        if "formation_table" in item
    )
    rows = list(table["rows"].values())
    ((unit, total),) = table["total"].items()

    assert len(rows) == 13 and unit == "Eenheid Midden-Nederland"
    assert total == [4405, 423, 202, 5030]
    assert all(abs(row[3] - sum(row[:3])) <= 1 for row in rows)
    assert sum(row[3] for row in rows) == total[3]
    assert table["reference_date"] == "2022-10-24"


def test_fixture_formation_table_is_the_seeds():
    """Every district and dienst, every number, in the seed's order, and the whole unit's row last."""
    table = next(
        item["formation_table"]
        for section in fixture()["sections"]
        for item in section.get("body", [])
        if "formation_table" in item
    )
    rows = [(unit, *numbers) for unit, numbers in [*table["rows"].items(), *table["total"].items()]]
    if not STRATEGY_SEED.exists():
        assert rows[-1] == ("Eenheid Midden-Nederland", 4405, 423, 202, 5030)
        return

    assert rows == parse_formation_table(STRATEGY_SEED.read_text(encoding="utf-8"))


def test_fixture_text_is_the_seeds_text():
    """Each sentence of the fixture is in the (cleaned) seed; reassembled pieces word by word."""
    texts = list(fixture_texts())
    assert len(texts) > 200
    if not STRATEGY_SEED.exists():
        assert all(isinstance(text, str) and text.strip() for text in texts)
        return
    seed = normalise_seed(STRATEGY_SEED.read_text(encoding="utf-8"))
    seed_words = set(_words(seed))

    missing = []
    for text in texts:
        if text in REASSEMBLED:
            missing += [f"{word!r} in {text!r}" for word in _words(text) if word not in seed_words]
        else:
            missing += [sentence for sentence in _sentences(text) if sentence not in seed]
    assert missing == []


def test_fixture_text_has_none_of_the_ocr_slips():
    text = "\n".join(fixture_texts())

    assert [slip for slip in OCR_SLIPS if slip in text] == []
