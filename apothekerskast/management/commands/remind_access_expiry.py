from django.core.management.base import BaseCommand

from apothekerskast.models import AccessRequest
from apothekerskast.models.access import reminder_window
from apothekerskast.notifications import send_expiry_reminder


class Command(BaseCommand):
    help = "E-mails members whose access to the apothekerskast expires within a month (once per approval). Run daily."

    def handle(self, *args, **options):
        due = (
            AccessRequest.objects.expiring_within(reminder_window())
            .filter(reminder_sent_at__isnull=True)
            .select_related("user")
        )
        count = 0
        for access_request in due:
            send_expiry_reminder(access_request)
            count += 1
        self.stdout.write(f"{count} herinnering(en) verstuurd.")
