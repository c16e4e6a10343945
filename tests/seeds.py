"""Readers of the user's source documents in ../shared/seeds, to hold the fixtures to them."""

import re
from datetime import date
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NEWS_SEED = SEEDS_DIR / "000_5766f4f35dc2814b.txt"
STRATEGY_SEED = SEEDS_DIR / "003_e1f113faed6a775b.txt"

SEED_MONTHS = {"jan.": 1, "feb.": 2, "mrt.": 3, "apr.": 4, "mei": 5, "jun.": 6,
               "jul.": 7, "aug.": 8, "sep.": 9, "okt.": 10, "nov.": 11, "dec.": 12}  # fmt: skip


def parse_news_seed(text):
    """The news overview as a list of dicts: category, date, title, summary (in seed order)."""
    items = []
    for block in re.split(r"\n\s*Lees artikel\s*\n?", text):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        category, raw_date = (part.strip() for part in lines[0].split("|"))
        day, month, year = raw_date.split()
        items.append(
            {
                "category": category,
                "date": date(int(year), SEED_MONTHS[month], int(day)),
                "title": lines[1],
                "summary": " ".join(lines[2:]),
            }
        )
    return items


# A row of the strategy's police formation table: unit, then operational, aspirants, non-operational and total.
_FORMATION_ROW = re.compile(r"((?:District|Dienst|Staf|Leiding Eenheid|Eenheid) .+?) (\d+) (\d+) (\d+) (\d+)\s*$", re.M)


def parse_formation_table(text):
    """The strategy's formation table as (unit, operational, aspirants, non_operational, total) tuples in seed
    order; the last is the whole unit. The OCR put the PDF's side menu before some units, which the pattern skips."""
    return [(unit, *(int(number) for number in numbers)) for unit, *numbers in _FORMATION_ROW.findall(text)]
