"""Two schedulers at once, as on two machines: two `manage.py run_scheduler --once` processes against the same
database. Each scheduled page is published once, each newsletter subscriber and each member due for a reminder gets
one mail, and the daily purge of the download log runs once: it removes the records past the retention, keeps the
newer ones, and is recorded once. A running scheduler outlives a restart of the database."""

import collections
import datetime
import email
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from apothekerskast.models import AccessRequest, DownloadEvent
from editorial import scheduler
from editorial.models import JobRun
from news.models import NewsArticlePage
from newsletter.models import Mailing
from tests.apothekerskast.builders import make_organisation, make_person
from tests.builders import make_article, make_site
from tests.editorial.clock import daily_hour_passed_two_hours_ago
from tests.newsletter.builders import make_edition, make_newsletter_index, make_subscribers
from tests.portal import pg_cluster

ROOT = Path(__file__).resolve().parents[2]
PAGES, SUBSCRIBERS, MEMBERS = 20, 100, 5


def schedule(article, at):
    """Approve the article for publication at `at`, as Wagtail's "Publish" with a go-live date does."""
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    revision.content["go_live_at"] = at.isoformat()
    revision.approved_go_live_at = at
    revision.save(update_fields=["content", "approved_go_live_at"])


def read_mails(folder):
    """Every message the file backend wrote: one file per connection, messages separated by a line of dashes."""
    messages = []
    for path in folder.iterdir():
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk))
    return messages


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_schedulers_at_once_publish_send_remind_and_purge_once(tmp_path):
    pg_cluster._cluster()  # the processes need the throwaway cluster's test database
    tree = make_site()
    past = timezone.now() - datetime.timedelta(minutes=5)
    articles = [make_article(tree.news_index, title=f"Gepland bericht {n}", live=False) for n in range(PAGES)]
    for article in articles:
        schedule(article, past)

    edition = make_edition(make_newsletter_index(tree.home), title="Nieuwsbrief januari")
    subscribers = make_subscribers(SUBSCRIBERS)
    Mailing.objects.create(edition=edition, subscriber_count=SUBSCRIBERS)

    organisation = make_organisation()
    members = [make_person("member", organisation, email=f"lid{n}@utrecht.nl") for n in range(MEMBERS)]
    AccessRequest.objects.update(expires_at=timezone.now() + datetime.timedelta(days=20))

    past_retention = timezone.now() - datetime.timedelta(days=549)
    DownloadEvent.objects.bulk_create(
        DownloadEvent(user_email=f"oud{n}@utrecht.nl", document_title="Oud", created_at=past_retention)
        for n in range(7)
    )
    recent = DownloadEvent.objects.create(user_email="recent@utrecht.nl", document_title="Recent")

    mails = tmp_path / "mail"
    mails.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.editorial.mail_to_files_settings",
        "DATABASE_URL": pg_cluster.database_url(),
        "TEST_EMAIL_DIR": str(mails),
        "SCHEDULER_DAILY_HOUR": str(daily_hour_passed_two_hours_ago()),
    }
    command = [sys.executable, "manage.py", "run_scheduler", "--once"]
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300)[0].decode() for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert not any("failed" in output for output in outputs), outputs

    published = collections.Counter(
        PageLogEntry.objects.filter(action="wagtail.publish.scheduled").values_list("page_id", flat=True)
    )
    assert published == dict.fromkeys((article.pk for article in articles), 1)

    received = collections.Counter(message["To"] for message in read_mails(mails))
    newsletter = {subscriber.email: 1 for subscriber in subscribers}
    reminders = {member.email: 1 for member in members}
    assert received == {**newsletter, **reminders}

    assert list(DownloadEvent.objects.all()) == [recent]
    daily = [job.command for job in scheduler.jobs() if job.schedule == scheduler.DAILY]
    runs = JobRun.objects.filter(job__in=daily)
    assert sorted(runs.values_list("job", "result")) == sorted((job, JobRun.Result.OK) for job in daily)
    assert runs.get(job="purge_download_events").output == "7 downloadregistratie(s) verwijderd.\n"


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_running_scheduler_carries_on_after_a_database_restart_and_stops_on_sigterm(tmp_path):
    pg_cluster._cluster()
    tree = make_site()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": pg_cluster.database_url()}
    log_path = tmp_path / "scheduler.log"
    command = [sys.executable, "manage.py", "run_scheduler", "--interval", "0.5"]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: JobRun.objects.filter(job="publish_scheduled").exists())
        pg_cluster.restart()  # the scheduler's connection, kept between rounds (CONN_MAX_AGE), dies
        pg_cluster.ensure_running()
        restarted = timezone.now()
        article = make_article(tree.news_index, title="Na de herstart", live=False)
        schedule(article, timezone.now() - datetime.timedelta(minutes=1))
        wait_for(lambda: NewsArticlePage.objects.filter(pk=article.pk, live=True).exists())
        # The run that published it records its result just after: the article shows first.
        wait_for(lambda: JobRun.objects.filter(job="publish_scheduled", started_at__gt=restarted, result="ok").exists())
    finally:
        process.terminate()
        process.wait(30)
    assert process.returncode == 0, log_path.read_text()
