"""A new section page (news, agenda, newsletter, strategy, standard page, the apothekerskast's index) is handed to the
roles that work on that kind of page (editorial.roles.PAGE_ROOTS)."""

from django.apps import apps
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from editorial.roles import grant_page_permissions


@receiver(post_save, dispatch_uid="editorial_grant_page_permissions")
def grant_section_to_roles(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        grant_page_permissions(apps, instance)
