"""The site-wide search: its view, and the details its result list shows of every app's pages."""

from django.core.paginator import Paginator
from django.db import OperationalError, transaction
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from psycopg.errors import QueryCanceled
from wagtail.models import Page

from news.models import NewsArticlePage
from portal import cache
from portal.search import SEARCH_MAX_LENGTH, SEARCH_RESULTS_PER_PAGE, clean_query, search_pages, tune_search_statements
from portal.summaries import attach_summaries


def with_listing_details(pages):
    """Search results (plain wagtailcore pages) with what the result list shows, in two queries for any mix.

    `.specific()` would read each page type's table with a query of its own. Every result gets its `summary`;
    news articles also their `date` and `category`.
    """
    attach_summaries(pages)
    articles = {
        article.pk: article
        for article in NewsArticlePage.objects.filter(pk__in=[page.pk for page in pages])
        .order_by()
        .select_related("category")
        .only("date", "category__name", "category__slug")
    }
    for page in pages:
        if page.pk in articles:
            page.date, page.category = articles[page.pk].date, articles[page.pk].category
    return pages


def search_results_page(query, number):
    """The page `number` of the results for `query` (a Paginator page, or [] when there are none), the query that
    found them and how many pages more than which match, or None (search_pages)."""
    ids, total, searched, more_than = search_pages(query, (number - 1) * SEARCH_RESULTS_PER_PAGE)
    if not ids:
        if number != 1:
            raise Http404("Deze pagina bestaat niet")
        return [], query, None
    results = Paginator(range(total), SEARCH_RESULTS_PER_PAGE).page(number)
    pages = Page.objects.in_bulk(ids)
    results.object_list = with_listing_details([pages[pk] for pk in ids if pk in pages])
    return results, searched, more_than


def took_too_long(error):
    """Whether a database error is PostgreSQL cancelling a statement at its statement_timeout."""
    return isinstance(error.__cause__, QueryCanceled)


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdigit() and len(number) < 6 and int(number) > 0):
        raise Http404("Ongeldig paginanummer")
    number = int(number)
    # Cached per normalised query URL (the VCL sorts the parameters) for a short while, and purged on every publish.
    cache.add_keys(request, cache.SEARCH_KEY)
    cache.cache_briefly(request)

    results, searched, more_than, too_slow = None, query, None, False
    if query:
        try:
            with transaction.atomic():
                tune_search_statements()
                results, searched, more_than = search_results_page(query, number)
        except OperationalError as error:
            if not took_too_long(error):
                raise
            too_slow = True
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "searched": searched,
            "results": results,
            "too_slow": too_slow,
            "more_than": more_than,
            "page_range": results.paginator.get_elided_page_range(results.number) if results else [],
            "extra_query": urlencode({"q": query}) + "&",
            "max_length": SEARCH_MAX_LENGTH,
        },
    )
