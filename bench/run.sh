#!/usr/bin/env bash
# Load test (`make bench`): requests/second and p99 latency of the main public pages with 10,000 generated
# news articles (`make bench ARTICLES=100000` for more), served as in production by gunicorn with 2 sync workers
# (DEBUG off, no caching). Then each page type's single-request latency, p50 and p95 over at least 50 requests with
# distinct inputs (search words, page numbers, months, sitemap sections, admin pages under Nieuws) sent one at a time
# (bench/latency.py).
#
# Needs DATABASE_URL (make bench runs this through bin/with-postgres, which starts a throwaway PostgreSQL).
# Sends traffic to 127.0.0.1 only. Uses wrk when it is installed (as root it installs it with apt-get),
# otherwise bench/loadgen.py.
#
# Before the load test it replays each page's SQL with pgbench (2 clients, as many as the workers): the pages/s the
# database alone could serve if Python cost nothing, the ceiling of that page on this machine ("db alone/s").
#
# Settings (environment): BENCH_ARTICLES (10000), BENCH_CONNECTIONS (16), BENCH_DURATION seconds (10),
# BENCH_WARMUP seconds (3), BENCH_LOADGEN (auto, wrk or python).
set -euo pipefail

cd "$(dirname "$0")/.."
: "${DATABASE_URL:?Set DATABASE_URL, or run make bench (it starts a throwaway PostgreSQL)}"

ARTICLES="${BENCH_ARTICLES:-10000}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-3}"
LOADGEN="${BENCH_LOADGEN:-auto}"
PY=.venv/bin/python
MANAGE=("$PY" manage.py)

export DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false
WORKDIR="$(mktemp -d /tmp/portal-bench.XXXXXX)"
export STATIC_ROOT="$WORKDIR/static"
SERVER_PID=""

cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORKDIR"
}
trap cleanup EXIT INT TERM

step() { printf '\n== %s\n' "$*" >&2; }

step "Database, demo content and $ARTICLES generated articles"
"${MANAGE[@]}" migrate --noinput -v0
"${MANAGE[@]}" createcachetable
"${MANAGE[@]}" load_demo_content >/dev/null
existing="$("${MANAGE[@]}" shell -v0 -c \
    "from news.models import NewsArticlePage as A; print(A.objects.filter(title__startswith='[Gegenereerd]').count())")"
if [ "$existing" -lt "$ARTICLES" ]; then
    "${MANAGE[@]}" generate_news --count "$((ARTICLES - existing))" --no-progress
else
    echo "The database already holds $existing generated articles." >&2
fi
"${MANAGE[@]}" collectstatic --noinput -v0
# What a freshly loaded database has not done yet: fresh planner statistics, as autovacuum keeps them in production.
"${MANAGE[@]}" shell -v0 -c "from django.db import connection; connection.cursor().execute('ANALYZE')"

step "SQL queries per page"
mkdir "$WORKDIR/sql"
PAGES="$("$PY" bench/pages.py --sql-dir "$WORKDIR/sql")"
printf '%s\n' "$PAGES" | awk -F'\t' '{ printf "%-11s %-70s %s queries\n", $1, $2, $3 }' >&2

step "The database alone: each page's SQL replayed by pgbench, 2 clients, ${DURATION} s"
PGBENCH="${PG_BIN:-/usr/lib/postgresql/15/bin}/pgbench"
[ -x "$PGBENCH" ] || PGBENCH="$(command -v pgbench || true)"
[ -n "$PGBENCH" ] || echo "pgbench not found (it comes with the PostgreSQL client): the db alone column stays empty." >&2
DB_ALONE=()
number=0
while IFS=$'\t' read -r name _ _; do
    number=$((number + 1))
    tps=""
    if [ -n "$PGBENCH" ]; then
        tps="$("$PGBENCH" -n -c 2 -j 2 -T "$DURATION" -f "$WORKDIR/sql/$number.sql" "$DATABASE_URL" 2>/dev/null \
            | awk '/^tps = / { printf "%.0f", $3 }' || true)"
        echo "$name: ${tps:-pgbench failed} pages/s" >&2
    fi
    DB_ALONE+=("${tps:--}")
done <<<"$PAGES"

step "Load generator"
if [ "$LOADGEN" = auto ]; then
    if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "wrk is not installed; installing it with apt-get..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
            || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1; } \
            || true
    fi
    if command -v wrk >/dev/null; then LOADGEN=wrk; else LOADGEN=python; fi
fi
echo "Using $LOADGEN: $CONNECTIONS connections, ${WARMUP} s warm-up and ${DURATION} s measured per page." >&2

step "gunicorn, 2 sync workers"
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
.venv/bin/gunicorn portal.wsgi --bind "127.0.0.1:$PORT" --workers 2 --worker-class sync --timeout 60 \
    --access-logfile "$WORKDIR/access.log" --access-logformat '%(D)s' \
    --error-logfile "$WORKDIR/gunicorn.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    if "$PY" -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:$PORT/healthz').status != 200)" \
        2>/dev/null; then
        break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORKDIR/gunicorn.log" >&2; exit 1; }
    sleep 0.2
done
echo "Serving on 127.0.0.1:$PORT (pid $SERVER_PID)." >&2

# "12.5ms" / "850.00us" / "1.20s" in milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.1f", n }'; }

measure() {  # path -> "requests rps p50_ms p99_ms non2xx"
    local url="http://127.0.0.1:$PORT$1"
    if [ "$LOADGEN" = wrk ]; then
        wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null
        local out
        out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency "$url")"
        local requests rps p50 p99 bad
        requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
        rps="$(awk '/^Requests\/sec/ { printf "%.1f", $2 }' <<<"$out")"
        p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
        p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
        bad="$(awk '/Non-2xx or 3xx responses/ { print $NF }' <<<"$out")"
        echo "$requests $rps $p50 $p99 ${bad:-0}"
    else
        "$PY" bench/loadgen.py "$1" --port "$PORT" --connections "$CONNECTIONS" --duration "$DURATION" \
            --warmup "$WARMUP" \
            | "$PY" -c 'import json, sys; r = json.load(sys.stdin); print(r["requests"], "%.1f" % r["rps"], "%.1f" % r["p50_ms"], "%.1f" % r["p99_ms"], r["errors"])'
    fi
}

step "Measuring"
RESULTS=()
number=0
while IFS=$'\t' read -r name path queries; do
    echo "$name ($path)..." >&2
    read -r requests rps p50 p99 bad < <(measure "$path")
    RESULTS+=("$name"$'\t'"$path"$'\t'"$queries"$'\t'"$requests"$'\t'"$rps"$'\t'"$p50"$'\t'"$p99"$'\t'"$bad"$'\t'"${DB_ALONE[$number]:--}")
    number=$((number + 1))
done <<<"$PAGES"

step "Results: $ARTICLES generated articles, gunicorn 2 sync workers, $CONNECTIONS connections, ${DURATION} s per page ($LOADGEN, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
{
    printf 'page\tpath\tqueries\trequests\treq/s\tp50 ms\tp99 ms\tnon-2xx\tdb alone/s\n'
    printf '%s\n' "${RESULTS[@]}"
} | awk -F'\t' '{ if (length($2) > 42) $2 = substr($2, 1, 39) "..."; printf "%-11s %-42s %7s %9s %8s %8s %8s %8s %11s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'

step "Single requests, one at a time, distinct inputs per page type ($ARTICLES articles)"
{
    printf 'page type\trequests\tp50 ms\tp95 ms\tmax ms\tnon-200\tserver p50\tserver p95\n'
    "$PY" bench/latency.py --port "$PORT" --access-log "$WORKDIR/access.log"
} | awk -F'\t' '{ printf "%-15s %9s %8s %8s %8s %8s %11s %11s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
