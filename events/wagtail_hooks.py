from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from events.registrations import EventRegistration


class EventRegistrationViewSet(ModelViewSet):
    """Registrations through the event form: a list per event for editors, exportable as CSV or XLSX."""

    model = EventRegistration
    icon = "group"
    menu_label = "Aanmeldingen"
    menu_order = 310
    add_to_admin_menu = True
    form_fields = ["event", "name", "organisation", "email"]
    list_display = ["name", "organisation", "email", "event", "created_at"]
    list_filter = ["event"]
    list_export = ["event", "name", "organisation", "email", "created_at"]
    export_headings = {"event": "Evenement", "name": "Naam", "organisation": "Organisatie", "email": "E-mailadres",
                       "created_at": "Aangemeld op"}  # fmt: skip
    export_filename = "aanmeldingen"
    search_fields = ["name", "organisation", "email"]


@hooks.register("register_admin_viewset")
def register_event_registration_viewset():
    return EventRegistrationViewSet("event_registrations")
