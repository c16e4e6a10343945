"""Every periodic job of the site, carried out by `run_scheduler`: one scheduler per machine, any number of machines.

Each job runs under a PostgreSQL advisory lock named after it: while one scheduler runs a job, every other one skips
it, so nothing is published, sent or purged twice. Each run is recorded (JobRun; the Beheerder reads the last ones
under Rapporten > Geplande taken). A daily job runs once a day from SCHEDULER_DAILY_HOUR (local time): under its lock
the scheduler looks for a run since that hour (or, before it, since yesterday's), so a second scheduler or a
restart does not repeat it, and a scheduler started after a missed run catches up at once. A failed daily run is
tried again an hour later.
"""

import hashlib
import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from editorial.models import JobRun

EVERY_MINUTE, DAILY = "minute", "daily"
RETRY_AFTER = timedelta(hours=1)
KEEP_RUNS = timedelta(days=7)
OUTPUT_LIMIT = 10_000


@dataclass(frozen=True)
class Job:
    command: str
    label: str
    schedule: str
    options: dict = field(default_factory=dict)


def jobs():
    """The jobs in the order each round of the scheduler runs them, with their management commands."""
    return [
        Job("publish_scheduled", "Geplande pagina's publiceren en depubliceren", EVERY_MINUTE),
        # A bounded number of mails per round, so a large mailing does not hold up scheduled publishing; the rest
        # goes out in the next rounds.
        Job(
            "send_newsletter",
            "Nieuwsbrieven verzenden",
            EVERY_MINUTE,
            {"due": True, "limit": settings.NEWSLETTER_MAILS_PER_RUN},
        ),
        Job("send_toolkit_alerts", "Meldingen over nieuwe toolkits versturen", EVERY_MINUTE),
        Job("expire_memberships", "Verlopen toegang tot de apothekerskast beëindigen", DAILY),
        Job("remind_access_expiry", "Herinneringen over aflopende toegang versturen", DAILY),
        Job("purge_download_events", "Downloadregistratie na de bewaartermijn verwijderen", DAILY),
        Job("purge_sessions", "Verlopen sessies verwijderen", DAILY),
    ]


def label(command):
    return next((job.label for job in jobs() if job.command == command), command)


def last_daily_slot(now, hour):
    """The latest moment at `hour` o'clock local time not after `now`: today's, or yesterday's before the hour."""
    local = timezone.localtime(now)
    slot = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    return slot if slot <= local else slot - timedelta(days=1)


def is_due(job, now):
    if job.schedule == EVERY_MINUTE:
        return True
    slot = last_daily_slot(now, settings.SCHEDULER_DAILY_HOUR)
    since_slot = JobRun.objects.filter(job=job.command, started_at__gte=slot)
    return not since_slot.filter(Q(result=JobRun.Result.OK) | Q(started_at__gt=now - RETRY_AFTER)).exists()


def lock_key(name):
    """A stable signed 64-bit key for pg_advisory_lock, the same on every machine."""
    return int.from_bytes(hashlib.sha256(f"portal.scheduler.{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def advisory_lock(name):
    """Whether this process holds the lock `name` for the block (never waiting for it). The lock belongs to the
    database session, so it holds across the transactions of a job and across machines, and ends with the
    connection if the process dies. Other databases (SQLite for `make run`) have one scheduler only."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


class Tee(io.StringIO):
    """Keeps what a job writes and passes it on to the scheduler's own output."""

    def __init__(self, stream):
        super().__init__()
        self.stream = stream

    def write(self, text):
        self.stream.write(text)
        return super().write(text)


def run(job, stdout):
    """Run `job` if it is due and no other scheduler is running it; returns its JobRun, or None when skipped.

    A job that raises is recorded as failed, and the error passed on to the caller.
    """
    with advisory_lock(job.command) as acquired:
        if not acquired or not is_due(job, timezone.now()):
            return None
        record = JobRun.objects.create(job=job.command)
        output = Tee(stdout)
        try:
            call_command(job.command, stdout=output, stderr=output, **job.options)
        except Exception as error:
            finish(record, JobRun.Result.FAILED, f"{output.getvalue()}{job.command} failed: {error}\n")
            raise
        finish(record, JobRun.Result.OK, output.getvalue())
        return record


def finish(record, result, output):
    record.result = result
    record.finished_at = timezone.now()
    record.output = output[-OUTPUT_LIMIT:]
    record.save(update_fields=["result", "finished_at", "output"])
    JobRun.objects.filter(job=record.job, started_at__lt=record.finished_at - KEEP_RUNS).delete()
