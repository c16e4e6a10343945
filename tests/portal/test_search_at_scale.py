"""Search relevance at scale: among generated news around the 20 seed items of the demo content, a distinctive word
of each seed item finds that item first, though the search ranks only a bounded set of matches.

`make test` generates 10,000 articles (some two minutes); SEARCH_SCALE_ARTICLES=100000 runs it at the size of the
issue (over ten minutes on two cores, most of it generating the articles).
"""

import io
import os
import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from portal.search import SEARCH_CANDIDATES
from tests.builders import load_demo_content
from tests.markup import search_results

ARTICLES = int(os.environ.get("SEARCH_SCALE_ARTICLES", "10000"))

# A word of each seed news item, and the item's title.
SEED_ITEMS = [
    ("interneppen", "Campagnematerialen ‘Laat je niet interneppen’ beschikbaar"),
    ("webinars", "TNO Scientist on the job en webinars gaan verder in 2024"),
    ("overvallen", "Forse daling aantal overvallen met geweld"),
    ("pitchen", "Burgemeesters ‘pitchen’ hun onderwerp tijdens Regionaal Veiligheidscollege"),
    ("ondermijningsartikelen", "VNG voegt ‘ondermijningsartikelen’ toe aan geactualiseerd model APV"),
    ("podcast", "Nieuwe podcast: Hoe raken jongeren betrokken bij de georganiseerde criminaliteit?"),
    ("dreigingsbeeld", "Nieuwe Dreigingsbeeld Terrorisme Nederland (DTN) verschenen"),
    ("april", "Save the date 4 april: regionale bijeenkomst thema’s veiligheidsstrategie"),
    ("straatwaarden", "Straatwaarden blikt terug op 2023: een zoektocht en koerswijzigingen"),
    ("vuurwerk", "Maak kennis met de toolkit Aanpak illegaal vuurwerk"),
    ("vastgoedketen", "Strategisch beeld ondermijning in vastgoedketen opgeleverd"),
    ("burendag", "Een geslaagde burendag Flevoland!"),
    ("themabijeenkomst", "Themabijeenkomst maatschappelijke onrust n.a.v. conflict Israël en Palestijnse gebieden"),
    ("kennisdocument", "Bekijk het kennisdocument: hoe houden we onze evenementen digitaal veilig"),
    ("gemeentesecretarissen", "Hulp gemeentesecretarissen broodnodig in versterken weerbare overheid"),
    ("februari", "Save the date: kennissessie complexe demonstraties 1 februari"),
    ("burgernetdeelnemers", "Werf jij al Burgernetdeelnemers? Volg het voorbeeld van (o.a.) Utrecht"),
    ("gemeentedelers", "Doet jouw gemeente al mee aan de VNG competitie Gemeentedelers 2024?"),
    ("buit", "E-learning BUIT voor professionals: bewustwording en signalering mensenhandel"),
    ("geregistreerde", "Geregistreerde criminaliteit stijgt met 2% in de eerste elf maanden"),
]


@pytest.fixture(scope="module")
def many_articles(django_db_setup, django_db_blocker):
    """The demo content and ARTICLES generated articles, made once for this module in a transaction rolled back after
    it (each test runs in a savepoint within it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        started = time.perf_counter()
        load_demo_content()
        call_command("generate_news", count=ARTICLES, seed=1, no_progress=True, stdout=io.StringIO())
        with connection.cursor() as cursor:
            # The foreign keys of the new rows checked now, once: each test's end checks those still deferred, under
            # the search's time limit, which outlasts the view's savepoint in this transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("ANALYZE")  # as autovacuum would: the plans of a grown table
        print(f"\n{ARTICLES} articles made in {time.perf_counter() - started:.0f} s")
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize(("word", "title"), SEED_ITEMS, ids=[word for word, _ in SEED_ITEMS])
def test_a_distinctive_word_of_each_seed_item_finds_it_first(client, many_articles, db, word, title):
    results = search_results(client.get("/zoeken/", {"q": word}))

    assert results, f"no results for {word}"
    assert results[0][0] == title


def test_a_word_in_most_articles_finds_results_and_says_there_are_more(client, many_articles, db):
    response = client.get("/zoeken/", {"q": "veiligheid"})

    assert len(search_results(response)) == 10
    assert f"Meer dan {SEARCH_CANDIDATES} resultaten voor ‘veiligheid’" in response.content.decode()
