#!/usr/bin/env bash
# Two figures for the multi-instance setup (`bin/with-postgres bench/instances.sh`), on the demo content with Redis:
# 1. logged-in (uncached) throughput through Varnish of two instances with one worker each against one instance
#    with two workers, measured in turns (A B A B ...) so that the machine's other work falls on both alike;
# 2. how long a gunicorn worker is busy with a 50 MB document read at 20 MB/s: sent by nginx (X-Accel-Redirect)
#    against sent by Django, from the access log's request time (%(L)s, seconds).
# Settings (environment): BENCH_ROUNDS (4), BENCH_DURATION seconds per turn (15), BENCH_CONNECTIONS (8).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?Set DATABASE_URL, or run this through bin/with-postgres}"
ROUNDS="${BENCH_ROUNDS:-4}" DURATION="${BENCH_DURATION:-15}" CONNECTIONS="${BENCH_CONNECTIONS:-8}"
PY=.venv/bin/python
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WORK="$(mktemp -d /tmp/portal-bench-instances.XXXXXX)"
chmod 755 "$WORK"
export DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false MEDIA_ROOT="$WORK/media" STATIC_ROOT="$WORK/static"
REDIS_PORT="$(free_port)"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" PROTECTED_MEDIA_ACCEL_PREFIX=/protected-media
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
up() {
    for _ in $(seq 1 300); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
    echo "$1 not up" >&2
    exit 1
}

redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$WORK" >/dev/null &
PIDS+=($!)
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py load_demo_content >/dev/null
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py render_error_pages "$WORK/errors" >/dev/null
# A member with a session, and a 50 MB document in the library.
EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend "$PY" manage.py shell -v0 -c "
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from apothekerskast import access
from tests.apothekerskast.builders import make_organisation, make_person
member = make_person('member', make_organisation('Bench', 'bench.example'))
session = SessionStore()
session.update({'_auth_user_id': str(member.pk), '_auth_user_backend': 'django.contrib.auth.backends.ModelBackend',
                '_auth_user_hash': member.get_session_auth_hash()})
session.create()
document = get_document_model()(title='Vijftig megabyte', collection=access.library_collection())
document.file.save('vijftig.pdf', ContentFile(b'%PDF-1.4\n' + bytes(50 * 1024 * 1024)), save=False)
document.save()
open('$WORK/member', 'w').write(f'{session.session_key} {document.url}\n')
" >/dev/null
read -r SESSION DOCUMENT <"$WORK/member"
COOKIE="Cookie: sessionid=$SESSION"

gunicorn() {  # port workers [env...]
    local port="$1" workers="$2"
    shift 2
    env "$@" .venv/bin/gunicorn portal.wsgi --bind "127.0.0.1:$port" --workers "$workers" --graceful-timeout 30 \
        --access-logfile "$WORK/access-$port.log" --access-logformat '"%(r)s" %(s)s %(L)s' \
        --error-logfile "$WORK/gunicorn-$port.log" &
    PIDS+=($!)
    up "http://127.0.0.1:$port/healthz"
}
varnish() {  # listen app_ports
    bin/start-varnish "$1" "$2" "$WORK/errors" "$WORK/varnish-$1" >"$WORK/varnish-$1.log" 2>&1 &
    PIDS+=($!)
    up "http://127.0.0.1:$1/healthz"
}
A1="$(free_port)" A2="$(free_port)" B="$(free_port)" VA="$(free_port)" VB="$(free_port)"
gunicorn "$A1" 1
gunicorn "$A2" 1
gunicorn "$B" 2
varnish "$VA" "$A1,$A2"
varnish "$VB" "$B"

echo "Logged-in / through Varnish, wrk -c$CONNECTIONS -d${DURATION}s, in turns (requests/second):"
rps() { wrk -t2 -c"$CONNECTIONS" -d"${2:-$DURATION}s" --timeout 30s -H "$COOKIE" "$1" | awk '/Requests\/sec/ {print $2}'; }
rps "http://127.0.0.1:$VA/" 3 >/dev/null && rps "http://127.0.0.1:$VB/" 3 >/dev/null  # warm-up: every worker loaded
a_total=0 b_total=0
for round in $(seq 1 "$ROUNDS"); do
    # Which goes first alternates, so a drift of the machine's speed within a round favours neither.
    if [ $((round % 2)) -eq 1 ]; then
        a="$(rps "http://127.0.0.1:$VA/")" b="$(rps "http://127.0.0.1:$VB/")"
    else
        b="$(rps "http://127.0.0.1:$VB/")" a="$(rps "http://127.0.0.1:$VA/")"
    fi
    echo "  round $round: two instances x 1 worker $a, one instance x 2 workers $b"
    a_total="$(echo "$a_total + $a" | bc)" b_total="$(echo "$b_total + $b" | bc)"
done
echo "  mean: two instances x 1 worker $(echo "scale=1; $a_total / $ROUNDS" | bc)," \
    "one instance x 2 workers $(echo "scale=1; $b_total / $ROUNDS" | bc)," \
    "ratio $(echo "scale=3; $a_total / $b_total" | bc)"

echo "A 50 MB document read at 20 MB/s: the worker's busy time (gunicorn's request time, seconds):"
NGINX="$(free_port)" DIRECT="$(free_port)"
mkdir -p "$MEDIA_ROOT"
chmod -R a+rX "$MEDIA_ROOT"
bin/start-nginx "$NGINX" "$VA" "$MEDIA_ROOT" "$WORK/nginx" >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)
up "http://127.0.0.1:$NGINX/healthz"
gunicorn "$DIRECT" 1 PROTECTED_MEDIA_ACCEL_PREFIX=
busy() { grep -h "GET $DOCUMENT " "$@" | awk '{print $NF}' | tail -1; }
curl -fsS --limit-rate 20M -H "$COOKIE" -o /dev/null -w '  through nginx: %{size_download} bytes in %{time_total} s, ' \
    "http://127.0.0.1:$NGINX$DOCUMENT"
echo "worker busy $(busy "$WORK/access-$A1.log" "$WORK/access-$A2.log") s"
curl -fsS --limit-rate 20M -H "$COOKIE" -o /dev/null -w '  from Django: %{size_download} bytes in %{time_total} s, ' \
    "http://127.0.0.1:$DIRECT$DOCUMENT"
echo "worker busy $(busy "$WORK/access-$DIRECT.log") s"
