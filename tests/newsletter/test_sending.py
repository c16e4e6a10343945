"""Sending an edition: one mail per confirmed subscriber, never twice, resumable after an interruption."""

import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

from newsletter.models import Delivery
from tests.builders import make_article
from tests.events.builders import days_from_today, make_agenda, make_event
from tests.newsletter.backends import FailingAfterBackend
from tests.newsletter.builders import make_edition, make_subscribers

pytestmark = pytest.mark.django_db


def send(edition, **options):
    output = io.StringIO()
    call_command("send_newsletter", str(edition.pk), stdout=output, **options)
    return output.getvalue()


@pytest.fixture
def edition(site, newsletter):
    article = make_article(site.news_index, title="Toolkit vuurwerk", summary="Een toolkit.")
    event = make_event(make_agenda(site.home), title="Kennissessie", save_the_date=True)
    return make_edition(newsletter, [article, event], title="Nieuwsbrief december")


def test_each_confirmed_subscriber_gets_one_accessible_mail_with_one_click_unsubscribe(edition):
    confirmed = make_subscribers(3)
    make_subscribers(1, status="pending", prefix="wacht")
    make_subscribers(1, status="unsubscribed", prefix="weg")
    output = send(edition, batch_size=2)

    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        subscriber.email for subscriber in confirmed
    )
    assert "2/3 verzonden (66%)" in output and "3/3 verzonden (100%)" in output
    message = mail.outbox[0]
    assert message.subject == "Nieuwsbrief december"
    assert "Toolkit vuurwerk" in message.body and "Kennissessie" in message.body  # the text part
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="nl">' in html and "<h1 " in html and "Toolkit vuurwerk</a></h2>" in html
    assert 'style="' in html and "<style" not in html and "<link" not in html  # inline styles only
    assert "<img" not in html  # no tracking pixels (and no images at all)
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/nieuwsbrief/afmelden/" in unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in html and unsubscribe.strip("<>") in message.body


def test_sending_twice_sends_each_subscriber_one_mail(edition):
    make_subscribers(4)
    send(edition)
    assert len(mail.outbox) == 4
    output = send(edition)
    assert len(mail.outbox) == 4
    assert "Klaar: 0 nieuw verzonden." in output
    assert Delivery.objects.filter(edition=edition, sent_at__isnull=False).count() == 4


def test_an_interrupted_send_resumes_without_duplicates(edition):
    subscribers = make_subscribers(5)
    FailingAfterBackend.limit, FailingAfterBackend.sent = 2, 0
    with (
        override_settings(EMAIL_BACKEND="tests.newsletter.backends.FailingAfterBackend"),
        pytest.raises(ConnectionError),
    ):
        send(edition, batch_size=2)
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(edition=edition).count() == 2  # the failed mail's claim was released

    send(edition, batch_size=2)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(subscriber.email for subscriber in subscribers)  # everyone exactly once


def test_a_subscriber_who_signs_up_later_gets_the_edition_on_the_next_run(edition):
    make_subscribers(2)
    send(edition)
    (late,) = make_subscribers(1, prefix="laat")
    send(edition)
    assert [message.to for message in mail.outbox[2:]] == [[late.email]]


def test_a_draft_edition_is_not_sent(newsletter):
    draft = make_edition(newsletter, live=False)
    make_subscribers(1)
    with pytest.raises(CommandError):
        send(draft)
    assert not mail.outbox


def test_a_mail_marks_an_announcement_to_come_save_the_date_and_a_past_one_as_past(site, newsletter):
    agenda = make_agenda(site.home)
    coming = make_event(agenda, title="Kennissessie", save_the_date=True)
    past = make_event(agenda, title="Vorige sessie", save_the_date=True, start_date=days_from_today(-3))
    make_subscribers(1)
    send(make_edition(newsletter, [coming, past]))

    ((html, _),) = mail.outbox[0].alternatives
    assert "Save the date · " + coming.when in html
    assert "Geweest · " + past.when in html and "Save the date · " + past.when not in html
