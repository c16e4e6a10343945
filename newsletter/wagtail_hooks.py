from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from newsletter.admin_views import SendEditionView, can_send
from newsletter.models import NewsletterEditionPage, Subscriber


class SubscriberViewSet(ModelViewSet):
    """Subscribers with their consent (when and where), for the Beheerder; exportable as CSV."""

    model = Subscriber
    icon = "mail"
    menu_label = "Abonnees nieuwsbrief"
    menu_order = 320
    add_to_admin_menu = True
    form_fields = ["email", "status"]
    list_display = ["email", "status", "consent_at", "consent_source", "unsubscribed_at"]
    list_filter = ["status"]
    list_export = ["email", "status", "signed_up_at", "consent_at", "consent_source", "unsubscribed_at"]
    export_filename = "abonnees"
    search_fields = ["email"]


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("newsletter_subscribers")


@hooks.register("register_admin_urls")
def register_send_url():
    return [path("nieuwsbrief/<int:pk>/verzenden/", SendEditionView.as_view(), name="newsletter_send")]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def send_button(page, user, *args, **kwargs):
    """ "Verzenden…" on an edition's header and in the listing, for who may send."""
    if page.specific_class is NewsletterEditionPage and can_send(user):
        yield Button("Verzenden…", reverse("newsletter_send", args=[page.pk]), icon_name="mail", priority=55)
