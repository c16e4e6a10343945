"""Two schedulers at once, as on two machines: two `manage.py run_scheduler --once` processes against the same
database. Each scheduled page is published once, each newsletter subscriber and each member due for a reminder gets
one mail, and the daily purge of the download log runs once: it removes the records past the retention, keeps the
newer ones, and is recorded once."""

import collections
import datetime
import email
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from apothekerskast.models import AccessRequest, DownloadEvent
from editorial import scheduler
from editorial.models import JobRun
from newsletter.models import Mailing
from tests.apothekerskast.builders import make_organisation, make_person
from tests.builders import make_article, make_site
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
        "SCHEDULER_DAILY_HOUR": "0",  # the daily jobs are due from midnight: today's run has not happened
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
