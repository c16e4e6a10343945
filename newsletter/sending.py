"""Sending an edition through Django's e-mail backend, in batches, at most once per subscriber.

Each subscriber's delivery is claimed (a row, unique per edition and subscriber) before the mail goes out and
marked sent right after. A second run, or one resumed after an interruption, skips every claimed subscriber, and
two runs at the same time cannot both claim the same one. A mail whose sending raised is unclaimed again, so
the next run retries it; only a hard crash between claim and send leaves a claim without `sent_at`, which
`unconfirmed_count` reports rather than risking a second mail.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from newsletter import tokens
from newsletter.models import Delivery, Subscriber


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def build_message(edition, entries, subscriber):
    unsubscribe_url = base_url() + reverse("newsletter_unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
    context = {
        "edition": edition,
        "entries": entries,
        "edition_url": edition.get_full_url(),
        "unsubscribe_url": unsubscribe_url,
        "site_name": "Veiligheidscoalitie Midden-Nederland",
    }
    message = EmailMultiAlternatives(
        subject=edition.title,
        body=render_to_string("newsletter/email/edition.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("newsletter/email/edition.html", context), "text/html")
    return message


def recipients(edition):
    """Confirmed subscribers who have not been claimed for this edition, in a stable order."""
    return Subscriber.objects.confirmed().exclude(deliveries__edition=edition).order_by("pk")


def claim(edition, subscriber):
    try:
        with transaction.atomic():
            return Delivery.objects.create(edition=edition, subscriber=subscriber)
    except IntegrityError:
        return None  # already claimed by another run


def send_edition(edition, *, batch_size=100, progress=None):
    """Send the edition to every confirmed subscriber who has not had it; returns the number sent now.

    `progress(sent_total, total)` is called after each batch.
    """
    entries = edition.entries()
    total = Subscriber.objects.confirmed().count()
    sent_now = 0
    while True:
        batch = list(recipients(edition)[:batch_size])
        if not batch:
            break
        with get_connection() as connection:
            for subscriber in batch:
                delivery = claim(edition, subscriber)
                if delivery is None:
                    continue
                try:
                    connection.send_messages([build_message(edition, entries, subscriber)])
                except Exception:
                    delivery.delete()  # not sent: the next run tries this subscriber again
                    raise
                delivery.sent_at = timezone.now()
                delivery.save(update_fields=["sent_at"])
                sent_now += 1
        if progress:
            progress(sent_count(edition), total)
    return sent_now


def sent_count(edition):
    return Delivery.objects.filter(edition=edition, sent_at__isnull=False).count()


def unconfirmed_count(edition):
    """Claims without a recorded send: a run was killed between the two; those mails may or may not have gone."""
    return Delivery.objects.filter(edition=edition, sent_at__isnull=True).count()
