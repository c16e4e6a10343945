"""The one gate (apothekerskast/gate.py): each check once per request, and the doors the door tests do not walk."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apothekerskast import access
from apothekerskast.models import DownloadEvent
from tests.builders import make_image

pytestmark = pytest.mark.django_db

# A private download: the session and the user; the two-factor middleware (current access, so no need for the user's
# permissions; an authenticator); the site; the document with its collection, the collection's restrictions and
# the membership (the gate); the organisation and the download event (the audit); Wagtail's serve view (the document
# again, its collection, its restrictions and their groups, the user's groups).
MEMBER_DOWNLOAD_QUERIES = 15
# Refused: the same up to the membership, then the denial page (its menu: the restricted paths and the sections).
REFUSED_DOWNLOAD_QUERIES = 11
ANONYMOUS_DOWNLOAD_QUERIES = 3


def download(client, url):
    with (
        mock.patch.object(access, "membership_state", wraps=access.membership_state) as membership,
        mock.patch.object(access, "is_private_document", wraps=access.is_private_document) as private,
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    return response, membership.call_count, private.call_count, len(queries)


@pytest.mark.parametrize(
    ("state", "status", "expected_queries"),
    [
        ("member", 200, MEMBER_DOWNLOAD_QUERIES),
        ("pending", 403, REFUSED_DOWNLOAD_QUERIES),
        ("anonymous", 302, ANONYMOUS_DOWNLOAD_QUERIES),
    ],
)
def test_a_private_download_asks_each_question_once(client, library, person, member, state, status, expected_queries):
    if state != "anonymous":
        client.force_login(member if state == "member" else person(state))
    client.get("/")  # the per-process caches, as on a running server

    response, membership_checks, privacy_checks, queries = download(client, library.document.url)

    assert response.status_code == status
    assert (membership_checks, privacy_checks) == (1, 1)
    assert queries == expected_queries
    assert DownloadEvent.objects.count() == (state == "member")


def test_a_library_page_asks_for_membership_once(client, library, member):
    client.force_login(member)
    with mock.patch.object(access, "membership_state", wraps=access.membership_state) as membership:
        assert client.get("/apothekerskast/geheime-toolkit/").status_code == 200
    assert membership.call_count == 1


def test_an_expired_member_still_in_the_group_sees_no_private_image(client, library, member):
    """The members group opens the library's collection in Wagtail; the gate wants current membership."""
    rendition = make_image(title="Plattegrond", collection=access.library_collection()).get_rendition("fill-120x80")
    client.force_login(member)
    assert client.get(rendition.url).status_code == 200

    member.access_requests.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert member.groups.filter(name=access.MEMBERS_GROUP).exists()
    assert client.get(rendition.url).status_code == 404
