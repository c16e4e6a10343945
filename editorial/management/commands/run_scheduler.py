"""Every minute: publish and expire scheduled pages (`publish_scheduled`), then carry out the newsletter mailings
that are due (`send_newsletter --due`). For `make run` and compose."""

import signal
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


def jobs():
    """The commands each run carries out, in order, with their options."""
    yield "publish_scheduled", {}
    # A bounded number of mails per run, so a large mailing does not hold up scheduled publishing; the rest
    # goes out in the next runs.
    yield "send_newsletter", {"due": True, "limit": settings.NEWSLETTER_MAILS_PER_RUN}


class Command(BaseCommand):
    help = "Runs publish_scheduled and send_newsletter --due every --interval seconds (default 60) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, interval, once, **options):
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"Scheduler: publish_scheduled and send_newsletter --due every {interval:g} s.")
        while not stop.is_set():
            for name, job_options in jobs():
                try:
                    call_command(name, stdout=self.stdout, stderr=self.stderr, **job_options)
                except Exception as error:  # keep going: a database restart or a mail server away must not end it
                    self.stderr.write(f"{name} failed: {error}")
            if once:
                break
            close_old_connections()  # between runs, so a restarted database is reconnected to
            stop.wait(interval)
