import django_filters
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model

from apothekerskast.models import DownloadEvent, Organisation, ToolkitDocument, ToolkitPage


class DownloadFilterSet(WagtailFilterSet):
    document = django_filters.ModelChoiceFilter(
        label="Document", queryset=lambda request: get_document_model().objects.order_by("title")
    )
    organisation = django_filters.ModelChoiceFilter(label="Organisatie", queryset=Organisation.objects.all())
    toolkit = django_filters.ModelChoiceFilter(
        label="Toolkit", queryset=ToolkitPage.objects.order_by("title"), method="filter_toolkit"
    )
    created_at = django_filters.DateFromToRangeFilter(label="Periode", widget=DateRangePickerWidget)

    class Meta:
        model = DownloadEvent
        fields = ["document", "organisation", "toolkit", "created_at"]

    def filter_toolkit(self, queryset, name, toolkit):
        """The downloads of the documents the toolkit holds now."""
        return queryset.filter(document__in=ToolkitDocument.objects.filter(page=toolkit).values("document"))


class DownloadReportView(ReportView):
    """Who downloaded which private document, for which organisation and when; exportable as CSV or Excel."""

    page_title = gettext_lazy("Downloads apothekerskast")
    header_icon = "download"
    index_url_name = "apothekerskast_downloads"
    index_results_url_name = "apothekerskast_downloads_results"
    filterset_class = DownloadFilterSet
    columns = [
        DateColumn("created_at", label="Tijdstip"),
        Column("user_email", label="Gebruiker"),
        Column("organisation_name", label="Organisatie"),
        Column("document_title", label="Document"),
    ]
    list_export = ["created_at", "user_email", "organisation_name", "document_title"]
    export_headings = {
        "created_at": "Tijdstip",
        "user_email": "Gebruiker",
        "organisation_name": "Organisatie",
        "document_title": "Document",
    }

    def get_queryset(self):
        return DownloadEvent.objects.select_related("organisation").order_by("-created_at")
