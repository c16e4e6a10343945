from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from newsletter.models import Subscriber


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
