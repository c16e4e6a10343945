"""E-mails to officials about their access to the library (plain text, Dutch)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone


def _send(template, recipient, **context):
    context.setdefault("site_url", settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, [recipient])


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
