"""Double opt-in: sign up, confirm with a link that expires, consent recorded; one-click unsubscribe."""

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client

from newsletter import tokens
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def sign_up(client, email="lid@example.org", consent="on"):
    return client.post("/nieuwsbrief/", {"email": email, "consent": consent})


def confirmation_link():
    (message,) = mail.outbox
    return re.search(r"http://testserver(/nieuwsbrief/bevestigen/[^/\s]+/)", message.body).group(1)


def test_sign_up_sends_a_confirmation_link_and_confirming_records_the_consent(client, newsletter):
    response = sign_up(client)
    assert response.status_code == 302
    assert "we hebben u een e-mail gestuurd" in client.get(response["Location"]).content.decode()
    subscriber = Subscriber.objects.get(email="lid@example.org")
    assert subscriber.status == "pending" and subscriber.consent_at is None
    assert mail.outbox[0].to == ["lid@example.org"]

    link = confirmation_link()
    page = client.get(link)  # following the link (as a mail scanner would) confirms nothing yet
    assert page.status_code == 200 and "Aanmelding bevestigen" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"

    assert "Uw aanmelding is bevestigd" in client.post(link).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.consent_at is not None
    assert subscriber.consent_source == "aanmeldformulier /nieuwsbrief/; bevestigd via de link in de e-mail"


def test_sign_up_needs_a_valid_address_and_explicit_consent(client, newsletter):
    assert sign_up(client, email="geen-adres").status_code == 400
    assert sign_up(client, consent="").status_code == 400
    assert not Subscriber.objects.exists() and not mail.outbox


class PastSigner(signing.TimestampSigner):
    """Signs as if it were four days ago."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 4 * 24 * 3600)


def test_an_expired_or_forged_confirmation_link_confirms_nothing(client, newsletter):
    sign_up(client)
    subscriber = Subscriber.objects.get()
    expired = PastSigner(salt=tokens.CONFIRM_SALT).sign_object({"id": subscriber.pk, "email": subscriber.email})
    response = client.post(f"/nieuwsbrief/bevestigen/{expired}/")
    assert response.status_code == 410 and "verlopen" in response.content.decode()
    assert client.post(f"/nieuwsbrief/bevestigen/{tokens.confirm_token(subscriber)}x/").status_code == 400
    forged = signing.dumps({"id": subscriber.pk, "email": subscriber.email}, salt=tokens.UNSUBSCRIBE_SALT)
    assert client.post(f"/nieuwsbrief/bevestigen/{forged}/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_signing_up_again_does_not_reveal_or_change_a_confirmed_subscription(client, newsletter):
    from tests.newsletter.builders import make_subscribers

    (subscriber,) = make_subscribers(1)
    response = sign_up(client, email=subscriber.email)
    assert response.status_code == 302 and not mail.outbox
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


def test_one_click_unsubscribe_works_without_a_csrf_token(newsletter):
    from tests.newsletter.builders import make_subscribers

    (subscriber,) = make_subscribers(1)
    url = f"/nieuwsbrief/afmelden/{tokens.unsubscribe_token(subscriber)}/"
    client = Client(enforce_csrf_checks=True)
    assert "Wilt u de nieuwsbrief niet meer ontvangen?" in client.get(url).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"  # a GET (a link preview) unsubscribes nobody

    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "U bent afgemeld" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at is not None
    assert client.post("/nieuwsbrief/afmelden/vals/").status_code == 400


def test_twelve_sign_ups_for_one_address_send_three_mails_at_most(newsletter):
    """Nobody can flood someone else's mailbox with confirmation mails, from one network or from many."""
    answers = [sign_up(Client(REMOTE_ADDR=f"192.0.2.{number}")).status_code for number in range(1, 13)]
    assert len(mail.outbox) == 3
    assert answers == [302] * 3 + [429] * 9


def test_one_client_signs_up_ten_addresses_at_most(client, newsletter):
    for number in range(10):
        assert sign_up(client, f"lid{number}@example.org").status_code == 302
    refused = sign_up(client, "nog-een@example.org")
    assert refused.status_code == 429
    assert "te veel aanmeldingen" in refused.content.decode()
    assert len(mail.outbox) == 10
