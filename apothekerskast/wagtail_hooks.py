from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_list_or_404, get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from apothekerskast import access, gate
from apothekerskast.models import AccessRequest, Organisation, OrganisationRequest, ToolkitPage
from apothekerskast.reports import DownloadReportView

# The gate (apothekerskast/gate.py), before Wagtail's own check of a page's restrictions.
hooks.register("before_serve_page", gate.page_door, order=-100)
hooks.register("route_library", gate.route_library)
hooks.register("before_serve_private_rendition", gate.image_door)


# The admin: library titles only for those who manage the library. Page and collection permissions keep the editors
# out of the library's edit, history, revision, explorer, search and document views (editorial.roles); these two
# views show titles regardless of permissions, so they get a lock of their own here.


@hooks.register("construct_page_chooser_queryset")
def hide_toolkits_from_the_page_chooser(pages, request):
    """The page chooser lists every page to every editor (browsing and search); toolkits only to library managers."""
    return pages if access.is_library_manager(request.user) else pages.not_type(ToolkitPage)


class OnlyWhatTheUserMayWorkOn:
    """Wagtail's bulk-action pages list, by title, the objects asked for by id that the user may not act on
    (`?id=N`): an oracle for any page or document title. Here an object the user may not work on is not found."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(self.objects_the_user_may_work_on(), pk__in=object_ids)


class PageBulkActionLock(OnlyWhatTheUserMayWorkOn):
    def objects_the_user_may_work_on(self):
        return PagePermissionPolicy().explorable_instances(self.request.user)


class DocumentBulkActionLock(OnlyWhatTheUserMayWorkOn):
    def objects_the_user_may_work_on(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change", "choose"])


for lock, module in ((PageBulkActionLock, page_bulk_actions), (DocumentBulkActionLock, document_bulk_actions)):
    for action in vars(module).values():
        if isinstance(action, type) and action.__name__.endswith("BulkAction"):
            # Registered after Wagtail's own action of the same model and type, which it replaces.
            hooks.register("register_bulk_action", type(action.__name__, (lock, action), {}), order=100)


# Reference data and access requests.


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisaties"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "domain_list"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Organisation.objects.prefetch_related("domains")


register_snippet(OrganisationViewSet)


class OrganisationRequestViewSet(ModelViewSet):
    """ "Mijn organisatie staat er niet bij": what officials asked for, read-only. A manager adds the domain under
    Organisaties; the official is then told by e-mail (apothekerskast.signals)."""

    model = OrganisationRequest
    icon = "help"
    menu_label = "Organisatie-verzoeken"
    menu_order = 302
    add_to_admin_menu = True
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["organisation_name", "name", "email", "created_at", "is_answered"]
    search_fields = ["organisation_name", "name", "email"]
    panels = [
        FieldPanel(name, read_only=True) for name in ("name", "organisation_name", "email", "reason", "created_at")
    ]


organisation_request_viewset = OrganisationRequestViewSet("organisation_requests", url_prefix="organisatie-aanvragen")


@hooks.register("register_admin_viewset")
def register_organisation_request_viewset():
    return organisation_request_viewset


DECISIONS = {
    "approve": ("Goedkeuren", {AccessRequest.Status.PENDING, AccessRequest.Status.REJECTED}),
    "reject": ("Afwijzen", {AccessRequest.Status.PENDING}),
    "revoke": ("Intrekken", {AccessRequest.Status.APPROVED}),
}


class AccessRequestIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        for decision, (label, allowed) in DECISIONS.items():
            if instance.status in allowed:
                url = reverse(access_request_viewset.get_url_name("decide"), args=[instance.pk, decision])
                buttons.append(ListingButton(label, url=url, icon_name="check", priority=30))
        return buttons


class AccessRequestViewSet(ModelViewSet):
    """Library managers decide on requests here; the requester gets an e-mail either way."""

    model = AccessRequest
    icon = "key"
    menu_label = "Toegangsaanvragen"
    menu_order = 301
    add_to_admin_menu = True
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["user", "organisation", "reason_excerpt", "status", "created_at", "expires_at", "decided_by"]
    list_filter = ["status", "organisation"]
    search_fields = ["user__email", "organisation__name", "reason"]
    index_view_class = AccessRequestIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/<str:decision>/", self.decide_view, name="decide"),
        ]

    def decide_view(self, request, pk, decision):
        return permission_required("apothekerskast.change_accessrequest", raise_exception=True)(self._decide)(
            request, pk=pk, decision=decision
        )

    def _decide(self, request, pk, decision):
        access_request = get_object_or_404(AccessRequest, pk=pk)
        if decision not in DECISIONS or access_request.status not in DECISIONS[decision][1]:
            return redirect(self.get_url_name("index"))
        if request.method == "POST":
            getattr(access_request, decision)(by=request.user)
            messages.success(request, f"{DECISIONS[decision][0]}: {access_request}. De aanvrager krijgt een e-mail.")
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "apothekerskast/admin/decide.html",
            {
                "access_request": access_request,
                "decision_label": DECISIONS[decision][0],
                "decision": decision,
                "index_url": reverse(self.get_url_name("index")),
                "header_icon": "key",
                "page_title": DECISIONS[decision][0],
            },
        )


access_request_viewset = AccessRequestViewSet("toegangsaanvragen")


@hooks.register("register_admin_viewset")
def register_access_request_viewset():
    return access_request_viewset


class LibraryDeskPanel(Component):
    """On the dashboard of the library managers (and the Beheerder): pending requests and access expiring soon."""

    name = "apothekerskast_desk"
    template_name = "apothekerskast/admin/dashboard_panel.html"
    order = 50
    limit = 10
    days = 30

    def get_context_data(self, parent_context):
        pending = AccessRequest.objects.pending().select_related("user", "organisation").order_by("created_at")
        expiring = (
            AccessRequest.objects.expiring_within(timedelta(days=self.days))
            .select_related("user", "organisation")
            .order_by("expires_at")
        )
        return {
            "pending": pending[: self.limit],
            "pending_count": pending.count(),
            "expiring": expiring[: self.limit],
            "expiring_count": expiring.count(),
            "days": self.days,
            "index_url": reverse(access_request_viewset.get_url_name("index")),
        }


@hooks.register("construct_homepage_panels")
def add_library_desk_panel(request, panels):
    if access.is_library_manager(request.user):
        panels.append(LibraryDeskPanel())


# Download audit report.


@hooks.register("register_admin_urls")
def register_download_report_urls():
    view = permission_required("apothekerskast.view_downloadevent", raise_exception=True)
    return [
        path(
            "rapporten/apothekerskast-downloads/", view(DownloadReportView.as_view()), name="apothekerskast_downloads"
        ),
        path(
            "rapporten/apothekerskast-downloads/resultaten/",
            view(DownloadReportView.as_view(results_only=True)),
            name="apothekerskast_downloads_results",
        ),
    ]


class DownloadReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("apothekerskast.view_downloadevent")


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return DownloadReportMenuItem(
        "Downloads apothekerskast", reverse("apothekerskast_downloads"), icon_name="download", order=900
    )
