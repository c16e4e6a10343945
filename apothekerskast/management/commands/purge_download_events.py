from django.core.management.base import BaseCommand

from apothekerskast.models import DownloadEvent


class Command(BaseCommand):
    help = "Deletes download events older than APOTHEKERSKAST_DOWNLOAD_RETENTION_DAYS (default 18 months). Run daily."

    def handle(self, *args, **options):
        deleted, _ = DownloadEvent.objects.past_retention().delete()
        self.stdout.write(f"{deleted} downloadregistratie(s) verwijderd.")
