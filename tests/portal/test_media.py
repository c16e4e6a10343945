"""Of everything under MEDIA_ROOT the application serves only image renditions (media/images/), and only when
SERVE_IMAGE_RENDITIONS is on. Documents and original uploads stay private: documents go through the
access-checked /documenten/ view, original images are never handed out."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import home.urls
from portal.models import CustomImage
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
            importlib.reload(home.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(home.urls)
        clear_url_caches()


def test_without_serve_image_renditions_nothing_under_media_is_served(client, media, renditions_not_served):
    for name, url in media.items():
        assert client.get(url).status_code == 404, name


def make_private_collection():
    """A collection only the members of its group may see, that group and a member of it."""
    group = Group.objects.create(name="Crisisteam")
    collection = Collection.get_first_root_node().add_child(name="Crisisteam")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    member = get_user_model().objects.create_user(email="lid@example.org", password="x")
    member.groups.add(group)
    return collection, member


def test_a_rendition_of_an_image_in_a_private_collection_is_served_only_to_those_allowed(client, db):
    collection, member = make_private_collection()
    rendition = make_image(title="Plattegrond", collection=collection).get_rendition("fill-120x80")
    guessed = f"/media/images/{Path(rendition.file.name).name}"

    anonymous = client.get(rendition.url)
    anonymous_guess = client.get(guessed)
    client.force_login(get_user_model().objects.create_user(email="ander@example.org", password="x"))
    forbidden = client.get(rendition.url)
    client.force_login(member)
    allowed = client.get(rendition.url)

    assert (anonymous.status_code, anonymous_guess.status_code, forbidden.status_code) == (404, 404, 404)
    assert allowed.status_code == 200
    assert allowed["Content-Type"] == "image/png"
    assert "private" in allowed["Cache-Control"]
    assert b"".join(allowed.streaming_content) == rendition.file.open("rb").read()


@pytest.mark.parametrize("how", ["moved_into_a_private_collection", "collection_made_private"])
def test_an_image_that_becomes_private_leaves_the_public_renditions(
    client, db, django_capture_on_commit_callbacks, how
):
    collection = Collection.get_first_root_node().add_child(name="Crisisteam")
    image = make_image(title="Plattegrond", **({"collection": collection} if how == "collection_made_private" else {}))
    public_url = image.get_rendition("fill-120x80").url
    assert client.get(public_url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        if how == "moved_into_a_private_collection":
            image.collection = collection
            image.save()

    assert client.get(public_url).status_code == 404
    private_url = CustomImage.objects.get(pk=image.pk).get_rendition("fill-120x80").url
    assert private_url != public_url
    assert client.get(private_url).status_code == 404
