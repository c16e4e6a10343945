"""The editor during the mixed run of bench/stack.sh: every INTERVAL seconds it publishes an edit of the newest
article's title (purging the cache as the admin does) and measures how long until every page that shows the article
shows the new title through the cache. Prints one JSON line: the publishes and the publish-to-visible times (ms).

Run with DATABASE_URL, DJANGO_SETTINGS_MODULE and CACHE_PURGE_URL set. Usage: publisher.py BASE_URL DURATION INTERVAL
"""

import json
import os
import sys
import time
import urllib.request
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from news.models import NewsArticlePage  # noqa: E402


def shows(url, text):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a loopback URL from bench/stack.sh
            return text in response.read().decode()
    except OSError:  # an error page (urllib's HTTPError) or no answer: not visible yet
        return False


def main():
    base, duration, interval = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    article = NewsArticlePage.objects.live().order_by("-date", "-pk").first()
    original = article.title
    pages = [article.url, "/", "/nieuws/", f"/nieuws/categorie/{article.category.slug}/", "/nieuws/feed/"]
    if article.theme_id:
        pages.append(article.theme.url)
    times, end, number = [], time.monotonic() + duration, 0
    try:
        while time.monotonic() + interval < end:
            time.sleep(interval)
            number += 1
            article.title = f"{original} (bijgewerkt {number})"
            article.save_revision().publish()
            published = time.monotonic()
            waiting = list(pages)
            while waiting:
                waiting = [page for page in waiting if not shows(base + page, article.title)]
                if time.monotonic() - published > 10:
                    break
                if waiting:
                    time.sleep(0.01)
            times.append(round((time.monotonic() - published) * 1000, 1) if not waiting else None)
    finally:
        article.title = original
        article.save_revision().publish()
    print(json.dumps({"pages": pages, "publishes": len(times), "visible_ms": times}))


if __name__ == "__main__":
    main()
