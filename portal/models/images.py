from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """Every image is public in Wagtail; the credit line names its maker where the licence asks."""

    credit = models.CharField("fotograaf / bron", max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta:
        verbose_name = "afbeelding"
        verbose_name_plural = "afbeeldingen"


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        verbose_name = "uitsnede"
        verbose_name_plural = "uitsneden"
        unique_together = (("image", "filter_spec", "focal_point_key"),)
