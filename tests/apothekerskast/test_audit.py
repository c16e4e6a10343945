"""Download audit: every private download is recorded, reported with CSV export, and purged after retention."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from apothekerskast.models import DownloadEvent
from tests.apothekerskast.builders import SECRET_DOCUMENT, make_organisation

pytestmark = pytest.mark.django_db


def download(client, document):
    response = client.get(document.url)
    b"".join(response.streaming_content)
    return response


def test_a_private_download_writes_an_event(client, library, member, organisation):
    client.force_login(member)
    download(client, library.document)
    event = DownloadEvent.objects.get()
    assert (event.user, event.organisation, event.document) == (member, organisation, library.document)
    assert event.document_title == SECRET_DOCUMENT


def test_head_requests_and_public_documents_write_nothing(client, library, member):
    client.force_login(member)
    client.head(library.document.url)
    download(client, library.public_document)
    assert not DownloadEvent.objects.exists()


def test_refused_requests_write_nothing(client, library, person):
    client.force_login(person("pending"))
    client.get(library.document.url)
    assert not DownloadEvent.objects.exists()


def test_report_filters_and_exports_csv(client, library, member, manager):
    client.force_login(member)
    download(client, library.document)
    other = make_organisation("Gemeente Zeist", "zeist.nl")
    DownloadEvent.objects.create(
        user_email="iemand@zeist.nl", organisation=other, document=library.document, document_title="Ander"
    )
    client.force_login(manager)
    response = client.get("/admin/rapporten/apothekerskast-downloads/")
    assert response.status_code == 200
    assert member.email in response.content.decode()
    export = client.get(
        "/admin/rapporten/apothekerskast-downloads/",
        {"export": "csv", "organisation": member.access_requests.get().organisation_id},
    )
    assert export.status_code == 200
    content = export.content.decode() if not export.streaming else b"".join(export.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["Tijdstip", "Gebruiker", "Organisatie", "Document"]
    assert [row[1:] for row in rows[1:]] == [[member.email, "Gemeente Utrecht", SECRET_DOCUMENT]]
    today = timezone.localdate()
    period = client.get(
        "/admin/rapporten/apothekerskast-downloads/",
        {
            "export": "csv",
            "created_at_after": (today - timedelta(days=1)).isoformat(),
            "created_at_before": (today + timedelta(days=1)).isoformat(),
            "document": library.document.pk,
        },
    )
    period_rows = list(
        csv.reader(
            io.StringIO(b"".join(period.streaming_content).decode() if period.streaming else period.content.decode())
        )
    )
    assert len(period_rows) == 3


def test_report_is_for_managers_only(client, library, member):
    client.force_login(member)
    response = client.get("/admin/rapporten/apothekerskast-downloads/")
    assert response.status_code in (302, 403)


def test_purge_removes_events_past_retention(library, settings):
    settings.APOTHEKERSKAST_DOWNLOAD_RETENTION_DAYS = 548
    old = DownloadEvent.objects.create(user_email="a@utrecht.nl", document_title="Oud")
    old.created_at = timezone.now() - timedelta(days=549)
    old.save()
    recent = DownloadEvent.objects.create(user_email="b@utrecht.nl", document_title="Recent")
    call_command("purge_download_events")
    assert list(DownloadEvent.objects.all()) == [recent]
