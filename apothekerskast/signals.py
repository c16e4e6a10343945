from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents.models import document_served
from wagtail.signals import page_published

from apothekerskast import access, alerts, notifications
from apothekerskast.models import (
    ApothekerskastIndexPage,
    DownloadEvent,
    Organisation,
    OrganisationDomain,
    OrganisationRequest,
    ToolkitPage,
)


@receiver(document_served)
def record_download(sender, instance, request, **kwargs):
    """Every private document served to a person writes a download event (HEAD requests carry no file)."""
    if request.method == "HEAD" or not request.user.is_authenticated or not access.is_private_document(instance):
        return
    DownloadEvent.objects.create(
        user=request.user,
        user_email=request.user.email,
        organisation=access.member_organisation(request.user) or Organisation.for_email(request.user.email),
        document=instance,
        document_title=instance.title[:255],
    )


@receiver(page_published, sender=ApothekerskastIndexPage)
def keep_library_restricted(sender, instance, **kwargs):
    """Publishing the library puts its view restriction back, should anyone have removed it."""
    access.restrict_library_page(instance)


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
