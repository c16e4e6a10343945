#!/usr/bin/env bash
# What each override in portal/wagtail_internals.py gains on uncached pages, measured before/after in one
# interleaved run (this machine's speed drifts within minutes): the committed code ("kept") against copies with
# the overrides taken out ("without-all", and one at a time), each a `git archive` of HEAD with a small edit.
#
#   bin/with-postgres bench/internals.sh      (BENCH_ARTICLES=10000, BENCH_ROUNDS=3, BENCH_DURATION=5 s)
#   BENCH_BEFORE=REV bin/with-postgres bench/internals.sh   the code at REV ("before", in a database of its own,
#                                                           migrated by it) against HEAD ("kept"), nothing else
#
# Per page (home, news index, article, chapter, theme), anonymous and logged in: queries of one request
# (bench/internals.py queries) and its Python function calls (bench/internals.py calls: the same on every run, so a
# difference there is the code's, not the machine's), the Django process's CPU ms per request, median of 20
# (bench/internals.py cpu), and requests/second from gunicorn directly (2 sync workers, wrk -c4), alternating the
# variants ROUNDS times.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?Run through bin/with-postgres, or set DATABASE_URL}"
ARTICLES="${BENCH_ARTICLES:-10000}"
ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-5}"
REPO="$PWD"
PY="$REPO/.venv/bin/python"
export DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false
# One key for every copy (each would make its own in var/), so the logged-in reader's session is valid in all.
SECRET_KEY="${SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export SECRET_KEY
WORKDIR="$(mktemp -d /tmp/portal-internals.XXXXXX)"
export STATIC_ROOT="$WORKDIR/static"
trap 'rm -rf "$WORKDIR"' EXIT

# variant: file, the text to take out, what comes instead
edit() {
    "$PY" - "$WORKDIR/$1/$2" "$3" "$4" <<'PYEDIT'
import sys
path, old, new = sys.argv[1:]
text = open(path).read()
assert old in text, (path, old)
open(path, "w").write(text.replace(old, new))
PYEDIT
}
if [ -n "${BENCH_BEFORE:-}" ]; then
    VARIANTS=(before kept)
else
    VARIANTS=(kept without-all without-site without-visibility without-parent)
fi
for variant in "${VARIANTS[@]}"; do
    mkdir "$WORKDIR/$variant"
    git archive "$([ "$variant" = before ] && echo "$BENCH_BEFORE" || echo HEAD)" | tar -x -C "$WORKDIR/$variant"
    ln -s "$REPO/.venv" "$WORKDIR/$variant/.venv"
done
# The variants without an override share the committed code's database; the code before, with its own migrations,
# has one of its own.
BASE_URL="$DATABASE_URL"
use_variant() {
    cd "$WORKDIR/$1"
    if [ "$1" = before ]; then
        export DATABASE_URL="${BASE_URL}_before" STATIC_ROOT="$WORKDIR/static-before"
    else
        export DATABASE_URL="$BASE_URL" STATIC_ROOT="$WORKDIR/static"
    fi
}
[ -z "${BENCH_BEFORE:-}" ] || "$PY" - "$BASE_URL" <<'PYCREATE'
import sys
from urllib.parse import urlsplit
import psycopg
url = urlsplit(sys.argv[1])
with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as connection:
    connection.execute(f'CREATE DATABASE "{url.path[1:]}_before"')
PYCREATE
[ -n "${BENCH_BEFORE:-}" ] || for variant in without-all without-site; do
    edit "$variant" portal/middleware.py "        find_site(request)" "        return None"
done
[ -n "${BENCH_BEFORE:-}" ] || for variant in without-all without-visibility; do
    edit "$variant" portal/wagtail_internals.py \
        '        if getattr(_request, "active", False):
            _request.restricted_paths = paths
' ""
done
[ -n "${BENCH_BEFORE:-}" ] || for variant in without-all without-parent; do
    edit "$variant" portal/wagtail_internals.py "    page._cached_parent_obj = parent" "    return None"
done

for variant in "${VARIANTS[@]}"; do
    [ "$variant" = kept ] || [ "$variant" = before ] || continue
    echo "== Database of $variant: demo content and $ARTICLES generated articles" >&2
    use_variant "$variant"
    MANAGE=("$PY" manage.py)
    "${MANAGE[@]}" migrate --noinput -v0
    "${MANAGE[@]}" createcachetable
    "${MANAGE[@]}" load_demo_content >/dev/null
    "${MANAGE[@]}" generate_news --count "$ARTICLES" --seed 1 --no-progress >&2
    "${MANAGE[@]}" collectstatic --noinput -v0
    "${MANAGE[@]}" shell -v0 -c "from django.db import connection; connection.cursor().execute('ANALYZE')"
done
cd "$REPO"

RESULTS="$WORKDIR/results.tsv"
echo "== Queries and Python function calls per request" >&2
for variant in "${VARIANTS[@]}"; do
    (use_variant "$variant" && "$PY" "$REPO/bench/internals.py" queries | sed "s/^/queries\t$variant\t/") >>"$RESULTS"
    (use_variant "$variant" && "$PY" "$REPO/bench/internals.py" calls | sed "s/^/calls\t$variant\t/") >>"$RESULTS"
done

echo "== CPU ms per request and requests/second, $ROUNDS rounds alternating the variants" >&2
for variant in "${VARIANTS[@]}"; do  # each database its own article and logged-in reader
    (use_variant "$variant" && "$PY" "$REPO/bench/internals.py" urls) >"$WORKDIR/$variant.urls"
done
for round in $(seq 1 "$ROUNDS"); do
    for variant in "${VARIANTS[@]}"; do
        mapfile -t URLS <"$WORKDIR/$variant.urls"
        COOKIE="$(printf '%s\n' "${URLS[@]}" | awk -F'\t' '$1 == "cookie" { print $2 }')"
        use_variant "$variant"
        "$PY" "$REPO/bench/internals.py" cpu | sed "s/^/cpu\t$variant\t/" >>"$RESULTS"
        PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        .venv/bin/gunicorn portal.wsgi --bind "127.0.0.1:$PORT" --workers 2 --worker-class sync --timeout 60 \
            --error-logfile "$WORKDIR/gunicorn.log" &
        SERVER=$!
        for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
        for line in "${URLS[@]}"; do
            name="${line%%$'\t'*}" path="${line#*$'\t'}"
            [ "$name" = cookie ] && continue
            for mode in anonymous logged-in; do
                header=()
                [ "$mode" = logged-in ] && header=(-H "Cookie: sessionid=$COOKIE")
                wrk -t2 -c4 -d1s --timeout 30s "${header[@]}" "http://127.0.0.1:$PORT$path" >/dev/null
                rps="$(wrk -t2 -c4 -d"${DURATION}s" --timeout 30s "${header[@]}" "http://127.0.0.1:$PORT$path" \
                    | awk '/^Requests\/sec/ { printf "%.1f", $2 }')"
                printf 'rps\t%s\t%s\t%s\t%s\n' "$variant" "$name" "$mode" "$rps" >>"$RESULTS"
            done
        done
        kill "$SERVER"
        wait "$SERVER" 2>/dev/null || true
        cd "$REPO"
    done
done

echo "== Medians over the rounds ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"$PY" - "$RESULTS" "${VARIANTS[@]}" <<'PYTABLE'
import collections, statistics, sys
results, variants = sys.argv[1], sys.argv[2:]
values = collections.defaultdict(list)
for line in open(results):
    measure, variant, page, mode, value = line.rstrip("\n").split("\t")
    values[measure, page, mode, variant].append(float(value or 0))
for measure, title in (
    ("queries", "queries"),
    ("calls", "Python calls/request"),
    ("cpu", "CPU ms/request"),
    ("rps", "requests/second"),
):
    print(f"\n{title:26}" + "".join(f"{variant:>20}" for variant in variants))
    in_order = dict.fromkeys((page, mode) for (m, page, mode, _) in values if m == measure)
    keys = sorted(in_order, key=lambda key: key[1])  # anonymous first, the pages in the order measured
    for page, mode in keys:
        cells = [statistics.median(values[measure, page, mode, variant]) for variant in variants]
        print(f"{page + ' ' + mode:26}" + "".join(f"{cell:20.1f}" for cell in cells))
PYTABLE
