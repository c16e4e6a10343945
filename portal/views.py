import mimetypes
import re
import sys
from datetime import UTC, timedelta

from django.contrib.postgres.search import TrigramSimilarity
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import Count, Q, Window
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from portal import cache
from portal.models import ContactSettings, CustomRendition, SearchWord
from portal.models.images import PRIVATE_RENDITIONS_FOLDER
from portal.visibility import visible_to_everyone

SEARCH_MAX_LENGTH = 100
SEARCH_RESULTS_PER_PAGE = 10
# Each search query may take this long on PostgreSQL; a search that needs longer says so instead of keeping one of
# the site's few workers busy.
SEARCH_STATEMENT_TIMEOUT_MS = 500
# Ranking passes every match with its text vectors (some 700 bytes each) through the window count (ranked_slice);
# beyond about 6,000 matches that overflows PostgreSQL's default work_mem of 4 MB to disk: ranking a word found in
# all of 10,000 articles took 66 ms instead of 35.
SEARCH_WORK_MEM = "32MB"
# How alike (pg_trgm similarity, 0 to 1) a word on the site must be to a word that finds nothing to replace it:
# "zakkenroller" and "zakkenrollen" score 0.73, "wijkagnet" and "wijkagent" 0.43, "inbrekers" and "inbreuk" 0.38.
SEARCH_WORD_MIN_SIMILARITY = 0.4
# Seconds a reader (or a crawler) is asked to wait when the database cannot be reached.
DATABASE_RETRY_AFTER = 60


def clean_query(raw):
    """The search words as typed, without control characters, capped in length."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:SEARCH_MAX_LENGTH]


def search_pages(query, start):
    """The ids of results start to start + SEARCH_RESULTS_PER_PAGE of the live, public pages matching the query
    with Dutch stemming, how many pages match (0 past the last page), and the query that found them.

    Dutch stemming leaves some word forms apart ("zakkenroller" and "zakkenrollen"), and a typo finds nothing.
    When the query finds nothing on PostgreSQL, each word is replaced by the most similar word of the live, public
    pages (portal.search_words) and the search runs again; the third value is then that corrected query.
    """
    pages = visible_to_everyone(Page.objects.live())
    found = pages.search(query, operator="and")
    ids, total = ranked_slice(found, start)
    if total or connection.vendor != "postgresql":
        return ids, total, query
    if start and found.count():  # past the last page of results: nothing to correct
        return ids, total, query
    corrected = closest_words(query)
    if corrected is None:
        return ids, total, query
    return *ranked_slice(pages.search(corrected, operator="and"), start), corrected


def ranked_slice(found, start):
    """The ids of search results start to start + SEARCH_RESULTS_PER_PAGE, best first, and how many results there
    are in all (0 when the slice is empty), in one query.

    Ranking scores every match anyway; a separate COUNT would find them all a second time. The window count
    adds the total to the ranked query instead, over the ids alone: with whole pages the rows it holds would no
    longer fit in SEARCH_WORK_MEM.
    """
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
    """Inside a transaction on PostgreSQL: the settings of the search's statements, until the transaction ends.

    Each statement that runs longer than SEARCH_STATEMENT_TIMEOUT_MS is cancelled (QueryCanceled, see
    took_too_long). Each may use SEARCH_WORK_MEM to sort and count the matches in memory.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true), set_config('work_mem', %s, true)",
                [str(SEARCH_STATEMENT_TIMEOUT_MS), SEARCH_WORK_MEM],
            )


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@cache_control(private=True, no_store=True)
def private_rendition(request, rendition_id, filename):
    """A rendition of an image in a private collection, for those every restriction on the collection lets in.

    Everyone else gets the same 404 as for a rendition that does not exist. No shared cache may keep the file.
    """
    rendition = CustomRendition.objects.select_related("image__collection").filter(pk=rendition_id).first()
    exists = rendition is not None and rendition.file.name == f"{PRIVATE_RENDITIONS_FOLDER}/{filename}"
    restrictions = rendition.image.collection.get_view_restrictions() if exists else []
    if not exists or not all(restriction.accept_request(request) for restriction in restrictions):
        raise Http404("Deze afbeelding bestaat niet")
    return FileResponse(rendition.file.open("rb"), content_type=mimetypes.guess_type(filename)[0])


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zoeken/",
        "Disallow: /documenten/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def security_txt(request):
    """RFC 9116: where to report a vulnerability, valid for half a year from today."""
    contact = ContactSettings.for_request(request)
    cache.add_objects(request, contact)
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{contact.email}" if contact.email else f"Contact: {request.build_absolute_uri('/')}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    # RFC 9116 section 3: text/plain with the charset parameter set to utf-8.
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The Dutch error page, rendered without a request context: the database may be the reason we are here.

    Django calls this while handling the exception, from any middleware or view. When the database cannot be
    reached, readers get 503 with Retry-After: the site is down for a moment, not broken.
    """
    if database_unreachable(sys.exception()):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        add_never_cache_headers(response)
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def database_unreachable(error):
    """Whether `error`, or an error it was raised from, says the database connection failed or was lost."""
    while error is not None:
        if isinstance(error, (InterfaceError, OperationalError)):
            return True
        error = error.__cause__ or error.__context__
    return False
