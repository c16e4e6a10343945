#!/usr/bin/env bash
# Load test of the cached stack (`make bench MODE=stack`): bin/stack (gunicorn, the scheduler, Varnish) on generated
# articles, measured with wrk through Varnish at 64 connections, each page beside the same page from gunicorn
# directly (uncached); then a mixed run over many pages with an edit published every few seconds, reporting the
# cache's hit ratio (varnishstat) and the publish-to-visible time on every page that shows the edited article.
#
# Needs DATABASE_URL (make bench runs this through bin/with-postgres) and wrk (installed as root with apt-get).
# Settings (environment): BENCH_ARTICLES (10000), BENCH_CONNECTIONS (64), BENCH_UNCACHED_CONNECTIONS (16),
# BENCH_DURATION seconds (10), BENCH_MIXED_DURATION seconds (30), BENCH_PUBLISH_INTERVAL seconds (3).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?Set DATABASE_URL, or run make bench MODE=stack (it starts a throwaway PostgreSQL)}"

ARTICLES="${BENCH_ARTICLES:-10000}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
UNCACHED="${BENCH_UNCACHED_CONNECTIONS:-16}"
DURATION="${BENCH_DURATION:-10}"
MIXED="${BENCH_MIXED_DURATION:-30}"
INTERVAL="${BENCH_PUBLISH_INTERVAL:-3}"
PY=.venv/bin/python
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)." >&2; exit 1; }

WORK="$(mktemp -d /tmp/portal-bench-stack.XXXXXX)"
chmod 755 "$WORK"
PORT="$(free_port)" APP_PORT="$(free_port)" CACHE_PORT="$(free_port)"
export STACK_PORT="$PORT" STACK_APP_PORT="$APP_PORT" STACK_CACHE_PORT="$CACHE_PORT" STACK_WORKDIR="$WORK/stack" STACK_ARTICLES=0
mkdir -p "$STACK_WORKDIR"
export DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false
STACK_PID=""
cleanup() {
    [ -z "$STACK_PID" ] || { kill "$STACK_PID" 2>/dev/null || true; wait "$STACK_PID" 2>/dev/null || true; }
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
step() { printf '\n== %s\n' "$*" >&2; }

step "Demo content and $ARTICLES generated articles"
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py createcachetable
"$PY" manage.py load_demo_content >/dev/null
existing="$("$PY" manage.py shell -v0 -c \
    "from news.models import NewsArticlePage as A; print(A.objects.filter(title__startswith='[Gegenereerd]').count())")"
[ "$existing" -ge "$ARTICLES" ] || "$PY" manage.py generate_news --count "$((ARTICLES - existing))" --no-progress
"$PY" manage.py shell -v0 -c "from django.db import connection; connection.cursor().execute('ANALYZE')"

step "The stack (bin/stack): gunicorn on 127.0.0.1:$APP_PORT (and a second instance), nginx and Varnish on 127.0.0.1:$PORT"
bin/stack >"$WORK/stack.out" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$WORK/stack.out" >&2; exit 1; }
    sleep 0.5
done

PAGES="$("$PY" bench/pages.py | awk -F'\t' '$1 ~ /^(home|news index|article|category|search)$/ { print $1 "\t" $2 }')"
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }
measure() {  # url connections -> "rps p99_ms errors"
    local out
    wrk -t2 -c"$2" -d2s "$1" >/dev/null
    out="$(wrk -t2 -c"$2" -d"${DURATION}s" --timeout 10s --latency "$1")"
    local rps p99 bad sock
    rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    bad="$(awk '/Non-2xx or 3xx responses/ { print $NF }' <<<"$out")"
    sock="$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")"
    echo "$rps $p99 $(( ${bad:-0} + ${sock:-0} ))"
}

step "Each page: through Varnish ($CONNECTIONS connections) and from gunicorn directly ($UNCACHED connections), ${DURATION} s"
# Every cached page first: loading gunicorn directly slows its /healthz answers, and a backend Varnish sees as sick
# turns each miss into the 503 page.
CACHED=()
while IFS=$'\t' read -r name path; do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT$path"
    read -r rps p99 errors < <(measure "http://127.0.0.1:$PORT$path" "$CONNECTIONS")
    echo "$name ($path): cached $rps req/s, p99 $p99 ms, $errors errors" >&2
    CACHED+=("$rps"$'\t'"$p99"$'\t'"$errors")
done <<<"$PAGES"
RESULTS=()
number=0
while IFS=$'\t' read -r name path; do
    read -r urps up99 uerrors < <(measure "http://127.0.0.1:$APP_PORT$path" "$UNCACHED")
    echo "$name ($path): uncached $urps req/s, p99 $up99 ms, $uerrors errors" >&2
    RESULTS+=("$name"$'\t'"$path"$'\t'"${CACHED[$number]}"$'\t'"$urps"$'\t'"$up99"$'\t'"$uerrors")
    number=$((number + 1))
done <<<"$PAGES"
# Back to a healthy backend before the mixed run.
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && sleep 5 && curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; do
    sleep 1
done

step "Mixed run: many pages at $CONNECTIONS connections for ${MIXED} s, an edit published every ${INTERVAL} s"
"$PY" manage.py shell -v0 -c "
from news.models import NewsArticlePage, NewsCategory
print('/'); print('/nieuws/'); print('/nieuws/feed/'); print('/agenda/'); print('/veiligheidsstrategie/')
for n in range(2, 21): print(f'/nieuws/?page={n}')
for c in NewsCategory.objects.all(): print(f'/nieuws/categorie/{c.slug}/')
for a in NewsArticlePage.objects.live().order_by('-date', '-pk')[:200]: print(a.url)
for q in ('veiligheid', 'inbraak', 'ondermijning', 'jeugd'):
    print(f'/zoeken/?q={q}')
" >"$WORK/mixed-paths"
export MIXED_PATHS="$WORK/mixed-paths"
VSTAT=(varnishstat -n "$STACK_WORKDIR/varnish/varnishd" -1 -f MAIN.cache_hit -f MAIN.cache_miss -f MAIN.cache_hitmiss -f MAIN.cache_hitpass)
# Warm the cache once, as readers would have before the run (as many at a time as gunicorn has workers).
xargs -P 2 -I{} curl -s -o /dev/null "http://127.0.0.1:$PORT{}" <"$MIXED_PATHS"
before="$("${VSTAT[@]}")"
CACHE_PURGE_URL="http://127.0.0.1:$CACHE_PORT" "$PY" bench/publisher.py "http://127.0.0.1:$PORT" "$MIXED" "$INTERVAL" >"$WORK/publisher.json" &
publisher=$!
mixed="$(wrk -t2 -c"$CONNECTIONS" -d"${MIXED}s" --timeout 10s --latency -s bench/mixed.lua "http://127.0.0.1:$PORT")"
wait "$publisher"
after="$("${VSTAT[@]}")"
delta() { echo $(( $(awk -v f="$1" '$1 == f { print $2 }' <<<"$after") - $(awk -v f="$1" '$1 == f { print $2 }' <<<"$before") )); }
hits="$(delta MAIN.cache_hit)"
misses=$(( $(delta MAIN.cache_miss) + $(delta MAIN.cache_hitmiss) + $(delta MAIN.cache_hitpass) ))

step "Results: $ARTICLES generated articles, gunicorn ${STACK_WORKERS:-2} sync workers ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
{
    printf 'page\tpath\tcached req/s\tp99 ms\terrors\tuncached req/s\tp99 ms\terrors\n'
    printf '%s\n' "${RESULTS[@]}"
} | awk -F'\t' '{ if (length($2) > 38) $2 = substr($2, 1, 35) "..."; printf "%-11s %-38s %12s %8s %7s %15s %8s %7s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
echo
echo "Mixed run ($(wc -l <"$MIXED_PATHS") paths, ${MIXED} s): $(awk '/^Requests\/sec/ { printf "%.0f req/s", $2 }' <<<"$mixed"), p99 $(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$mixed")") ms, non-2xx/3xx $(awk '/Non-2xx/ { print $NF }' <<<"$mixed" | grep . || echo 0)"
awk -v h="$hits" -v m="$misses" 'BEGIN { printf "Hit ratio: %.2f %% (%d hits, %d misses and passes)\n", 100 * h / (h + m), h, m }'
"$PY" - "$WORK/publisher.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = sorted(x for x in r["visible_ms"] if x is not None)
print(f"Publish to visible on {len(r['pages'])} pages ({', '.join(r['pages'])}): {r['publishes']} publishes,",
      f"max {t[-1] if t else '-'} ms, median {t[len(t) // 2] if t else '-'} ms, never visible: {r['visible_ms'].count(None)}")
PY
