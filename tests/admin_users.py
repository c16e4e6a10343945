"""Users who work in the Wagtail admin, ready to pass the site's second-factor gate (real rows, no mocks)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "een-lang-genoeg-wachtwoord"


def make_admin_user(email, *, groups=(), superuser=False):
    """A user with a verified address and a TOTP authenticator, in the named groups (or a superuser)."""
    model = get_user_model()
    if superuser:
        user = model.objects.create_superuser(email=email, password=PASSWORD)
    else:
        user = model.objects.create_user(email=email, password=PASSWORD)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    if apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    return user
