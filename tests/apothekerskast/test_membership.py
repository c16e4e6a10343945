"""Access requests: asked by officials, decided by library managers in the admin, with e-mails and expiry."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from apothekerskast.models import AccessRequest
from tests.apothekerskast.builders import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(person):
    return person("pending").access_requests.get()


def test_official_requests_access_for_the_organisation_of_their_address(client, organisation):
    user = make_user("jan@utrecht.nl")
    client.force_login(user)
    assert "Gemeente Utrecht" in client.get("/account/apothekerskast/toegang/").content.decode()
    response = client.post("/account/apothekerskast/toegang/", {"reason": "Ik werk aan de vuurwerkaanpak."})
    assert response.status_code == 302
    request = AccessRequest.objects.get(user=user)
    assert (request.organisation, request.status) == (organisation, "pending")


def test_request_page_needs_a_login(client):
    assert client.get("/account/apothekerskast/toegang/")["Location"].startswith("/account/login/")


def test_pending_request_cannot_be_repeated(client, pending):
    client.force_login(pending.user)
    client.post("/account/apothekerskast/toegang/", {"reason": "Nog een keer."})
    assert AccessRequest.objects.filter(user=pending.user).count() == 1


def test_managers_see_pending_requests_in_the_admin(client, manager, pending, person):
    person("rejected")
    client.force_login(manager)
    response = client.get("/admin/toegangsaanvragen/", {"status": "pending"})
    assert response.status_code == 200
    content = response.content.decode()
    assert pending.user.email in content
    assert "rejected@utrecht.nl" not in content


def test_manager_approves_and_the_requester_is_told(client, manager, pending, django_capture_on_commit_callbacks):
    client.force_login(manager)
    url = f"/admin/toegangsaanvragen/{pending.pk}/approve/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    pending.refresh_from_db()
    assert pending.status == "approved"
    assert pending.decided_by == manager
    assert timedelta(days=364) < pending.expires_at - timezone.now() < timedelta(days=367)
    assert pending.user.groups.filter(name="Apothekerskast-leden").exists()
    assert [message.to for message in mail.outbox] == [[pending.user.email]]
    assert "goedgekeurd" in mail.outbox[0].subject


def test_manager_rejects_and_the_requester_is_told(client, manager, pending, django_capture_on_commit_callbacks):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/toegangsaanvragen/{pending.pk}/reject/")
    pending.refresh_from_db()
    assert pending.status == "rejected"
    assert "afgewezen" in mail.outbox[0].subject


def test_manager_revokes_and_the_member_is_told(client, manager, person, django_capture_on_commit_callbacks):
    access_request = person("member").access_requests.get()
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/toegangsaanvragen/{access_request.pk}/revoke/")
    access_request.refresh_from_db()
    assert access_request.status == "revoked"
    assert "ingetrokken" in mail.outbox[-1].subject
    assert not access_request.user.groups.filter(name="Apothekerskast-leden").exists()


def test_people_without_the_permission_cannot_decide(client, pending, person):
    member = person("member")
    client.force_login(member)
    response = client.post(f"/admin/toegangsaanvragen/{pending.pk}/approve/")
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_reminder_a_month_before_expiry_is_sent_once(person):
    soon = person("member").access_requests.get()
    soon.expires_at = timezone.now() + timedelta(days=20)
    soon.save()
    later = make_user("later@utrecht.nl")
    AccessRequest.objects.create(user=later, organisation=soon.organisation, reason="x").approve(by=None)
    mail.outbox.clear()
    call_command("remind_access_expiry")
    call_command("remind_access_expiry")
    assert [message.to for message in mail.outbox] == [[soon.user.email]]
    assert "verloopt" in mail.outbox[0].subject
