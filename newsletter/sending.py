"""Sending an edition through Django's e-mail backend, in batches, at most once per subscriber.

Each subscriber's delivery is claimed (a row, unique per edition and subscriber) before the mail goes out and
marked sent right after. A second run, or one resumed after an interruption, skips every claimed subscriber, and
two runs at the same time cannot both claim the same one. A mail whose sending raised is unclaimed again and the
run stops, so the next run retries it; an address the mail server refuses is marked failed and not retried. Only
a hard crash between claim and send leaves a claim with neither, which `unconfirmed_count` reports rather than
risking a second mail.

The admin (newsletter.admin_views) gives the order to send (a Mailing); the scheduler carries it out through
`send_newsletter --due`, a bounded number of mails per run, so scheduled publishing keeps its minute.
"""

from smtplib import SMTPRecipientsRefused
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from newsletter import tokens
from newsletter.models import Delivery, Mailing, Subscriber


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


LINK_STYLE = "color:#0b4f6c;text-decoration:underline;"


def mail_intro(edition, edition_url):
    """The intro as rich text for a mail, HTML and plain text: page links expanded, every link absolute (a link
    relative to the site goes nowhere from a mailbox), and in the text each link's address after its words."""
    soup = BeautifulSoup(expand_db_html(edition.intro), "html.parser")
    for link in soup.find_all("a", href=True):
        link["href"] = urljoin(edition_url, link["href"])
        link["style"] = LINK_STYLE
    html = mark_safe(str(soup))  # noqa: S308 - Wagtail's rich text, cleaned by its editor's whitelist
    for link in soup.find_all("a", href=True):
        link.replace_with(f"{link.get_text()} ({link['href']})")
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    paragraphs = [paragraph.get_text().strip() for paragraph in soup.find_all("p")] or [soup.get_text().strip()]
    return html, "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def unsubscribe_url(subscriber):
    return base_url() + reverse("newsletter_unsubscribe", args=[tokens.unsubscribe_token(subscriber)])


# Stands in for a subscriber's own unsubscribe link while an edition's mail is rendered, once for all subscribers.
UNSUBSCRIBE_PLACEHOLDER = "newsletter-unsubscribe-link-placeholder"


class EditionMail:
    """An edition's mail, rendered once (text and HTML); `message()` makes each subscriber's copy of it."""

    def __init__(self, edition, *, subject_prefix=""):
        edition_url = edition.get_full_url()
        intro_html, intro_text = mail_intro(edition, edition_url)
        context = {
            "edition": edition,
            "entries": edition.entries(),
            "edition_url": edition_url,
            "intro_html": intro_html,
            "intro_text": intro_text,
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            "site_name": "Veiligheidscoalitie Midden-Nederland",
        }
        self.subject = subject_prefix + edition.title
        self.text = render_to_string("newsletter/email/edition.txt", context)
        self.html = render_to_string("newsletter/email/edition.html", context)

    def message(self, email, unsubscribe_link):
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_link),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(self.html.replace(UNSUBSCRIBE_PLACEHOLDER, escape(unsubscribe_link)), "text/html")
        return message


def send_test(edition, email):
    """The edition as subscribers will get it, to one address only (an editor's own), marked as a test."""
    index_url = edition.get_parent().get_full_url()  # no subscriber: the sign-up page stands in for unsubscribing
    EditionMail(edition, subject_prefix="[Test] ").message(email, index_url).send()


def recipients(edition):
    """Confirmed subscribers who have not been claimed for this edition, in a stable order."""
    return Subscriber.objects.confirmed().exclude(deliveries__edition=edition).order_by("pk")


def claim(edition, subscriber):
    try:
        with transaction.atomic():
            return Delivery.objects.create(edition=edition, subscriber=subscriber)
    except IntegrityError:
        return None  # already claimed by another run


def send_edition(edition, *, batch_size=100, limit=None, progress=None):
    """Send the edition to confirmed subscribers who have not had it, at most `limit` (None: all); returns the
    number sent now.

    `progress(sent_total, total)` is called after each batch.
    """
    edition_mail = EditionMail(edition)
    sent_now = 0
    while limit is None or sent_now < limit:
        size = batch_size if limit is None else min(batch_size, limit - sent_now)
        batch = list(recipients(edition)[:size])
        if not batch:
            break
        with get_connection() as connection:
            for subscriber in batch:
                delivery = claim(edition, subscriber)
                if delivery is None:
                    continue
                try:
                    connection.send_messages([edition_mail.message(subscriber.email, unsubscribe_url(subscriber))])
                except SMTPRecipientsRefused as error:  # this address, not the server: record it and go on
                    delivery.failed_at = timezone.now()
                    delivery.error = str(error)[:255]
                    delivery.save(update_fields=["failed_at", "error"])
                    continue
                except Exception:
                    delivery.delete()  # not sent: the next run tries this subscriber again
                    raise
                delivery.sent_at = timezone.now()
                delivery.save(update_fields=["sent_at"])
                sent_now += 1
        if progress:
            counts = delivery_counts(edition)
            progress(counts["sent"], counts["total"])
    return sent_now


def delivery_counts(edition):
    """How far sending got: sent, failed, not confirmed (claimed, outcome unknown), still to send, and the total."""
    deliveries = Delivery.objects.filter(edition=edition)
    counts = {
        "sent": deliveries.filter(sent_at__isnull=False).count(),
        "failed": deliveries.filter(failed_at__isnull=False).count(),
        "unconfirmed": deliveries.filter(sent_at__isnull=True, failed_at__isnull=True).count(),
        "to_send": recipients(edition).count(),
    }
    counts["total"] = sum(counts.values())
    return counts


def unconfirmed_count(edition):
    """Claims without a recorded outcome: a run was killed between claim and send; those mails may have gone."""
    return Delivery.objects.filter(edition=edition, sent_at__isnull=True, failed_at__isnull=True).count()


def run_due_mailings(*, batch_size=100, limit=None, progress=None):
    """Carry out the mailings whose time has come, up to `limit` mails in all; returns the number sent now.

    A mailing is finished when no confirmed subscriber is left to send to.
    """
    sent_now = 0
    for mailing in Mailing.objects.due().select_related("edition"):
        if limit is not None and sent_now >= limit:
            break
        if mailing.started_at is None:
            mailing.started_at = timezone.now()
            mailing.save(update_fields=["started_at"])
        edition = mailing.edition
        remaining = None if limit is None else limit - sent_now
        sent_now += send_edition(edition, batch_size=batch_size, limit=remaining, progress=progress)
        if not recipients(edition).exists():
            mailing.finished_at = timezone.now()
            mailing.save(update_fields=["finished_at"])
    return sent_now
