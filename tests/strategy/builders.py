"""Builders for the strategy section: the cover page, chapters and themes, published unless told otherwise."""

import itertools

from django.utils.text import slugify

from strategy.models import StrategyChapterPage, StrategyPage, ThemePage

_counter = itertools.count(1)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _publish(parent, page, live):
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def make_strategy(home, *, title="Regionale Veiligheidsstrategie", period="2023-2026", live=True, **fields):
    fields.setdefault("slug", "veiligheidsstrategie")
    fields.setdefault("show_in_menus", True)
    return _publish(home, StrategyPage(title=title, period=period, live=live, **fields), live)


def make_chapter(strategy, *, title=None, live=True, **fields):
    title = title or f"Hoofdstuk {next(_counter)}"
    fields.setdefault("slug", slugify(title))
    return _publish(strategy, StrategyChapterPage(title=title, live=live, **fields), live)


def make_theme(strategy, *, title=None, live=True, **fields):
    title = title or f"Thema {next(_counter)}"
    fields.setdefault("slug", slugify(title))
    return _publish(strategy, ThemePage(title=title, live=live, **fields), live)


FORMATION_ROWS = [
    ("District Flevoland", 639, 99, 12, 749),
    ("District Gooi en Vechtstreek", 289, 44, 6, 339),
]
FORMATION_TOTAL = ("Eenheid Midden-Nederland", 928, 143, 18, 1088)


def formation_row(unit, operational, aspirants, non_operational, total):
    return {
        "unit": unit,
        "operational": operational,
        "aspirants": aspirants,
        "non_operational": non_operational,
        "total": total,
    }


def formation_table(rows=FORMATION_ROWS, total=FORMATION_TOTAL, **fields):
    """A formation_table block as StreamField data."""
    value = {
        "caption": "Formatie eenheid Midden-Nederland",
        "reference_date": "2022-10-24",
        "rows": [formation_row(*row) for row in rows],
        "total": formation_row(*total),
        "footnote": "Afgeronde aantallen",
        "show_chart": True,
        **fields,
    }
    return {"type": "formation_table", "value": value}
