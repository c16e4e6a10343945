"""What portal/wagtail_internals.py saves: per page (home, news index, article, chapter, theme), anonymous and logged in
(a plain verified user, as Varnish passes every request with a session), the SQL queries of one request, the
Python function calls of one request (cProfile's count: the same on every run, where this machine's time drifts), or
the Django process's CPU milliseconds per request (median of N; time.process_time, which other processes' load does
not inflate the way it inflates wall time). Run from the source tree to measure, with DATABASE_URL set and the demo
content and generated articles loaded (bench/internals.sh does all of it).

    python bench/internals.py queries | calls | cpu [--requests N] | urls
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

import pages as bench_pages  # noqa: E402  (bench/pages.py: the pages `make bench` measures)
from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

sys.path.insert(0, os.getcwd())  # bench/pages.py put the repository first; the copy measured comes first again

READER = "lezer@example.org"
MEASURED = ("home", "news index", "article", "chapter", "theme")


def pages():
    return [(name, path) for name, path in bench_pages.pages() if name in MEASURED]


def clients():
    """An anonymous client and one logged in as a plain verified reader (made on first use)."""
    user = get_user_model().objects.filter(email=READER).first()
    if user is None:
        user = get_user_model().objects.create_user(email=READER, password=None)
        EmailAddress.objects.create(user=user, email=READER, verified=True, primary=True)
    logged_in = Client(HTTP_HOST="127.0.0.1")
    logged_in.force_login(user)
    return {"anonymous": Client(HTTP_HOST="127.0.0.1"), "logged-in": logged_in}


def get(client, path):
    response = client.get(path)
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["queries", "calls", "cpu", "urls"])
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    by_mode = clients()
    if args.what == "urls":
        for name, path in pages():
            print(f"{name}\t{path}")
        print(f"cookie\t{by_mode['logged-in'].cookies['sessionid'].value}")
        return
    for name, path in pages():
        for mode, client in by_mode.items():
            get(client, path)  # the per-process caches, as on a running server
            if args.what == "queries":
                with CaptureQueriesContext(connection) as captured:
                    get(client, path)
                print(f"{name}\t{mode}\t{len(captured)}", flush=True)
                continue
            if args.what == "calls":
                profile = cProfile.Profile()
                profile.runcall(get, client, path)
                print(f"{name}\t{mode}\t{pstats.Stats(profile).total_calls}", flush=True)
                continue
            spent = []
            for _ in range(args.requests):
                start = time.process_time()
                get(client, path)
                spent.append((time.process_time() - start) * 1000)
            print(f"{name}\t{mode}\t{statistics.median(spent):.1f}", flush=True)


if __name__ == "__main__":
    main()
