from django.core.management.base import BaseCommand

from apothekerskast import alerts


class Command(BaseCommand):
    help = "E-mails members about toolkits published under a theme they follow (apothekerskast.alerts). Run often."

    def handle(self, *args, **options):
        self.stdout.write(f"{alerts.send()} melding(en) over nieuwe toolkits verstuurd.")
