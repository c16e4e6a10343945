"""Single-request latency per page type (`make bench`): p50 and p95 over at least 50 requests with distinct inputs
(search words, page numbers, months, sitemap sections, pages of the admin's explorer and page chooser under Nieuws),
sent one at a time to a running server. The admin pages are asked for by a superuser with a second factor, created
here (bench-admin@example.org) and logged in by a session in the database the server reads.

Run with DATABASE_URL and DJANGO_SETTINGS_MODULE set (it reads the categories, years and page counts to build the
URLs): `bench/latency.py --port PORT [--access-log FILE]`. Prints one line per page type: name, requests, p50 ms,
p95 ms, max ms, errors (not 200, or a search stopped at its time limit), and with the server's access log
(gunicorn's `--access-logformat '%(D)s'`: microseconds a line) the server's own time, p50 and p95 ms: from the
request read to the response sent, without the client's side of HTTP. Last, READERS clients search for a word in
most articles at once.
"""

import argparse
import math
import os
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path
from urllib.parse import quote

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db.models.functions import ExtractYear, TruncMonth  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

from news.models import ARTICLES_PER_PAGE, NewsArticlePage, NewsCategory, NewsIndexPage  # noqa: E402
from portal.sitemaps import PagesSitemap  # noqa: E402
from tests.admin_users import make_admin_user  # noqa: E402

# Common words (in most generated articles), rarer ones (in a few seed items), several words, typos and misses.
SEARCH_QUERIES = [
    # common
    "veiligheid",
    "gemeente",
    "politie",
    "campagne",
    "wijk",
    "bewoners",
    "partners",
    "preventie",
    "jongeren",
    "ondermijning",
    "inbraak",
    "cijfers",
    "bijeenkomst",
    "ondernemers",
    "samenwerking",
    # rare: words of the seed items
    "burgernetdeelnemers",
    "gemeentedelers",
    "vuurwerk",
    "straatwaarden",
    "interneppen",
    "dreigingsbeeld",
    "terrorisme",
    "podcast",
    "overvallen",
    "vastgoedketen",
    "gemeentesecretarissen",
    "demonstraties",
    "burendag",
    "webinars",
    "zakkenrollen",
    "apv",
    # several words
    "veiligheid in de wijk",
    "politie utrecht",
    "gemeente amersfoort campagne",
    "illegaal vuurwerk",
    "georganiseerde criminaliteit",
    "complexe demonstraties",
    "mensenhandel signalering",
    "fietsdiefstal houten",
    "online oplichting jongeren",
    "weerbare overheid",
    # typos: corrected to a word on the site
    "veiligheit",
    "zakkenroller",
    "wijkagnet",
    "ondermijnig",
    "polietie",
    "criminalitijt",
    "burgernet deelnemer",
    # misses
    "kwartelkoning",
    "xylofoonles",
    "zzqqxx",
    "ruimtevaart",
    "olifantenpaadje",
]
REQUESTS = 60
# Requests of each page type sent first and not counted (the server's workers each load templates and code once).
WARM_UP = 4
# Readers searching for a word in most articles at the same time, each READERS_ROUNDS times.
READERS = 8
READERS_ROUNDS = 8
TOO_SLOW = b"Deze zoekopdracht kost te veel tijd"
ADMIN_EMAIL = "bench-admin@example.org"
# Rows on a page of the admin's explorer and of its page chooser (Wagtail's page sizes).
EXPLORER_ROWS, CHOOSER_ROWS = 50, 25


def spread(total, count):
    """`count` distinct numbers from 1 to total (or all of them when there are fewer), evenly spread."""
    if total <= count:
        return list(range(1, total + 1))
    return sorted({1 + round(i * (total - 1) / (count - 1)) for i in range(count)})


def page_urls(base, total_articles):
    pages = math.ceil(total_articles / ARTICLES_PER_PAGE)
    return [f"{base}?page={number}" for number in spread(pages, REQUESTS)]


def url_sets():
    articles = NewsArticlePage.objects.live()
    total = articles.count()
    categories = list(NewsCategory.objects.order_by("name"))
    by_category = []
    for category in categories:
        count = articles.filter(category=category).count()
        pages = math.ceil(count / ARTICLES_PER_PAGE)
        by_category.append([f"/nieuws/categorie/{category.slug}/?page={n}" for n in spread(pages, REQUESTS)])
    years = sorted(set(articles.annotate(y=ExtractYear("date")).values_list("y", flat=True)))
    months = sorted(set(articles.annotate(m=TruncMonth("date")).values_list("m", flat=True)))
    year_urls = []
    for year in years:
        pages = math.ceil(articles.filter(date__year=year).count() / ARTICLES_PER_PAGE)
        year_urls.append([f"/nieuws/{year}/?page={n}" for n in spread(pages, REQUESTS)])
    sitemap_sections = math.ceil(Page.objects.live().count() / PagesSitemap.limit)
    return {
        "search": [f"/zoeken/?q={quote(query)}" for query in SEARCH_QUERIES],
        # pages 2 to 11 of six words in most articles
        "search page 2+": [f"/zoeken/?q={quote(q)}&page={n}" for q in SEARCH_QUERIES[:6] for n in range(2, 12)],
        "news index": page_urls("/nieuws/", total),
        "category": list(islice(roundrobin(by_category), REQUESTS)),
        "year archive": list(islice(roundrobin(year_urls), REQUESTS)),
        "month archive": [f"/nieuws/{m.year}/{m.month}/" for m in months][-REQUESTS:],
        "feed": ["/nieuws/feed/"] + [f"/nieuws/categorie/{c.slug}/feed/" for c in categories],
        "sitemap": ["/sitemap.xml"] + [f"/sitemap-pages.xml?p={n}" for n in range(1, sitemap_sections + 1)],
        **admin_url_sets(),
    }


def admin_url_sets():
    """The admin pages an editor opens under Nieuws, with as many articles as the site has."""
    news_index = NewsIndexPage.objects.first()
    children = news_index.get_children().count()
    explorer = f"/admin/pages/{news_index.pk}/"
    chooser = f"/admin/choose-page/{news_index.pk}/"
    return {
        "admin explorer": [f"{explorer}?p={n}" for n in spread(math.ceil(children / EXPLORER_ROWS), REQUESTS)],
        "admin sorted": [
            f"{explorer}?ordering={ordering}&p={n}"
            for ordering in ("title", "-title", "latest_revision_created_at", "-latest_revision_created_at")
            for n in spread(math.ceil(children / EXPLORER_ROWS), REQUESTS // 4)
        ],
        "admin chooser": [f"{chooser}?p={n}" for n in spread(math.ceil(children / CHOOSER_ROWS), REQUESTS)],
        "admin snippets": [
            "/admin/snippets/news/newscategory/",
            "/admin/snippets/choose/news/newscategory/",
            *(f"/admin/snippets/choose/news/newscategory/results/?q={c.name[:4]}" for c in NewsCategory.objects.all()),
            "/admin/documents/",
            "/admin/documents/chooser/",
        ],
    }


def admin_session_cookie():
    """A Cookie header for a logged-in superuser with a second factor (the admin asks for one)."""
    user = get_user_model().objects.filter(email=ADMIN_EMAIL).first() or make_admin_user(ADMIN_EMAIL, superuser=True)
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def roundrobin(lists):
    iterators = [iter(items) for items in lists]
    while iterators:
        for iterator in list(iterators):
            try:
                yield next(iterator)
            except StopIteration:
                iterators.remove(iterator)


def timed_get(port, path, headers=None):
    """Milliseconds, and the status, or "too slow" for a search stopped at its time limit (a 200 with no results)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (http to 127.0.0.1, built above)
            body = response.read()
            # A redirect followed (to the login page, say) is not the page asked for.
            status = response.status if response.url == request.full_url else 302
    except urllib.error.HTTPError as error:
        body, status = b"", error.code
    if TOO_SLOW in body:
        status = "too slow"
    return (time.perf_counter() - started) * 1000, status


def timed_at_once(port, path, readers):
    """`readers` clients each sending `path` READERS_ROUNDS times, all at once: (milliseconds, status) of each."""
    with ThreadPoolExecutor(readers) as pool:
        return list(pool.map(lambda _: timed_get(port, path), range(readers * READERS_ROUNDS)))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


class ServerTimes:
    """The server's time for the requests sent since the last call, read from its access log (one number a line,
    microseconds); nothing without a log."""

    def __init__(self, path):
        self.log = open(path) if path else None  # noqa: SIM115 (read to the end of the run)
        if self.log:
            self.log.seek(0, os.SEEK_END)

    def since_last(self, expected):
        if not self.log:
            return []
        lines, deadline = [], time.monotonic() + 2
        while len(lines) < expected and time.monotonic() < deadline:  # gunicorn logs just after it has answered
            lines += self.log.readlines()
            time.sleep(0.01)
        return [int(line) / 1000 for line in lines if line.strip().isdigit()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--access-log", help="the server's access log, one request's microseconds a line")
    parser.add_argument("--only", help="measure only this page type")
    parser.add_argument("--verbose", action="store_true", help="print every request")
    args = parser.parse_args()
    admin = {"Cookie": admin_session_cookie()}
    server = ServerTimes(args.access_log)
    for name, urls in url_sets().items():
        if args.only and name != args.only:
            continue
        headers = admin if name.startswith("admin") else None
        for url in urls[:WARM_UP]:  # not counted: enough for every worker to have loaded this page type's code
            timed_get(args.port, url, headers)
        server.since_last(WARM_UP)
        timings = [(url, *timed_get(args.port, url, headers)) for url in urls]
        report(name, timings, server.since_last(len(urls)), args.verbose)
    if not args.only or args.only == f"search, {READERS} at once":
        url = f"/zoeken/?q={quote(SEARCH_QUERIES[0])}"
        timings = [(url, *timing) for timing in timed_at_once(args.port, url, READERS)]
        report(f"search, {READERS} at once", timings, server.since_last(len(timings)))


def report(name, timings, server_times, verbose=False):
    """One line: the page type, requests, p50, p95 and max ms, how many did not answer 200 with results, and the
    server's p50 and p95 ms."""
    times = [elapsed for _, elapsed, _ in timings]
    errors = [f"{url} {status}" for url, _, status in timings if status != 200]
    if verbose:
        for url, elapsed, status in timings:
            print(f"  {elapsed:8.1f} ms {status} {url}", file=sys.stderr)
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    server = f"{percentile(server_times, 0.5):.1f}\t{percentile(server_times, 0.95):.1f}" if server_times else "-\t-"
    print(f"{name}\t{len(times)}\t{p50:.1f}\t{p95:.1f}\t{max(times):.1f}\t{len(errors)}\t{server}", flush=True)
    for error in errors[:3]:
        print(f"  error: {error}", file=sys.stderr)


if __name__ == "__main__":
    main()
