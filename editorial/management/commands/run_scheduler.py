"""Publish and expire scheduled pages every minute: `publish_scheduled` in a loop, for `make run` and compose."""

import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Runs Wagtail's publish_scheduled every --interval seconds (default 60) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run publish_scheduled once and stop.")

    def handle(self, *args, interval, once, **options):
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(f"Scheduler: publish_scheduled every {interval:g} s.")
        while not stop.is_set():
            try:
                call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            except Exception as error:  # keep going: a database restart must not end scheduling for good
                self.stderr.write(f"publish_scheduled failed: {error}")
            if once:
                break
            close_old_connections()  # between runs, so a restarted database is reconnected to
            stop.wait(interval)
