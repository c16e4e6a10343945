"""Full-text search over the live, public pages: the query as typed, the ranked results and the typo correction."""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, TrigramSimilarity
from django.db import connection
from django.db.models import Count, Q, Window
from wagtail.models import Page

from portal.models import PublicPageWords, SearchWord
from portal.visibility import visible_to_everyone

SEARCH_MAX_LENGTH = 100
SEARCH_RESULTS_PER_PAGE = 10
# Each search query may take this long on PostgreSQL; a search that needs longer says so instead of keeping one of
# the site's few workers busy.
SEARCH_STATEMENT_TIMEOUT_MS = 500
# Ranking scores every match it is given, and a word in most of 100,000 articles took 230 ms to rank (150 to 300 ms
# with a RUM index, which ranks every match inside the index). The search ranks at most this many of the public pages
# with all the words in their title, which rank highest, and this many others (RANKED_CANDIDATES); a word found more
# often is said to be found on more than this many pages. Below that every match is ranked.
SEARCH_CANDIDATES = 500
SEARCH_CONFIG = settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"]  # Dutch stemming, as Wagtail's index
# How alike (pg_trgm similarity, 0 to 1) a word on the site must be to a word that finds nothing to replace it:
# "zakkenroller" and "zakkenrollen" score 0.73, "wijkagnet" and "wijkagent" 0.43, "inbrekers" and "inbreuk" 0.38.
SEARCH_WORD_MIN_SIMILARITY = 0.4

# The live, public pages matching every word of the query (portal.search_words keeps one row per such page), ranked
# by ts_rank over title and body (the title weighted above the body, as in Wagtail's index): at most `candidates`
# read first from the GIN index of the titles, and at most as many more from that of titles and bodies, each cut off
# in the index's order without a sort. One more of the latter says there are more than `candidates`. It is planned
# for the words asked each time, never from a prepared generic plan (tune_search_statements), so PostgreSQL can judge
# from its statistics how common a word is: it reads a common word's first matches straight from the table.
RANKED_CANDIDATES = """
WITH titled AS (
    SELECT page_id, ts_rank(document, plainto_tsquery(%(config)s::regconfig, %(query)s)) AS rank
    FROM portal_publicpagewords WHERE title @@ plainto_tsquery(%(config)s::regconfig, %(query)s)
    LIMIT %(candidates)s
),
anywhere AS (
    SELECT page_id, ts_rank(document, plainto_tsquery(%(config)s::regconfig, %(query)s)) AS rank
    FROM portal_publicpagewords WHERE document @@ plainto_tsquery(%(config)s::regconfig, %(query)s)
    LIMIT %(candidates)s + 1
),
ranked AS (SELECT * FROM titled UNION SELECT * FROM anywhere)
SELECT page_id, count(*) OVER (), (SELECT count(*) FROM anywhere) > %(candidates)s
FROM ranked ORDER BY rank DESC, page_id DESC LIMIT %(per_page)s OFFSET %(start)s
"""


def clean_query(raw):
    """The search words as typed, without control characters, capped in length."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:SEARCH_MAX_LENGTH]


def search_pages(query, start):
    """The ids of results start to start + SEARCH_RESULTS_PER_PAGE of the live, public pages matching the query
    with Dutch stemming, how many pages match (0 past the last page), the query that found them, and the number
    more pages than which match (SEARCH_CANDIDATES; None when all are counted): the count is then of the ranked
    ones (ranked_candidates).

    Dutch stemming leaves some word forms apart ("zakkenroller" and "zakkenrollen"), and a typo finds nothing.
    When the query finds nothing on PostgreSQL, each word is replaced by the most similar word of the live, public
    pages (portal.search_words) and the search runs again; the third value is then that corrected query.
    """
    if connection.vendor != "postgresql":  # SQLite (make run without PostgreSQL): Wagtail's search ranks all
        found = visible_to_everyone(Page.objects.live()).search(query, operator="and")
        return *ranked_slice(found, start), query, None
    ids, total, more_than = ranked_candidates(query, start)
    if total or (start and matching(query).exists()):  # past the last page of results: nothing to correct
        return ids, total, query, more_than
    corrected = closest_words(query)
    if corrected is None:
        return ids, total, query, more_than
    ids, total, more_than = ranked_candidates(corrected, start)
    return ids, total, corrected, more_than


def ranked_candidates(query, start):
    """The ids of the ranked results start to start + SEARCH_RESULTS_PER_PAGE of the live, public pages matching the
    query, how many were ranked (0 when the slice is empty) and SEARCH_CANDIDATES when more pages than that match
    (else None), in one query on PostgreSQL (RANKED_CANDIDATES)."""
    with connection.cursor() as cursor:
        cursor.execute(
            RANKED_CANDIDATES,
            {
                "config": SEARCH_CONFIG,
                "query": query,
                "candidates": SEARCH_CANDIDATES,
                "start": start,
                "per_page": SEARCH_RESULTS_PER_PAGE,
            },
        )
        rows = cursor.fetchall()
    more_than = SEARCH_CANDIDATES if rows and rows[0][2] else None
    return [pk for pk, _, _ in rows], rows[0][1] if rows else 0, more_than


def matching(query):
    """The search vectors of the live, public pages that have every word of the query (Dutch stemming)."""
    return PublicPageWords.objects.filter(document=SearchQuery(query, config=SEARCH_CONFIG))


def ranked_slice(found, start):
    """Without PostgreSQL: the ids of Wagtail's search results start to start + SEARCH_RESULTS_PER_PAGE, best first,
    and how many results there are in all (0 when the slice is empty), in one query (a window count)."""
    rows = list(found[start : start + SEARCH_RESULTS_PER_PAGE].get_queryset().values_list("pk", Window(Count("*"))))
    return [pk for pk, _ in rows], rows[0][1] if rows else 0


def closest_words(query):
    """`query` with each word replaced by the most similar SearchWord, in one query; None when a word has none
    alike enough, or when nothing would change."""
    words = list(dict.fromkeys(re.findall(r"[^\W\d_]{3,}", query.lower())))
    if not words:
        return None
    similar = Q()
    for word in words:
        similar |= Q(word__trigram_similar=word)
    candidates = list(
        SearchWord.objects.filter(similar).values_list("word", *(TrigramSimilarity("word", word) for word in words))
    )
    corrected = []
    for column in range(1, len(words) + 1):  # row: the word, then its similarity to each typed word
        alike = [(-row[column], row[0]) for row in candidates if row[column] >= SEARCH_WORD_MIN_SIMILARITY]
        if not alike:
            return None
        corrected.append(min(alike)[1])  # the most similar; of equally similar words the first in order
    return " ".join(corrected) if corrected != words else None


def tune_search_statements():
    """Inside a transaction on PostgreSQL, until it ends: each statement of the search that runs longer than
    SEARCH_STATEMENT_TIMEOUT_MS is cancelled (QueryCanceled, see took_too_long), and each is planned for the words
    asked, not from the generic plan of a statement prepared before (see the database settings): the best plan for
    a rare word is a slow one for a common word."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true),"
                " set_config('plan_cache_mode', 'force_custom_plan', true)",
                [str(SEARCH_STATEMENT_TIMEOUT_MS)],
            )
