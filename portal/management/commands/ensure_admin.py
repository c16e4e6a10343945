import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Creates the first administrator with a random password, printed once; does nothing if one exists."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An administrator exists already; reset a password with `manage.py changepassword E-MAIL`."
            )
            return
        password = secrets.token_urlsafe(16)
        user = User.objects.create_superuser(email=email, password=password)
        # Logins go through allauth, which requires a verified address.
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        self.stdout.write(
            self.style.SUCCESS(f"Administrator created. Log in at /admin/ as {email} with password: {password}")
        )
        self.stdout.write("This password is shown only now. After logging in you set up two-factor authentication.")
