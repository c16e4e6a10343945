"""Of everything under MEDIA_ROOT the application serves only image renditions (media/images/), and only when
SERVE_IMAGE_RENDITIONS is on. Documents and original uploads stay private: documents go through the
access-checked /documenten/ view, original images are never handed out."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.documents.models import Document

import portal.urls
from tests.builders import make_image

PDF = b"%PDF-1.4\n% vertrouwelijk\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00vertrouwelijk"


def media_file(relative, content):
    path = Path(settings.MEDIA_ROOT) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.fixture
def media(db):
    image = make_image(title="Wijkagent")
    rendition = image.get_rendition("fill-120x80")
    files = {
        "rendition": rendition.url,
        "original of the rendition": image.file.url,
        "document": "/media/documents/x.pdf",
        "original image": "/media/original_images/x.jpg",
        "file in the media root": "/media/x.pdf",
        "file below images/": "/media/images/sub/x.jpg",
    }
    media_file("documents/x.pdf", PDF)
    media_file("original_images/x.jpg", JPEG)
    media_file("x.pdf", PDF)
    media_file("images/sub/x.jpg", JPEG)
    for url in files.values():
        assert (Path(settings.MEDIA_ROOT) / url.removeprefix("/media/")).is_file(), url
    return files


def test_image_renditions_are_served(client, media):
    response = client.get(media["rendition"])

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    on_disk = (Path(settings.MEDIA_ROOT) / media["rendition"].removeprefix("/media/")).read_bytes()
    assert b"".join(response.streaming_content) == on_disk


@pytest.mark.parametrize(
    "name", ["original of the rendition", "document", "original image", "file in the media root", "file below images/"]
)
def test_nothing_else_under_media_is_served(client, media, name):
    assert client.get(media[name]).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/media/images/../documents/x.pdf",
        "/media/images/..%2fdocuments%2fx.pdf",
        "/media/images/%2e%2e/original_images/x.jpg",
        "/media/images/..",
        "/media/images/.",
        "/media/images/",
        "/media/images//x.pdf",
        "/media/documents/",
    ],
)
def test_no_way_out_of_the_renditions_folder(client, media, url):
    response = client.get(url)

    assert response.status_code == 404
    assert b"vertrouwelijk" not in response.content


def test_documents_are_served_through_their_access_checked_view_only(client, db):
    document = Document.objects.create(title="Jaarverslag", file=ContentFile(PDF, name="jaarverslag.pdf"))

    assert client.get(f"/media/{document.file.name}").status_code == 404
    response = client.get(document.url)
    assert document.url.startswith("/documenten/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


@pytest.fixture
def renditions_not_served():
    """The URL configuration as it is built with SERVE_IMAGE_RENDITIONS off (as in production, behind nginx)."""
    try:
        with override_settings(SERVE_IMAGE_RENDITIONS=False):
            importlib.reload(portal.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(portal.urls)
        clear_url_caches()


def test_without_serve_image_renditions_nothing_under_media_is_served(client, media, renditions_not_served):
    for name, url in media.items():
        assert client.get(url).status_code == 404, name
