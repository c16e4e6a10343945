"""Writes the site's own error pages as static files for the shared cache in front (deploy/varnish/), which serves
them when the application cannot answer: 503.html (the site's 503 page, or its 500 page when it has none) and
429.html (too many searches: too_many_searches.html)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.template import loader

PAGES = {"503.html": ["503.html", "500.html"], "429.html": ["too_many_searches.html"]}


class Command(BaseCommand):
    help = "Render the static error pages the shared cache serves into a folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        folder.mkdir(parents=True, exist_ok=True)
        for name, templates in PAGES.items():
            # No request: like the application's own error view, rendered without the database.
            (folder / name).write_text(loader.select_template(templates).render(), encoding="utf-8")
            folder.joinpath(name).chmod(0o644)
        self.stdout.write(f"Error pages written to {folder}.")
