from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from apothekerskast import alerts, notifications
from apothekerskast.models import OrganisationDomain, OrganisationRequest, ToolkitPage


@receiver(post_save, sender=OrganisationDomain)
def tell_who_asked_for_the_domain(sender, instance, **kwargs):
    """A domain saved (with its organisation, new or not): whoever asked for it through "Mijn organisatie staat er
    niet bij" is told, once, that they can register now."""
    for organisation_request in OrganisationRequest.objects.waiting_for(instance.domain):
        transaction.on_commit(lambda request=organisation_request: notifications.send_domain_added(request))


@receiver(page_published, sender=ToolkitPage)
def alert_theme_followers(sender, instance, **kwargs):
    """The members who follow the toolkit's theme get one e-mail about it (apothekerskast.alerts)."""
    alerts.queue(instance)
