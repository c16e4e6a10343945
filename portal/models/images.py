import os

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Collection, CollectionViewRestriction

# Renditions of images in a private collection (one with a view restriction on itself or above) are stored here, which
# neither nginx (deploy/nginx.conf) nor SERVE_IMAGE_RENDITIONS serves: they go through portal.views.private_rendition.
PRIVATE_RENDITIONS_FOLDER = "private_images"


class CustomImage(AbstractImage):
    """An image is public unless its collection is private; the credit line names its maker where the licence asks."""

    credit = models.CharField("fotograaf / bron", max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta:
        verbose_name = "afbeelding"
        verbose_name_plural = "afbeeldingen"

    def is_private(self):
        return self.collection.get_view_restrictions().exists()


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        verbose_name = "uitsnede"
        verbose_name_plural = "uitsneden"
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        if self.image.is_private():
            return os.path.join(PRIVATE_RENDITIONS_FOLDER, self.file.field.storage.get_valid_name(filename))
        return super().get_upload_to(filename)

    @property
    def url(self):
        """A private rendition's address is the view that checks who asks; a public one's is its file's."""
        folder, name = os.path.split(self.file.name)
        if folder == PRIVATE_RENDITIONS_FOLDER:
            return reverse("private_rendition", args=[self.pk, name])
        return super().url


@receiver(post_save, sender=CustomImage)
def _image_saved(instance, created, **kwargs):
    # An image moved into or out of a private collection leaves no rendition in the other folder. Deleted renditions
    # (their files go when the transaction commits) are made again at their next use, in the right folder.
    if not created:
        folder = PRIVATE_RENDITIONS_FOLDER if instance.is_private() else "images"
        instance.renditions.exclude(file__startswith=f"{folder}/").delete()


@receiver([post_save, post_delete], sender=CollectionViewRestriction)
def _collection_privacy_changed(instance, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        CustomRendition.objects.filter(image__collection__path__startswith=collection.path).delete()
