import time
from datetime import UTC, datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from allauth.mfa.models import Authenticator
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from apothekerskast.models import Organisation


class AccountAdapter(DefaultAccountAdapter):
    """Only addresses at exactly a known organisation's domain, on sign-up and when adding or changing one; no
    second password prompt when setting up a first second factor right after logging in."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": "Te veel mislukte inlogpogingen. Probeer het over vijf minuten opnieuw.",
    }

    def clean_email(self, email):
        email = super().clean_email(email)
        if Organisation.for_email(email) is None:
            raise forms.ValidationError(
                format_html(
                    "Met dit e-mailadres kunt u geen account aanmaken. Gebruik het werkadres van uw gemeente of "
                    'organisatie. <a href="{}">Staat uw organisatie er niet bij?</a>',
                    reverse("apothekerskast_organisation_request"),
                ),
                code="organisation_domain",
            )
        return email

    def send_mail(self, template_prefix, email, context):
        """allauth's mails name the portal (WAGTAIL_SITE_NAME at WAGTAILADMIN_BASE_URL), not the host and port of the
        request that caused them."""
        return super().send_mail(template_prefix, email, {"current_site": portal_site(), **context})

    def get_email_verification_redirect_url(self, email_address):
        """After confirming the address of a new account in another browser than the one that signed up (which
        ACCOUNT_SIGNUP_REDIRECT_URL takes on to the access request), the login page leads to the access request."""
        if self.request.user.is_authenticated:
            return super().get_email_verification_redirect_url(email_address)
        return f"{reverse('account_login')}?{urlencode({'next': reverse(settings.ACCOUNT_SIGNUP_REDIRECT_URL)})}"

    def is_reauthentication_required(self, *, app, **kwargs):
        """Whether allauth asks for the password again before `app` changes something sensitive.

        allauth asks before every change to the second factors, even seconds after the password was typed to log
        in. Someone without a second factor is sent to set one up at once (SecondFactorRequiredMiddleware); that
        set-up (the code, then the recovery codes) does not ask again within the reauthentication timeout of the
        login.
        """
        request = context.request
        if app == "allauth.mfa" and request is not None and second_factor_set_up_after_login(request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def portal_site():
    """The site as allauth's mail templates name it: current_site.name and current_site.domain."""
    return SimpleNamespace(name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc)


def second_factor_set_up_after_login(request):
    """Whether the user logged in with a password less than the reauthentication timeout ago, without a second
    factor at the time."""
    if not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    if not records or records[-1]["method"] != "password":
        return False
    logged_in_at = records[-1]["at"]
    if time.time() - logged_in_at >= app_settings.REAUTHENTICATION_TIMEOUT:
        return False
    had_second_factor = Authenticator.objects.filter(
        user=request.user, created_at__lt=datetime.fromtimestamp(logged_in_at, UTC)
    ).exists()
    return not had_second_factor
