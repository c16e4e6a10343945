"""Uploads to the document library: only a toolkit's document types, a size limit, and content that matches."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apothekerskast.demo import example_pdf
from apothekerskast.forms import validate_document_upload
from tests.apothekerskast.builders import add_totp, make_user

pytestmark = pytest.mark.django_db


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})
GOOD = {
    "toolkit.pdf": example_pdf("Toolkit"),
    "toolkit.docx": DOCX,
    "toolkit.odt": ODT,
    "bijlagen.zip": zip_bytes({"a.txt": "a"}),
    "lijst.csv": b"gemeente;aantal\nUtrecht;3\n",
    "lees-mij.txt": "Een gewone tekst met één accent.".encode(),
}
DISGUISED = {
    "html renamed to pdf": ("toolkit.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    "windows executable renamed to pdf": ("toolkit.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200),
    "linux executable renamed to pdf": ("toolkit.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 200),
    "html renamed to txt": ("lees-mij.txt", b"<html><body onload=alert(1)></body></html>"),
    "pdf renamed to docx": ("toolkit.docx", example_pdf("x")),
    "plain zip renamed to docx": ("toolkit.docx", zip_bytes({"a.txt": "a"})),
    "docx renamed to odt": ("toolkit.odt", DOCX),
    "binary renamed to csv": ("lijst.csv", b"\x00\x01\x02\x03"),
}


@pytest.mark.parametrize("name", list(GOOD))
def test_real_documents_pass(name):
    validate_document_upload(SimpleUploadedFile(name, GOOD[name]))


@pytest.mark.parametrize("case", list(DISGUISED))
def test_disguised_files_are_refused_with_a_clear_message(case):
    from django import forms

    name, content = DISGUISED[case]
    with pytest.raises(forms.ValidationError) as error:
        validate_document_upload(SimpleUploadedFile(name, content))
    assert "past niet bij de extensie" in error.value.messages[0]


@pytest.mark.parametrize("name", ["script.html", "plaatje.svg", "programma.exe", "macro.docm", "zonder-extensie"])
def test_other_types_are_refused(name):
    from django import forms

    with pytest.raises(forms.ValidationError, match="bestandstype is niet toegestaan"):
        validate_document_upload(SimpleUploadedFile(name, b"%PDF-1.4"))


def test_files_over_the_limit_are_refused(settings):
    from django import forms

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    with pytest.raises(forms.ValidationError, match="te groot"):
        validate_document_upload(SimpleUploadedFile("groot.txt", b"a" * 1001))


def test_the_admin_upload_refuses_a_disguised_file(client, library):
    from wagtail.documents import get_document_model

    editor = make_user("redacteur@utrecht.nl", is_superuser=True, is_staff=True)
    add_totp(editor)
    client.force_login(editor)
    before = get_document_model().objects.count()
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Nep",
            "collection": library.document.collection_id,
            "file": SimpleUploadedFile("nep.pdf", b"<html><script>alert(1)</script></html>"),
        },
    )
    assert response.status_code == 200
    assert "past niet bij de extensie" in response.content.decode()
    assert get_document_model().objects.count() == before


def test_the_library_admin_tells_editors_images_are_public(client, library):
    editor = make_user("redacteur@utrecht.nl", is_superuser=True, is_staff=True)
    add_totp(editor)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{library.toolkit.pk}/edit/")
    assert "afbeeldingen zijn in Wagtail altijd openbaar" in response.content.decode()
