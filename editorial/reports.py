"""Rapporten > Geplande taken: each job of the scheduler with its last run and result, for the Beheerder only (the
one role with editorial.view_jobrun)."""

from django.db.models import Case, When
from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet

from editorial import scheduler
from editorial.models import JobRun

PERMISSION = "editorial.view_jobrun"


class JobRunReportView(ReportView):
    page_title = "Geplande taken"
    header_icon = "time"
    model = JobRun
    permission_required = "view"
    paginate_by = None
    columns = [
        Column("label", label="Taak", accessor=lambda run: scheduler.label(run.job)),
        DateColumn("started_at", label="Laatst gestart"),
        DateColumn("finished_at", label="Klaar"),
        Column("result", label="Resultaat", accessor="get_result_display"),
        Column("output", label="Uitvoer"),
    ]

    def get_queryset(self):
        """The last run of each job, in the order the scheduler runs them: one short index lookup per job."""
        jobs = scheduler.jobs()
        latest = [
            pk
            for job in jobs
            for pk in JobRun.objects.filter(job=job.command).order_by("-started_at").values_list("pk", flat=True)[:1]
        ]
        in_schedule_order = Case(*(When(job=job.command, then=n) for n, job in enumerate(jobs)))
        return JobRun.objects.filter(pk__in=latest).order_by(in_schedule_order)


class JobRunMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class JobRunViewSet(ViewSet):
    name = "geplande-taken"
    icon = "time"
    menu_label = "Geplande taken"
    menu_hook = "register_reports_menu_item"
    menu_order = 950
    menu_item_class = JobRunMenuItem

    def get_urlpatterns(self):
        urls = {"index_url_name": self.get_url_name("index"), "index_results_url_name": self.get_url_name("results")}
        return [
            path("", JobRunReportView.as_view(**urls), name="index"),
            path("resultaten/", JobRunReportView.as_view(results_only=True, **urls), name="results"),
        ]
