from allauth.usersessions.models import UserSession
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Removes ended sessions: the expired ones from the session store (Django's clearsessions), and their lines on "
        "the sessions page (allauth's UserSession: IP address and browser). Run daily."
    )

    def handle(self, *args, **options):
        call_command("clearsessions")
        ended = sum(user_session.purge() for user_session in UserSession.objects.iterator())
        self.stdout.write(f"{ended} beëindigde sessie(s) verwijderd.")
