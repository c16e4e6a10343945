"""Archives that unpack to far more than they weigh are refused at upload, quickly and without a memory spike.

Each bomb goes through the upload an editor uses (the admin's multiple upload, also behind "Document toevoegen");
the request's time and peak Python memory are measured. The ODT bomb unpacks to 120 MiB: reading it whole, as the
check once did, takes more than twice the memory bound.
"""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from wagtail.documents import get_document_model

from apothekerskast import archives
from apothekerskast.demo import example_pdf
from tests.apothekerskast.builders import add_totp, make_user

pytestmark = pytest.mark.django_db

MIB = 1024 * 1024
MAX_PEAK = 50 * MIB
MAX_SECONDS = 3
ODT_TYPE = b"application/vnd.oasis.opendocument.text"


def make_zip(members, level=1):
    """A zip of (name, content) pairs; an int content is that many zero bytes, written a mebibyte at a time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in members:
            if isinstance(content, int):
                with archive.open(name, "w") as member:
                    for start in range(0, content, MIB):
                        member.write(bytes(min(MIB, content - start)))
            else:
                archive.writestr(name, content)
    return buffer.getvalue()


def stored(name, content):
    """A zip holding one member as is, so an archive inside looks harmless from outside."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for number in range(rows):
        sheet.append([f"Gemeente {number % 38}", number, "preventie", "repressie"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def odt_bomb():
    return make_zip([("mimetype", ODT_TYPE + bytes(120 * MIB)), ("content.xml", "<office/>")])


def nested(levels, inner):
    for level in range(levels):
        inner = stored(f"laag-{level}.zip", inner)
    return inner


def odt():
    """An OpenDocument text as LibreOffice writes it: the mimetype first and not compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODT_TYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>" * 2000)
    return buffer.getvalue()


def bzip2_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("nullen.bin", bytes(MIB))
    return buffer.getvalue()


BOMBS = {
    "zip bomb": ("bijlagen.zip", lambda: make_zip([("nullen.bin", 40 * MIB)]), "verdacht sterk ingepakt"),
    "zip with thousands of members": (
        "bijlagen.zip",
        lambda: make_zip([(f"{number}.txt", "x") for number in range(archives.MAX_MEMBERS + 1)]),
        "te veel bestanden",
    ),
    "zip bomb inside a zip": (
        "bijlagen.zip",
        lambda: nested(1, make_zip([("nullen.bin", 40 * MIB)])),
        "verdacht sterk ingepakt",
    ),
    "zips nested deeper than a zip of office files": (
        "bijlagen.zip",
        lambda: nested(3, make_zip([("lees-mij.txt", "Hallo")])),
        "te diep geneste archieven",
    ),
    "docx with a bomb as its embedded spreadsheet": (
        "toolkit.docx",
        lambda: make_zip(
            [
                ("[Content_Types].xml", "<Types/>"),
                ("word/document.xml", "<w:document/>"),
                ("word/embeddings/blad.xlsx", make_zip([("xl/worksheets/sheet1.xml", 40 * MIB)])),
            ]
        ),
        "verdacht sterk ingepakt",
    ),
    "zip with a bzip2 member": (
        "bijlagen.zip",
        bzip2_zip,
        "compressiemethode",
    ),
}


@pytest.fixture
def upload(client, library):
    """Upload one file as an editor does, measured: (JSON answer, seconds, peak extra Python memory)."""
    editor = make_user("redacteur@utrecht.nl", is_superuser=True, is_staff=True)
    add_totp(editor)
    client.force_login(editor)

    def send(name, content):
        file = SimpleUploadedFile(name, content)
        tracemalloc.start()
        started = time.perf_counter()
        try:
            response = client.post(
                "/admin/documents/multiple/add/",
                {"files[]": file, "title": name, "collection": library.public_document.collection_id},
            )
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert response.status_code == 200
        return response.json(), seconds, peak

    return send


def assert_refused(answer, words):
    assert answer["success"] is False
    assert words in answer["error_message"]


def test_an_odt_bomb_is_refused_quickly_without_a_memory_spike(upload, odt_bomb):
    before = get_document_model().objects.count()
    answer, seconds, peak = upload("toolkit.odt", odt_bomb)
    assert_refused(answer, "verdacht sterk ingepakt")
    assert peak < MAX_PEAK, f"{peak / MIB:.0f} MiB"
    assert seconds < MAX_SECONDS
    assert get_document_model().objects.count() == before


@pytest.mark.parametrize("case", list(BOMBS))
def test_archive_bombs_are_refused_quickly_with_a_clear_message(upload, case):
    name, build, words = BOMBS[case]
    before = get_document_model().objects.count()
    answer, seconds, peak = upload(name, build())
    assert_refused(answer, words)
    assert peak < MAX_PEAK, f"{peak / MIB:.0f} MiB"
    assert seconds < MAX_SECONDS
    assert get_document_model().objects.count() == before


def test_an_archive_over_the_unpacked_total_is_refused(upload, monkeypatch):
    monkeypatch.setattr(archives, "MAX_UNCOMPRESSED", MIB)
    text = "Gemeente Utrecht, preventie en repressie. " * 15_000  # 630 kB that packs only about 20 times
    answer, _, _ = upload("bijlagen.zip", make_zip([("a.txt", text), ("b.txt", text[::-1])]))
    assert_refused(answer, "uitgepakt te groot")


LEGITIMATE = {
    "spreadsheet of 20,000 rows": ("gemeenten.xlsx", lambda: xlsx(20_000)),
    "docx with a chart's spreadsheet inside": (
        "toolkit.docx",
        lambda: make_zip(
            [
                ("[Content_Types].xml", "<Types/>"),
                ("word/document.xml", "<w:document>" + "<w:p>Tekst</w:p>" * 5000 + "</w:document>"),
                ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", xlsx(200)),
            ]
        ),
    ),
    "zip of toolkits, one with a spreadsheet inside": (
        "toolkits.zip",
        lambda: make_zip(
            [
                ("draaiboek.pdf", example_pdf("Draaiboek")),
                ("cijfers.xlsx", xlsx(500)),
                (
                    "toolkit.docx",
                    make_zip(
                        [
                            ("[Content_Types].xml", "<Types/>"),
                            ("word/document.xml", "<w:document/>"),
                            ("word/embeddings/blad.xlsx", xlsx(10)),
                        ]
                    ),
                ),
            ]
        ),
    ),
    "odt with its mimetype stored first": ("toolkit.odt", odt),
}


@pytest.mark.parametrize("case", list(LEGITIMATE))
def test_real_office_documents_and_zips_still_upload(upload, case):
    name, build = LEGITIMATE[case]
    answer, _, _ = upload(name, build())
    assert answer["success"] is True, answer.get("error_message")
    assert get_document_model().objects.filter(title=name).exists()
