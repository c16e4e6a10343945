from django.conf import settings
from django.db import models


class ThemeFollow(models.Model):
    """A member follows a strategy theme: one e-mail for each toolkit published under it (apothekerskast.alerts)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="lid", on_delete=models.CASCADE, related_name="theme_follows"
    )
    theme = models.ForeignKey(
        "strategy.ThemePage", verbose_name="thema", on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField("gevolgd sinds", auto_now_add=True)

    class Meta:
        verbose_name = "gevolgd thema"
        verbose_name_plural = "gevolgde thema's"
        constraints = [models.UniqueConstraint(fields=["user", "theme"], name="one_follow_per_user_and_theme")]

    def __str__(self):
        return f"{self.user} volgt {self.theme}"


class ToolkitAlert(models.Model):
    """The one e-mail a follower gets about a toolkit: written when the toolkit is first published under a followed
    theme, sent right after (sent_at); the unique pair keeps a republication from mailing anyone again."""

    toolkit = models.ForeignKey(
        "apothekerskast.ToolkitPage", verbose_name="toolkit", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="lid", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    sent_at = models.DateTimeField("verstuurd op", null=True, blank=True)

    class Meta:
        verbose_name = "toolkitbericht"
        verbose_name_plural = "toolkitberichten"
        constraints = [models.UniqueConstraint(fields=["toolkit", "user"], name="one_alert_per_toolkit_and_user")]
