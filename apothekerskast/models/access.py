from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib import admin
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel

from apothekerskast.notifications import send_decision
from apothekerskast.restrictions import members_group


def reminder_window():
    """How long before expiry members are reminded (APOTHEKERSKAST_REMINDER_DAYS, a month by default)."""
    return timedelta(days=getattr(settings, "APOTHEKERSKAST_REMINDER_DAYS", 30))


class AccessRequestQuerySet(models.QuerySet):
    def pending(self):
        """Requests a library manager has yet to decide on (the dashboard's list)."""
        return self.filter(status=AccessRequest.Status.PENDING)

    def current(self, at=None):
        """Approved requests that have not expired: the only thing that makes someone a member."""
        return self.filter(status=AccessRequest.Status.APPROVED, expires_at__gt=at or timezone.now())

    def expiring_within(self, period, at=None):
        at = at or timezone.now()
        return self.current(at).filter(expires_at__lte=at + period)


class AccessRequest(models.Model):
    """An official's request to use the library; a library manager approves, rejects or revokes it."""

    class Status(models.TextChoices):
        PENDING = "pending", "In behandeling"
        APPROVED = "approved", "Goedgekeurd"
        REJECTED = "rejected", "Afgewezen"
        REVOKED = "revoked", "Ingetrokken"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="aanvrager", on_delete=models.CASCADE, related_name="access_requests"
    )
    organisation = models.ForeignKey(
        "apothekerskast.Organisation", verbose_name="organisatie", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField("reden", help_text="Waarvoor de aanvrager de apothekerskast nodig heeft.")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField("aangevraagd op", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="besloten door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("besloten op", null=True, blank=True)
    expires_at = models.DateTimeField(
        "verloopt op", null=True, blank=True, help_text="Leeg laten: standaard twaalf maanden na goedkeuring."
    )
    reminder_sent_at = models.DateTimeField("herinnering verstuurd op", null=True, blank=True, editable=False)

    objects = AccessRequestQuerySet.as_manager()

    # The reason is the applicant's own words: shown to the managers, never changed by them.
    panels = [FieldPanel(name, read_only=True) for name in ("user", "organisation", "reason")]

    class Meta:
        verbose_name = "toegangsaanvraag"
        verbose_name_plural = "toegangsaanvragen"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "status", "expires_at"])]

    def __str__(self):
        return f"{self.user} ({self.organisation})"

    @admin.display(description="reden")
    def reason_excerpt(self):
        return Truncator(self.reason).chars(120)

    @property
    def is_current(self):
        return self.status == self.Status.APPROVED and self.expires_at is not None and self.expires_at > timezone.now()

    def approve(self, by, expires_at=None):
        now = timezone.now()
        months = getattr(settings, "APOTHEKERSKAST_ACCESS_MONTHS", 12)
        self._decide(self.Status.APPROVED, by, expires_at=expires_at or now + relativedelta(months=months))

    def reject(self, by):
        self._decide(self.Status.REJECTED, by)

    def revoke(self, by):
        self._decide(self.Status.REVOKED, by)

    @staticmethod
    def sync_membership(user):
        """Keep the members group (which Wagtail's view restrictions check) in line with the access requests.

        At a decision; access.expire_memberships() does it for the access that ends with time.
        """
        group = members_group()
        if AccessRequest.objects.filter(user=user).current().exists():
            user.groups.add(group)
        else:
            user.groups.remove(group)

    @transaction.atomic
    def _decide(self, status, by, expires_at=None):
        self.status = status
        self.decided_by = by
        self.decided_at = timezone.now()
        if status == self.Status.APPROVED:
            self.expires_at = expires_at
            self.reminder_sent_at = None
        self.save()
        self.sync_membership(self.user)
        transaction.on_commit(lambda: send_decision(self))
