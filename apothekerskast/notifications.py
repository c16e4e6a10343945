"""E-mails about the library (plain text, Dutch): to officials about their access and their organisation, and to the
library managers about new requests."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone


def _send(template, recipient, **context):
    _send_to(template, [recipient], **context)


def _send_to(template, recipients, **context):
    """One mail to `recipients` together (the managers see who else got it, as colleagues do)."""
    if not recipients:
        return
    context.setdefault("site_url", settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, recipients)


def library_managers():
    """The addresses of the active users who decide on access requests (the group Bibliotheekbeheer; the
    Beheerder group holds every permission, so its members too), known only by that permission (see access.py)."""
    permission = Permission.objects.get(content_type__app_label="apothekerskast", codename="change_accessrequest")
    users = get_user_model().objects.filter(is_active=True)
    users = users.filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
    return sorted(set(users.values_list("email", flat=True)))


def send_new_access_request(access_request):
    _send_to("apothekerskast/email/new_access_request.txt", library_managers(), access_request=access_request)


def send_organisation_request(organisation_request):
    _send_to(
        "apothekerskast/email/organisation_request.txt", library_managers(), organisation_request=organisation_request
    )


def send_domain_added(organisation_request):
    """Tell the official the domain is known now, once."""
    waiting = type(organisation_request).objects.filter(pk=organisation_request.pk, domain_added_at__isnull=True)
    if waiting.update(domain_added_at=timezone.now()):
        _send(
            "apothekerskast/email/domain_added.txt",
            organisation_request.email,
            organisation_request=organisation_request,
        )


def send_decision(access_request):
    _send(
        f"apothekerskast/email/{access_request.status}.txt",
        access_request.user.email,
        access_request=access_request,
    )


def send_expiry_reminder(access_request):
    _send("apothekerskast/email/expiry_reminder.txt", access_request.user.email, access_request=access_request)
    access_request.reminder_sent_at = timezone.now()
    access_request.save(update_fields=["reminder_sent_at"])
