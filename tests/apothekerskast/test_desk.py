"""The library managers' desk: a mail on each new access request, a dashboard panel with pending requests and access
expiring soon, the applicant's reason shown but not editable, and the download report filtered by toolkit."""

import csv
import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from apothekerskast.models import AccessRequest, DownloadEvent, ToolkitDocument
from tests.admin_users import make_admin_user
from tests.apothekerskast.builders import make_toolkit, make_user
from tests.markup import page_text

pytestmark = pytest.mark.django_db

REASON = "Ik coördineer de aanpak van ondermijning in de wijk."


def test_a_new_access_request_mails_the_library_managers(client, manager, organisation):
    editor = make_admin_user("redacteur@utrecht.nl", groups=["Redacteur"])
    client.force_login(make_user("jan@utrecht.nl"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/account/apothekerskast/toegang/", {"reason": REASON})
    assert [message.to for message in mail.outbox] == [[manager.email]]
    assert editor.email not in mail.outbox[0].to
    body = mail.outbox[0].body
    assert "jan@utrecht.nl" in body and "Gemeente Utrecht" in body and REASON in body
    assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/toegangsaanvragen/" in body


def dashboard_panel(response):
    text = page_text(response)
    start = text.find("Apothekerskast: aanvragen en verlopende toegang")
    return text[start:] if start >= 0 else ""


def test_the_dashboard_shows_pending_requests_and_access_expiring_within_30_days(client, manager, person):
    pending = person("pending")
    soon = person("member")
    soon.access_requests.update(expires_at=timezone.now() + timedelta(days=10))
    later = make_user("later@utrecht.nl")
    AccessRequest.objects.create(user=later, organisation=soon.access_requests.get().organisation, reason="x").approve(
        by=None, expires_at=timezone.now() + timedelta(days=90)
    )
    client.force_login(manager)
    panel = dashboard_panel(client.get("/admin/"))
    assert pending.email in panel
    assert soon.email in panel
    assert "later@utrecht.nl" not in panel


def test_editors_see_no_library_panel(client, person):
    person("pending")
    client.force_login(make_admin_user("redacteur@utrecht.nl", groups=["Redacteur"]))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert dashboard_panel(response) == ""
    assert "pending@utrecht.nl" not in response.content.decode()


def test_the_beheerder_sees_the_panel(client, person):
    person("pending")
    client.force_login(make_admin_user("beheerder2@utrecht.nl", groups=["Beheerder"]))
    assert "pending@utrecht.nl" in dashboard_panel(client.get("/admin/"))


def test_the_request_list_shows_the_reason(client, manager, person):
    person("pending").access_requests.update(reason=REASON)
    client.force_login(manager)
    assert REASON in page_text(client.get("/admin/toegangsaanvragen/"))


def test_the_reason_cannot_be_edited(client, manager, person):
    request = person("pending").access_requests.get()
    request.reason = REASON
    request.save()
    client.force_login(manager)
    url = f"/admin/toegangsaanvragen/edit/{request.pk}/"
    response = client.get(url)
    assert REASON in page_text(response)
    assert 'name="reason"' not in response.content.decode()
    client.post(url, {"reason": "Iets anders."})
    request.refresh_from_db()
    assert request.reason == REASON


def test_the_download_report_filters_by_toolkit(client, library, manager, organisation):
    other_toolkit = make_toolkit(library.index, "Toolkit Woninginbraak")
    other_toolkit.documents = [ToolkitDocument(document=library.public_document)]
    other_toolkit.save_revision().publish()
    for document in (library.document, library.public_document):
        DownloadEvent.objects.create(
            user_email="jan@utrecht.nl", organisation=organisation, document=document, document_title=document.title
        )
    client.force_login(manager)
    page = client.get("/admin/rapporten/apothekerskast-downloads/")
    assert "Toolkit" in page_text(page)
    export = client.get("/admin/rapporten/apothekerskast-downloads/", {"export": "csv", "toolkit": other_toolkit.pk})
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert [row[3] for row in rows[1:]] == ["Openbare folder"]
