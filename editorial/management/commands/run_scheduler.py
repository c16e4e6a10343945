"""Runs every periodic job of the site (editorial.scheduler) each minute until stopped. For `make run`, `make stack`
and compose; any number may run at once, on one machine or several."""

import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from editorial import scheduler


class Command(BaseCommand):
    help = (
        "Every --interval seconds (default 60): publishes and expires scheduled pages, sends the newsletter "
        "mailings that are due, and once a day from SCHEDULER_DAILY_HOUR runs the daily jobs (access-expiry "
        "reminders, membership expiry, purge of the download log). Until stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval, once, **options):
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        names = ", ".join(job.command for job in scheduler.jobs())
        self.stdout.write(f"Scheduler: {names}; every {interval:g} s, the daily jobs from the set hour.")
        while not stop.is_set():
            for job in scheduler.jobs():
                try:
                    scheduler.run(job, self.stdout)
                except Exception as error:  # keep going: a database restart or a mail server away must not end it
                    self.stderr.write(f"{job.command} failed: {error}")
            if once:
                break
            close_old_connections()  # between runs, so a restarted database is reconnected to
            stop.wait(interval)
