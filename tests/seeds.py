"""Readers of the user's source documents in ../shared/seeds, to hold the fixtures to them."""

import re
from datetime import date
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NEWS_SEED = SEEDS_DIR / "000_5766f4f35dc2814b.txt"

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
