"""Each page type of the strategy costs a fixed, small number of queries, however many chapters, themes and
news items there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_article
from tests.strategy.builders import formation_table, heading, make_chapter, make_strategy, make_theme, paragraph

MAX_QUERIES = 15

PATHS = {
    "strategy": lambda section: section["strategy"].url,
    "chapter": lambda section: section["chapter"].url,
    "theme": lambda section: section["theme"].url,
    "print_all": lambda section: section["strategy"].url + "alles/",
}


def _add(section, site, chapters, themes, news):
    """Add chapters (each with a heading, text and formation table), themes and news items for the first theme."""
    strategy = section["strategy"]
    for _ in range(chapters):
        number = len(section.setdefault("chapters", [])) + 1
        body = [heading(f"Kop {number}"), paragraph("Tekst."), heading(f"Tabel {number}", "h3"), formation_table()]
        section["chapters"].append(make_chapter(strategy, title=f"Hoofdstuk {number}", body=body))
    for _ in range(themes):
        number = len(section.setdefault("themes", [])) + 1
        section["themes"].append(
            make_theme(
                strategy,
                title=f"Thema {number}",
                sub_themes=[{"type": "sub_theme", "value": "Subthema"}],
                body=[heading("Probleem"), paragraph("Tekst.")],
                ambition=[paragraph("Ambitie.")],
                approach=[heading("Stap", "h3"), paragraph("Aanpak.")],
            )
        )
    section["chapter"], section["theme"] = section["chapters"][0], section["themes"][0]
    for _ in range(news):
        number = len(section.setdefault("news", [])) + 1
        date = datetime.date(2023, 1, 1) + datetime.timedelta(days=number)
        section["news"].append(make_article(site.news_index, date=date, theme=section["theme"]))


def _queries(client, path):
    client.get(path)  # warm what every request shares once the process runs (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page_type", PATHS)
def test_queries_stay_few_and_do_not_grow_with_chapters_themes_or_news(client, site, page_type):
    section = {"strategy": make_strategy(site.home)}
    _add(section, site, chapters=1, themes=1, news=1)
    path = PATHS[page_type](section)
    few = _queries(client, path)

    _add(section, site, chapters=8, themes=3, news=12)
    many = _queries(client, path)

    assert many == few, f"{page_type}: {few} queries with 2 pages below the strategy, {many} with 13"
    assert many <= MAX_QUERIES, f"{page_type}: {many} queries"


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
def test_a_theme_costs_the_same_however_many_library_toolkits_it_has(client, site, visitor):
    """A logged-in member pays on every page for the session, the user and the two-factor middleware; that cost,
    measured on a chapter, comes on top of the budget. The theme page's own queries stay within it."""
    from tests.apothekerskast.builders import make_library, make_organisation, make_person, make_toolkit

    section = {"strategy": make_strategy(site.home)}
    _add(section, site, chapters=1, themes=1, news=1)
    library = make_library(site.home, theme=section["theme"])
    budget = MAX_QUERIES
    if visitor == "member":
        anonymous = _queries(client, section["chapter"].url)
        client.force_login(make_person("member", make_organisation()))
        budget += _queries(client, section["chapter"].url) - anonymous
    few = _queries(client, section["theme"].url)

    for number in range(5):
        make_toolkit(library.index, f"Toolkit {number}", theme=section["theme"])
    many = _queries(client, section["theme"].url)

    assert many == few, f"{visitor}: {few} queries with 1 toolkit, {many} with 6"
    assert many <= budget, f"{visitor}: {many} queries, budget {budget}"
