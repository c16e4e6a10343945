"""A registration for an event, apart from the pages in events.models: the registration form (events.forms) is
built from it, and the event page shows that form."""

from django.db import models


class EventRegistration(models.Model):
    """Someone's registration for an event through the form on the event page."""

    event = models.ForeignKey(
        "events.EventPage", verbose_name="evenement", on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField("naam", max_length=200)
    organisation = models.CharField("organisatie", max_length=200)
    email = models.EmailField("e-mailadres")
    created_at = models.DateTimeField("aangemeld op", auto_now_add=True)

    class Meta:
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="events_registration_unique_email_per_event")
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation}) – {self.event}"
