"""Signed links in newsletter mails: a confirmation link that expires, an unsubscribe link that does not."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


def confirm_max_age():
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)


def confirm_token(subscriber):
    return signing.dumps({"id": subscriber.pk, "email": subscriber.email}, salt=CONFIRM_SALT)


def read_confirm_token(token):
    """The subscriber id and address in a confirmation token; raises signing.BadSignature (or SignatureExpired)."""
    data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    return data["id"], data["email"]


def unsubscribe_token(subscriber):
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)
