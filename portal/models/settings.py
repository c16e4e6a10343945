from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """Contact details shown in every page footer; editors keep them current."""

    organisation = models.CharField("organisatie", max_length=255, blank=True)
    phone = models.CharField("telefoon", max_length=50, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("website", blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")]

    class Meta:
        verbose_name = "contactgegevens"
        verbose_name_plural = "contactgegevens"

    @property
    def phone_href(self):
        """The phone number as a tel: link target, digits only."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""
