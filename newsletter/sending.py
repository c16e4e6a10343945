"""Sending an edition through Django's e-mail backend, in batches, at most once per subscriber.

Each subscriber's delivery is claimed (a row, unique per edition and subscriber) before the mail goes out and
marked sent right after. A second run, or one resumed after an interruption, skips every claimed subscriber, and
two runs at the same time cannot both claim the same one. A mail whose sending raised is unclaimed again, so
the next run retries it; only a hard crash between claim and send leaves a claim without `sent_at`, which
`unconfirmed_count` reports rather than risking a second mail.
"""

from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from newsletter import tokens
from newsletter.models import Delivery, Subscriber


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


def edition_context(edition):
    """What every subscriber's mail of an edition shares, worked out once per sending run."""
    edition_url = edition.get_full_url()
    intro_html, intro_text = mail_intro(edition, edition_url)
    return {
        "edition": edition,
        "entries": edition.entries(),
        "edition_url": edition_url,
        "intro_html": intro_html,
        "intro_text": intro_text,
        "site_name": "Veiligheidscoalitie Midden-Nederland",
    }


def build_message(shared, subscriber):
    """One subscriber's mail: the edition's shared context (edition_context) and their own unsubscribe link."""
    edition = shared["edition"]
    unsubscribe_url = base_url() + reverse("newsletter_unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
    context = {**shared, "unsubscribe_url": unsubscribe_url}
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
    shared = edition_context(edition)
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
                    connection.send_messages([build_message(shared, subscriber)])
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
