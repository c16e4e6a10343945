"""Stop, start and restart the throwaway PostgreSQL cluster of bin/with-postgres from inside a test.

bin/with-postgres exports PG_BIN, PGDATA_DIR and PG_PORT; against any other database these tests are skipped.
"""

import contextlib
import os
import subprocess
from urllib.parse import urlsplit

import pytest
from django.db import connection, connections


def _cluster():
    pg_bin, data_dir, port = (os.environ.get(name) for name in ("PG_BIN", "PGDATA_DIR", "PG_PORT"))
    if not (pg_bin and data_dir and port):
        pytest.skip("needs the throwaway PostgreSQL cluster of bin/with-postgres (PG_BIN, PGDATA_DIR, PG_PORT)")
    return pg_bin, data_dir, port


def database_url():
    """DATABASE_URL pointing at the test database (pytest-django's test_<name>), for a second client."""
    return urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + connection.settings_dict["NAME"]).geturl()


def _pg_ctl(*args):
    pg_bin, data_dir, _ = _cluster()
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    command = [*run_as, f"{pg_bin}/pg_ctl", "-D", f"{data_dir}/data", "-w", "-t", "60", *args]
    subprocess.run(command, check=True, capture_output=True, timeout=90)


def stop():
    """Shut the server down the way an operator or a crash would: every open connection is cut."""
    _pg_ctl("-m", "fast", "stop")


def start():
    """Start it again with the options bin/with-postgres gave it (a plain start would forget them)."""
    _, data_dir, port = _cluster()
    options = f"-h 127.0.0.1 -p {port} -k {data_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    _pg_ctl("-l", f"{data_dir}/server.log", "-o", options, "start")


def restart():
    """Restart in one go (pg_ctl keeps the options): connections opened before it are dead afterwards."""
    _, data_dir, _ = _cluster()
    _pg_ctl("-l", f"{data_dir}/server.log", "-m", "fast", "restart")


def is_running():
    _, data_dir, _ = _cluster()
    return os.path.exists(f"{data_dir}/data/postmaster.pid")


@contextlib.contextmanager
def outage():
    """The database is down inside the block; afterwards it is up again, whatever happened inside."""
    _cluster()
    stop()
    try:
        yield
    finally:
        ensure_running()


def ensure_running():
    """Bring the server back if it is down, and drop this process's connections, which died with it."""
    if not is_running():
        start()
    connections.close_all()
