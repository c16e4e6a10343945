import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apothekerskast.models import AccessRequest, Organisation, OrganisationDomain


class Command(BaseCommand):
    help = (
        "Creates (or resets) an approved demo member of the apothekerskast with a random password and TOTP "
        "secret, and prints them. For demos only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", default="ambtenaar@example.org")

    @transaction.atomic
    def handle(self, *args, email, **options):
        organisation = Organisation.for_email(email)
        if organisation is None:
            domains = ", ".join(OrganisationDomain.objects.values_list("domain", flat=True)) or "none"
            raise CommandError(f"No organisation has the domain of {email} (known domains: {domains}).")
        User = get_user_model()
        password = secrets.token_urlsafe(16)
        user = User.objects.filter(email=email).first() or User(email=email, first_name="Demo", last_name="Ambtenaar")
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        user.authenticator_set.all().delete()
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        codes = RecoveryCodes.activate(user).get_unused_codes()
        AccessRequest.objects.filter(user=user).delete()
        access_request = AccessRequest.objects.create(
            user=user, organisation=organisation, reason="Demo-account (create_demo_official)."
        )
        access_request.approve(by=None)
        self.stdout.write(
            "\n".join(
                [
                    f"Demo official: {email}",
                    f"Password:      {password}",
                    f"TOTP secret:   {secret}  (add it to an authenticator app, or: oathtool --totp -b {secret})",
                    f"Recovery codes: {' '.join(codes)}",
                    f"Access until:  {access_request.expires_at:%Y-%m-%d}",
                ]
            )
        )
