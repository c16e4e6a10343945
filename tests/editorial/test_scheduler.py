"""The scheduler runs every periodic job: a freshly started one runs the daily jobs (membership expiry, access-expiry
reminders, the purge of the download log) without any cron, once a day from the set hour; a job another scheduler
holds is skipped; a failing job is recorded and the others still run."""

import datetime
import io
import zoneinfo

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from apothekerskast.access import MEMBERS_GROUP
from apothekerskast.models import AccessRequest, DownloadEvent
from editorial import scheduler
from editorial.models import JobRun
from tests.apothekerskast.builders import make_organisation, make_person
from tests.builders import make_article
from tests.editorial.clock import daily_hour_passed_two_hours_ago
from tests.newsletter.backends import FailingAfterBackend
from tests.portal import pg_cluster

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DAILY = [job.command for job in scheduler.jobs() if job.schedule == scheduler.DAILY]


def run_scheduler():
    output = io.StringIO()
    call_command("run_scheduler", once=True, stdout=output, stderr=output)
    return output.getvalue()


def amsterdam(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


@pytest.fixture
def library_facts(db, settings):
    """The daily jobs are due, with facts for each: a member whose access has just ended (still in the members
    group), a member whose access ends in three weeks, and download records from before and within the retention."""
    settings.SCHEDULER_DAILY_HOUR = daily_hour_passed_two_hours_ago()
    organisation = make_organisation()
    ended = make_person("member", organisation, email="verlopen@utrecht.nl")
    AccessRequest.objects.filter(user=ended).update(expires_at=timezone.now() - datetime.timedelta(hours=1))
    soon = make_person("member", organisation, email="binnenkort@utrecht.nl")
    AccessRequest.objects.filter(user=soon).update(expires_at=timezone.now() + datetime.timedelta(days=21))
    old = DownloadEvent.objects.create(
        user_email=ended.email, document_title="Oud", created_at=timezone.now() - datetime.timedelta(days=549)
    )
    recent = DownloadEvent.objects.create(user_email=soon.email, document_title="Recent")
    mail.outbox.clear()
    return {"ended": ended, "soon": soon, "old": old, "recent": recent}


def members():
    return set(Group.objects.get(name=MEMBERS_GROUP).user_set.values_list("email", flat=True))


def test_a_fresh_scheduler_runs_the_daily_jobs_at_once_and_not_again_that_day(library_facts):
    assert members() == {"verlopen@utrecht.nl", "binnenkort@utrecht.nl"}

    output = run_scheduler()

    assert list(DownloadEvent.objects.all()) == [library_facts["recent"]]
    assert members() == {"binnenkort@utrecht.nl"}
    assert [message.to for message in mail.outbox] == [["binnenkort@utrecht.nl"]]
    assert "1 downloadregistratie(s) verwijderd." in output
    assert sorted(JobRun.objects.filter(job__in=DAILY).values_list("job", "result")) == sorted(
        (job, JobRun.Result.OK) for job in DAILY
    )

    # The scheduler restarts (or a second one runs): today's daily run has happened.
    DownloadEvent.objects.create(
        user_email="x@utrecht.nl", document_title="Oud", created_at=library_facts["old"].created_at
    )
    run_scheduler()
    assert JobRun.objects.filter(job__in=DAILY).count() == len(DAILY)
    assert DownloadEvent.objects.count() == 2
    assert len(mail.outbox) == 1
    # The minute jobs run in every round.
    assert JobRun.objects.filter(job="publish_scheduled", result=JobRun.Result.OK).count() == 2


@pytest.mark.parametrize(
    ("now", "hour", "slot"),
    [
        (amsterdam(2026, 3, 10, 4, 0), 3, amsterdam(2026, 3, 10, 3, 0)),  # after the hour: today's
        (amsterdam(2026, 3, 10, 1, 30), 3, amsterdam(2026, 3, 9, 3, 0)),  # before it: yesterday's
        (amsterdam(2026, 3, 10, 3, 0), 3, amsterdam(2026, 3, 10, 3, 0)),
        (amsterdam(2026, 3, 29, 12, 0), 3, amsterdam(2026, 3, 29, 3, 0)),  # the day summer time starts
    ],
)
def test_the_daily_slot_is_the_set_hour_in_amsterdam(now, hour, slot):
    assert scheduler.last_daily_slot(now.astimezone(datetime.UTC), hour) == slot


def daily_job():
    return next(job for job in scheduler.jobs() if job.command == "purge_download_events")


def record(at, result=JobRun.Result.OK):
    return JobRun.objects.create(job="purge_download_events", started_at=at, finished_at=at, result=result)


@override_settings(SCHEDULER_DAILY_HOUR=3)
def test_a_daily_job_is_due_once_per_day_and_a_missed_run_is_caught_up():
    job, night = daily_job(), amsterdam(2026, 3, 10, 1, 30)
    assert scheduler.is_due(job, night)  # never ran: at once, even before the hour
    record(amsterdam(2026, 3, 8, 3, 0))
    assert scheduler.is_due(job, night)  # yesterday's run was missed
    record(amsterdam(2026, 3, 9, 3, 0, 5))
    assert not scheduler.is_due(job, night)  # yesterday's ran; today's comes at 3:00
    assert scheduler.is_due(job, amsterdam(2026, 3, 10, 3, 0, 30))
    record(amsterdam(2026, 3, 10, 3, 0, 30), JobRun.Result.FAILED)
    assert not scheduler.is_due(job, amsterdam(2026, 3, 10, 3, 30))  # a failed run is retried an hour later
    assert scheduler.is_due(job, amsterdam(2026, 3, 10, 4, 1))


def test_a_job_another_scheduler_is_running_is_skipped(site):
    article = make_article(site.news_index, title="Gepland", live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])

    pg_cluster._cluster()
    key = scheduler.lock_key("publish_scheduled")
    with psycopg.connect(pg_cluster.database_url(), autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [key])
        run_scheduler()
        article.refresh_from_db()
        assert not article.live
        assert not JobRun.objects.filter(job="publish_scheduled").exists()
        assert JobRun.objects.filter(job="send_newsletter").exists()  # the other jobs have locks of their own
        other.execute("SELECT pg_advisory_unlock(%s)", [key])  # the other scheduler is done
    run_scheduler()
    article.refresh_from_db()
    assert article.live


@override_settings(EMAIL_BACKEND="tests.newsletter.backends.FailingAfterBackend")
def test_a_failing_job_is_recorded_and_the_other_jobs_still_run(library_facts):
    FailingAfterBackend.limit, FailingAfterBackend.sent = 0, 0  # the mail server is away

    output = run_scheduler()

    assert "remind_access_expiry failed: SMTP server went away" in output
    failed = JobRun.objects.get(job="remind_access_expiry")
    assert failed.result == JobRun.Result.FAILED and failed.finished_at is not None
    assert "SMTP server went away" in failed.output
    assert list(DownloadEvent.objects.all()) == [library_facts["recent"]]
    assert JobRun.objects.get(job="purge_download_events").result == JobRun.Result.OK
