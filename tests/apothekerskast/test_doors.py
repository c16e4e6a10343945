"""Every door to the library, for an anonymous visitor, each kind of logged-in non-member and a member.

Non-members must learn nothing: no title, no file name, no bytes, no ETag or Last-Modified, and the
same answer whatever the method, Range or conditional headers, and whether the thing exists.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.http import http_date

from tests.apothekerskast.builders import SECRET_DOCUMENT, SECRET_FILENAME, SECRET_TOOLKIT, STATES

pytestmark = pytest.mark.django_db
DENIED_STATES = ("anonymous", *STATES)


def client_for(client, state, person):
    if state != "anonymous":
        client.force_login(person(state))
    return client


def assert_denied(response, state):
    """A denial that names nothing: login page for visitors, MFA set-up or a 403 for logged-in non-members."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET_TOOLKIT.encode() not in body
    assert SECRET_DOCUMENT.encode() not in body
    assert SECRET_FILENAME.encode() not in body
    assert b"%PDF" not in body
    assert not response.has_header("ETag")
    assert not response.has_header("Last-Modified")
    assert not response.has_header("Content-Disposition")
    if state == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/?next=")
    elif state == "no_mfa":
        assert response.status_code == 302
        assert response["Location"] == "/account/2fa/totp/activate/"
    else:
        assert response.status_code == 403
    assert "no-store" in response.get("Cache-Control", "")
    return response


def document_doors(library):
    document = library.document
    url = document.url
    hash_etag = f'"{document.file_hash}"'
    modified = http_date((timezone.now() + timedelta(days=1)).timestamp())
    return {
        "GET": ("get", url, {}),
        "HEAD": ("head", url, {}),
        "Range": ("get", url, {"HTTP_RANGE": "bytes=0-3"}),
        "If-None-Match (right hash)": ("get", url, {"HTTP_IF_NONE_MATCH": hash_etag}),
        "If-None-Match (wrong hash)": ("get", url, {"HTTP_IF_NONE_MATCH": '"0000"'}),
        "If-Modified-Since": ("get", url, {"HTTP_IF_MODIFIED_SINCE": modified}),
        "wrong file name": ("get", f"/documenten/{document.pk}/iets-anders.pdf", {}),
        "guessed id": ("get", f"/documenten/{document.pk + 1000}/{SECRET_FILENAME}", {}),
    }


PAGE_DOORS = {
    "library": "/apothekerskast/",
    "library search": f"/apothekerskast/?q={SECRET_TOOLKIT.split()[1]}",
    "toolkit": "/apothekerskast/geheime-toolkit/",
    "guessed toolkit": "/apothekerskast/bestaat-niet/",
}


@pytest.mark.parametrize("state", DENIED_STATES)
@pytest.mark.parametrize("door", list(PAGE_DOORS))
def test_library_pages_deny_non_members(client, library, person, state, door):
    client = client_for(client, state, person)
    assert_denied(client.get(PAGE_DOORS[door]), state)


@pytest.mark.parametrize("state", DENIED_STATES)
@pytest.mark.parametrize(
    "door",
    [
        "GET",
        "HEAD",
        "Range",
        "If-None-Match (right hash)",
        "If-None-Match (wrong hash)",
        "If-Modified-Since",
        "wrong file name",
        "guessed id",
    ],
)
def test_document_doors_deny_non_members(client, library, person, state, door):
    client = client_for(client, state, person)
    method, url, headers = document_doors(library)[door]
    assert_denied(getattr(client, method)(url, **headers), state)


@pytest.mark.parametrize("state", DENIED_STATES)
def test_document_doors_give_one_answer_whatever_the_request(client, library, person, state):
    """Existing or not, right or wrong hash, GET or HEAD: the same status and the same place to go."""
    client = client_for(client, state, person)
    answers = set()
    for method, url, headers in document_doors(library).values():
        response = getattr(client, method)(url, **headers)
        location = response.get("Location", "").split("?")[0]
        answers.add((response.status_code, location))
    assert len(answers) == 1


def test_member_sees_library_toolkit_and_document_list(client, library, member):
    client.force_login(member)
    index = client.get("/apothekerskast/")
    assert index.status_code == 200
    assert SECRET_TOOLKIT in index.content.decode()
    toolkit = client.get("/apothekerskast/geheime-toolkit/")
    assert toolkit.status_code == 200
    page = toolkit.content.decode()
    assert SECRET_DOCUMENT in page
    assert library.document.url in page
    assert "PDF" in page
    for response in (index, toolkit):
        assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_member_searches_the_library(client, library, member):
    client.force_login(member)
    response = client.get("/apothekerskast/", {"q": "Vuurwerkaanpak"})
    assert SECRET_TOOLKIT in response.content.decode()
    assert "Geen toolkits" in client.get("/apothekerskast/", {"q": "fietsendiefstal"}).content.decode()


def test_member_downloads_an_uncacheable_attachment(client, library, member):
    client.force_login(member)
    response = client.get(library.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment")
    assert "Cookie" in response["Vary"]


def test_member_guessing_an_id_gets_not_found(client, library, member):
    client.force_login(member)
    assert client.get(f"/documenten/{library.document.pk + 1000}/x.pdf").status_code == 404


@pytest.mark.parametrize("state", ["anonymous", "no_request", "member"])
def test_the_media_path_of_a_document_is_never_served(client, library, person, member, state):
    if state == "member":
        client.force_login(member)
    elif state != "anonymous":
        client.force_login(person(state))
    path = f"{settings.MEDIA_URL}{library.document.file.name}"
    assert path.startswith("/media/documents/")
    response = client.get(path)
    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_public_documents_stay_public(client, library):
    response = client.get(library.public_document.url)
    assert response.status_code == 200


def test_session_cookie_replayed_after_logout_opens_nothing(client, library, member):
    client.force_login(member)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get("/apothekerskast/").status_code == 200
    client.post("/account/logout/")
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    assert_denied(client.get("/apothekerskast/"), "anonymous")
    assert_denied(client.get(library.document.url), "anonymous")


def test_expiry_takes_effect_at_once_without_a_cron(client, library, member):
    client.force_login(member)
    assert client.get(library.document.url).status_code == 200
    member.access_requests.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_denied(client.get(library.document.url), "expired")
    assert_denied(client.get("/apothekerskast/"), "expired")


def test_revocation_takes_effect_at_once(client, library, member):
    client.force_login(member)
    assert client.get("/apothekerskast/").status_code == 200
    member.access_requests.get().revoke(by=None)
    assert_denied(client.get("/apothekerskast/"), "revoked")
    assert not member.groups.filter(name="Apothekerskast-leden").exists()


def test_group_membership_alone_opens_nothing(client, library, person):
    """Someone put in the members group by hand, without a current approval, stays outside."""
    from django.contrib.auth.models import Group

    outsider = person("no_request")
    outsider.groups.add(Group.objects.get(name="Apothekerskast-leden"))
    client.force_login(outsider)
    assert_denied(client.get("/apothekerskast/"), "no_request")
    assert_denied(client.get(library.document.url), "no_request")


def test_expiry_closes_pages_outside_the_library_restricted_to_members(client, site, library, member):
    """The members group opens nothing by itself, also outside /apothekerskast/: an expired member is refused at
    once, and asked to set up a second factor again when approved again."""
    from allauth.mfa.models import Authenticator
    from wagtail.models import PageViewRestriction

    from apothekerskast import access
    from tests.builders import make_standard_page

    page = make_standard_page(site.home, title="Alleen voor leden")
    access.restrict(PageViewRestriction, page=page)
    client.force_login(member)
    assert client.get("/alleen-voor-leden/").status_code == 200

    member.access_requests.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_denied(client.get("/alleen-voor-leden/"), "expired")

    Authenticator.objects.filter(user=member).delete()
    member.access_requests.get().approve(by=None)
    assert_denied(client.get("/alleen-voor-leden/"), "no_mfa")
