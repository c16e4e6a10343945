"""Sending an edition from the admin: a test mail to yourself, then "Verzenden naar N abonnees" with a confirmation,
carried out by the scheduler in bounded runs, at most once per subscriber, resumed after an interruption."""

import collections
import datetime
import io
from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from editorial.roles import EINDREDACTIE, REDACTEUR
from newsletter.models import Delivery, Mailing, Subscriber
from tests.admin_users import make_admin_user
from tests.builders import make_article
from tests.newsletter.backends import FailingAfterBackend
from tests.newsletter.builders import make_edition, make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(site, newsletter):
    article = make_article(site.news_index, title="Toolkit vuurwerk", summary="Een toolkit.")
    return make_edition(newsletter, [article], title="Nieuwsbrief december")


@pytest.fixture
def chief(db):
    return make_admin_user("eindredactie@example.org", groups=[EINDREDACTIE])


@pytest.fixture
def writer(db):
    return make_admin_user("redacteur@example.org", groups=[REDACTEUR])


def send_url(edition):
    return reverse("newsletter_send", args=[edition.pk])


def run_scheduler():
    output, errors = io.StringIO(), io.StringIO()
    call_command("run_scheduler", once=True, stdout=output, stderr=errors)
    return output.getvalue() + errors.getvalue()


def order_sending(client, edition, **fields):
    """The two steps in the admin: "Verzenden naar N abonnees", then the confirmation."""
    data = {"when": "now", "send_at": "", **fields}
    review = client.post(send_url(edition), {**data, "action": "review"})
    assert review.status_code == 200
    return review, client.post(send_url(edition), {**data, "action": "confirm"}, follow=True)


def test_a_test_send_reaches_only_the_editor(client, edition, chief):
    make_subscribers(3)
    client.force_login(chief)
    response = client.post(send_url(edition), {"action": "test"}, follow=True)

    assert [message.to for message in mail.outbox] == [[chief.email]]
    assert mail.outbox[0].subject == "[Test] Nieuwsbrief december"
    assert "Toolkit vuurwerk" in mail.outbox[0].body
    assert f"Testmail van ‘Nieuwsbrief december’ verzonden naar {chief.email}" in response.content.decode()
    assert not Delivery.objects.exists() and not Mailing.objects.exists()
    run_scheduler()
    assert len(mail.outbox) == 1  # nothing was ordered


def test_a_redacteur_cannot_send_and_sees_no_button(client, edition, writer, chief):
    edit_url = reverse("wagtailadmin_pages:edit", args=[edition.pk])
    client.force_login(chief)
    assert send_url(edition) in client.get(edit_url).content.decode()

    make_subscribers(2)
    client.force_login(writer)
    assert client.get(edit_url).status_code == 200
    assert send_url(edition) not in client.get(edit_url).content.decode()
    assert client.get(send_url(edition)).status_code == 403
    assert client.post(send_url(edition), {"action": "test"}).status_code == 403
    assert client.post(send_url(edition), {"action": "confirm", "when": "now"}).status_code == 403
    run_scheduler()
    assert mail.outbox == [] and not Mailing.objects.exists()


def test_5000_subscribers_interrupted_half_way_and_resumed_by_the_scheduler_get_exactly_one_mail_each(
    client, edition, chief
):
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lezer{n}@example.org", status=Subscriber.Status.CONFIRMED, consent_source="test")
        for n in range(5000)
    )
    client.force_login(chief)
    page = client.get(send_url(edition)).content.decode()
    assert "Verzenden naar 5000 abonnees" in page and "Testmail" in page

    review, confirmed = order_sending(client, edition)
    assert "U verstuurt ‘Nieuwsbrief december’ nu naar 5000 abonnees" in review.content.decode()
    assert "Ja, verzenden naar 5000 abonnees" in review.content.decode()
    assert "‘Nieuwsbrief december’ gaat naar 5000 abonnees" in confirmed.content.decode()
    assert mail.outbox == []  # the scheduler sends, in the background

    # The mail server goes away after 2,500 mails: the run stops there.
    FailingAfterBackend.limit, FailingAfterBackend.sent = 2500, 0
    with override_settings(
        EMAIL_BACKEND="tests.newsletter.backends.FailingAfterBackend", NEWSLETTER_MAILS_PER_RUN=10_000
    ):
        assert "send_newsletter failed: SMTP server went away" in run_scheduler()
    assert len(mail.outbox) == 2500
    progress = client.get(send_url(edition)).content.decode()
    assert "2500 van 5000 verzonden" in progress

    # The next runs of the scheduler (at most 1,000 mails each) send the rest.
    with override_settings(NEWSLETTER_MAILS_PER_RUN=1000):
        for _ in range(3):
            run_scheduler()
    assert len(mail.outbox) == 5000
    assert Mailing.objects.get().finished_at is not None
    run_scheduler()
    received = collections.Counter(address for message in mail.outbox for address in message.to)
    assert len(received) == 5000 and set(received.values()) == {1}

    result = client.get(send_url(edition)).content.decode()
    assert "Klaar op" in result
    assert "<dt>Verzonden</dt><dd>5000</dd>" in result
    assert "<dt>Mislukt (adres geweigerd)</dt><dd>0</dd>" in result


def test_a_second_send_is_refused(client, edition, chief):
    make_subscribers(2)
    client.force_login(chief)
    order_sending(client, edition)
    run_scheduler()
    assert len(mail.outbox) == 2

    page = client.get(send_url(edition)).content.decode()
    assert "Verzenden naar" not in page
    response = client.post(send_url(edition), {"action": "confirm", "when": "now"}, follow=True)
    assert "een tweede verzending is niet mogelijk" in response.content.decode()
    make_subscribers(1)
    run_scheduler()
    assert Mailing.objects.count() == 1 and len(mail.outbox) == 2


def test_sending_at_a_chosen_time_waits_for_it(client, edition, chief):
    make_subscribers(2)
    client.force_login(chief)
    later = timezone.localtime() + datetime.timedelta(days=1)
    send_at = later.strftime("%Y-%m-%d %H:%M")
    review, _ = order_sending(client, edition, when="later", send_at=send_at)
    assert "U verstuurt ‘Nieuwsbrief december’ op " in review.content.decode()
    run_scheduler()
    assert mail.outbox == []
    assert "Ingepland voor" in client.get(send_url(edition)).content.decode()

    Mailing.objects.update(send_at=timezone.now())
    run_scheduler()
    assert len(mail.outbox) == 2


def test_a_time_in_the_past_is_refused_with_a_dutch_error(client, edition, chief):
    client.force_login(chief)
    response = client.post(send_url(edition), {"action": "review", "when": "later", "send_at": "2020-01-01 09:00"})
    assert response.status_code == 400
    assert "Kies een tijdstip in de toekomst" in response.content.decode()
    assert not Mailing.objects.exists()


class RefusingBackend(EmailBackend):
    """The mail server refuses one address."""

    def send_messages(self, messages):
        if any("weiger" in address for message in messages for address in message.to):
            raise SMTPRecipientsRefused({"weiger@example.org": (550, b"No such user")})
        return super().send_messages(messages)


def test_a_refused_address_counts_as_failed_and_the_rest_is_sent(client, edition, chief):
    make_subscribers(2)
    make_subscribers(1, prefix="weiger")
    client.force_login(chief)
    order_sending(client, edition)
    with override_settings(EMAIL_BACKEND=f"{__name__}.RefusingBackend"):
        run_scheduler()
    assert len(mail.outbox) == 2
    result = client.get(send_url(edition)).content.decode()
    assert "<dt>Verzonden</dt><dd>2</dd>" in result and "<dt>Mislukt (adres geweigerd)</dt><dd>1</dd>" in result
    assert "Klaar op" in result
