"""The site addresses its readers as "u": no "je", "jij", "jou" or "jouw" in its own templates, mails, Python
strings and fixtures. The seed's news items and the strategy are the user's text, kept verbatim, and so is the name
of the national campaign ‘Laat je niet interneppen’."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["portal", "news", "strategy", "apothekerskast", "accounts", "events", "newsletter", "editorial"]
VERBATIM = {ROOT / "news" / "demo" / "news.yaml", ROOT / "strategy" / "demo" / "strategy.yaml"}
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
CAMPAIGN = re.compile(r"laat[ -]je[ -]niet[ -]interneppen", re.IGNORECASE)


def own_text_files():
    yield from (ROOT / "templates").rglob("*.*")
    for app in APPS:
        for path in (ROOT / app).rglob("*"):
            if path.suffix in {".html", ".txt", ".py", ".yaml"} and "migrations" not in path.parts:
                yield path


def test_the_site_says_u_not_je():
    informal = []
    for path in own_text_files():
        if path in VERBATIM:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if INFORMAL.search(CAMPAIGN.sub("", line)):
                informal.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert informal == []
