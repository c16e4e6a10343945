from django.core.management.base import BaseCommand

from apothekerskast.access import expire_memberships


class Command(BaseCommand):
    help = "Takes the members group away from everyone whose access to the apothekerskast has ended. Run daily."

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_memberships()} lidmaatschap(pen) beëindigd.")
