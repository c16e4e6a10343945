"""The pages bench/run.sh measures, and the SQL queries each costs (Django's test client, in-process).

Prints one tab-separated line per page: name, path, number of queries. Run with DATABASE_URL and
DJANGO_SETTINGS_MODULE set, after the demo content and the generated articles are loaded.

`--sql-dir DIR` also writes each page's queries, as sent, to DIR/<n>.sql (n counting pages from 1): a pgbench script
that replays one request's SQL in one transaction, to measure what the database alone can serve.
"""

import argparse
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from news.models import NewsArticlePage, NewsCategory  # noqa: E402
from strategy.models import StrategyChapterPage, ThemePage  # noqa: E402


def pages():
    article = NewsArticlePage.objects.live().order_by("-date", "-pk").first()
    category = NewsCategory.objects.order_by("name").first()
    chapter = StrategyChapterPage.objects.live().order_by("path").first()
    theme = ThemePage.objects.live().order_by("path").first()
    return [
        ("home", "/"),
        ("news index", "/nieuws/"),
        ("article", article.url),
        ("category", f"/nieuws/categorie/{category.slug}/"),
        ("search", "/zoeken/?q=veiligheid"),
        ("chapter", chapter.url),
        ("theme", theme.url),
    ]


def pgbench_script(queries):
    """The captured queries of one request as a pgbench script: one transaction, a statement per line (savepoints
    of nested atomic blocks left out)."""
    statements = [" ".join(query["sql"].split()) for query in queries]
    statements = [sql for sql in statements if not sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK"))]
    return "\n".join(["BEGIN;", *(f"{sql};" for sql in statements), "COMMIT;", ""])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sql-dir", type=Path, help="write each page's queries here as a pgbench script")
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    for number, (name, path) in enumerate(pages(), start=1):
        client.get(path)  # fills the per-process caches, as the server's warm-up does
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}")
        if args.sql_dir:
            (args.sql_dir / f"{number}.sql").write_text(pgbench_script(captured.captured_queries))
        print(f"{name}\t{path}\t{len(captured.captured_queries)}")


if __name__ == "__main__":
    main()
