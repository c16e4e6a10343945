"""A mail backend that breaks down part-way, standing in for an SMTP server that goes away mid-send."""

from django.core.mail.backends.locmem import EmailBackend


class FailingAfterBackend(EmailBackend):
    """Delivers (to mail.outbox) until `limit` messages have gone through this class, then raises."""

    limit = 0
    sent = 0

    def send_messages(self, messages):
        if FailingAfterBackend.sent + len(messages) > FailingAfterBackend.limit:
            raise ConnectionError("SMTP server went away")
        FailingAfterBackend.sent += len(messages)
        return super().send_messages(messages)
