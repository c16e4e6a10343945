from django.db import models
from django.utils import timezone


class JobRun(models.Model):
    """One run of a periodic job by the scheduler (editorial.scheduler): when, how it ended and what it reported."""

    class Result(models.TextChoices):
        RUNNING = "running", "Bezig"
        OK = "ok", "Geslaagd"
        FAILED = "failed", "Mislukt"

    job = models.CharField("taak", max_length=100)
    started_at = models.DateTimeField("gestart", default=timezone.now)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    result = models.CharField("resultaat", max_length=10, choices=Result.choices, default=Result.RUNNING)
    output = models.TextField("uitvoer", blank=True)

    class Meta:
        verbose_name = "taakuitvoering"
        verbose_name_plural = "taakuitvoeringen"
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["job", "-started_at"], name="editorial_jobrun_job_started")]

    def __str__(self):
        return f"{self.job} ({self.started_at:%Y-%m-%d %H:%M})"
