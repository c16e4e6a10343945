"""Documents are served without Wagtail's literal `Content-Encoding: None` header, public and private alike."""

import pytest

pytestmark = pytest.mark.django_db


def download(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    return response


def test_a_public_document_has_no_content_encoding(client, library):
    response = download(client, library.public_document)
    assert "Content-Encoding" not in response, response["Content-Encoding"]


def test_a_private_document_has_no_content_encoding(client, library, member):
    client.force_login(member)
    response = download(client, library.document)
    assert "Content-Encoding" not in response, response["Content-Encoding"]
