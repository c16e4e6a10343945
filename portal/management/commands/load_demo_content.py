from django.core.management.base import BaseCommand
from django.db import transaction

from news.demo import load_news
from portal.demo import load_site


class Command(BaseCommand):
    help = "Builds the demo site from the fixtures derived from the user's seed documents. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        home = load_site()
        index = load_news(home)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content loaded: {index.get_children().live().count()} news articles.")
        )
