"""Demo strategy: the Regionale Veiligheidsstrategie 2023-2026 (seed 003), structured in strategy.yaml."""

import json
import uuid
from pathlib import Path

from django.utils.html import escape

from portal.demo import read_yaml, upsert_page
from strategy.models import StrategyChapterPage, StrategyPage, ThemePage

FIXTURE = Path(__file__).resolve().parent / "strategy.yaml"
FORMATION_COLUMNS = ("operational", "aspirants", "non_operational", "total")


def _html_list(items, tag):
    return f"<{tag}>{''.join(f'<li>{escape(item)}</li>' for item in items)}</{tag}>"


def _list_items(items, name):
    """ListBlock data whose items keep their ids from one load to the next (derived from the content), so that
    loading again finds the page unchanged."""
    return [
        {"type": "item", "value": item, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{name}:{json.dumps(item)}"))}
        for item in items
    ]


def _formation_rows(rows):
    """{unit: [operational, aspirants, non_operational, total]} as the formation table's rows."""
    return [{"unit": unit, **dict(zip(FORMATION_COLUMNS, numbers, strict=True))} for unit, numbers in rows.items()]


def _formation_table(value):
    (total,) = _formation_rows(value["total"])  # the whole unit: one row
    return {**value, "rows": _list_items(_formation_rows(value["rows"]), "formation"), "total": total}


BLOCKS = {
    "heading": lambda value: ("heading", {"text": value, "level": "h2"}),
    "subheading": lambda value: ("heading", {"text": value, "level": "h3"}),
    "paragraph": lambda value: ("paragraph", f"<p>{escape(value)}</p>"),
    "list": lambda value: ("paragraph", _html_list(value, "ul")),
    "numbered_list": lambda value: ("paragraph", _html_list(value, "ol")),
    "key_figures": lambda value: ("key_figures", {"figures": _list_items(value, "figure")}),
    "formation_table": lambda value: ("formation_table", _formation_table(value)),
    "governance": lambda value: ("governance", {"bodies": _list_items(value, "gremium")}),
    "trends": lambda value: ("trends", {"trends": _list_items([{"title": title} for title in value], "trend")}),
}


def stream(items):
    """The fixture's body items ({"heading": "…"}, {"list": […]}, …) as StreamField data."""
    data = []
    for item in items or []:
        ((kind, value),) = item.items()
        if kind not in BLOCKS:
            raise ValueError(f"Unknown strategy block type: {kind}")
        block_type, block_value = BLOCKS[kind](value)
        data.append({"type": block_type, "value": block_value})
    return data


def section_fields(item):
    """The page fields of a chapter or theme in the fixture."""
    fields = {
        "title": item["title"],
        "menu_title": item.get("menu_title", ""),
        "summary": item.get("summary", ""),
        "body": stream(item.get("body")),
    }
    if item["type"] == "theme":
        fields["sub_themes"] = [{"type": "sub_theme", "value": text} for text in item.get("sub_themes", [])]
        for part, default in (("ambition", "Ambitie"), ("strategy", "Strategie"), ("approach", "Aanpak")):
            fields[f"{part}_heading"] = item.get(f"{part}_heading", default)
            fields[part] = stream(item.get(part))
    return fields


def load_strategy(home):
    """The strategy under the home page, in the main menu, with its chapters and themes in the PDF's order."""
    data = read_yaml(FIXTURE)
    cover = data["strategy"]
    strategy = upsert_page(
        home,
        StrategyPage,
        cover["slug"],
        title=cover["title"],
        seo_title=cover["seo_title"],
        period=str(cover["period"]),
        subtitle=cover["subtitle"],
        summary=cover["summary"],
        body=stream(cover["body"]),
        show_in_menus=True,
    )
    for item in data["sections"]:
        model = ThemePage if item["type"] == "theme" else StrategyChapterPage
        upsert_page(strategy, model, item["slug"], **section_fields(item))
    return strategy
