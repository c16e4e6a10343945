from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class DownloadEventQuerySet(models.QuerySet):
    def past_retention(self, at=None):
        days = getattr(settings, "APOTHEKERSKAST_DOWNLOAD_RETENTION_DAYS", 548)
        return self.filter(created_at__lt=(at or timezone.now()) - timedelta(days=days))


class DownloadEvent(models.Model):
    """One served private document: who, for which organisation, what and when (kept for the retention period)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user_email = models.EmailField("e-mailadres")
    organisation = models.ForeignKey(
        "apothekerskast.Organisation",
        verbose_name="organisatie",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="document", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    document_title = models.CharField("documenttitel", max_length=255)
    created_at = models.DateTimeField("tijdstip", default=timezone.now, db_index=True)

    objects = DownloadEventQuerySet.as_manager()

    class Meta:
        verbose_name = "download"
        verbose_name_plural = "downloads"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user_email}: {self.document_title}"

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation else ""
