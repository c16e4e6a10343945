"""Invitations: a user an administrator creates in the admin gets a mail naming the portal with a link to set a
password (allauth's password reset by key). The address counts as verified: the administrator typed it."""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse


def set_password_url(user):
    """An absolute link, at WAGTAILADMIN_BASE_URL, where the user chooses a password (valid PASSWORD_RESET_TIMEOUT)."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invite(user):
    EmailAddress.objects.update_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email, "verified": True, "primary": True}
    )
    context = {
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "link": set_password_url(user),
        "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 3600),
    }
    subject, _, body = render_to_string("editorial/email/invitation.txt", context).strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, [user.email])
