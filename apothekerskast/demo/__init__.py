"""Demo data of the apothekerskast: the organisations and the library with example documents."""

import csv
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from apothekerskast import access
from apothekerskast.models import (
    ApothekerskastIndexPage,
    Organisation,
    OrganisationDomain,
    ToolkitAnnouncement,
    ToolkitDocument,
    ToolkitPage,
)
from news.models import NewsArticlePage
from portal import wagtail_internals
from portal.demo import read_yaml, upsert_page

APP_DIR = Path(__file__).resolve().parent.parent
EXAMPLE_NOTICE = "VOORBEELDBESTAND - geen echte inhoud. Gegenereerd door load_demo_content voor de demo."


def load_organisations():
    """The 38 municipalities of the fixture, the national partners and a demo organisation with a domain."""
    data = read_yaml(Path(__file__).resolve().parent / "library.yaml")
    with open(APP_DIR / "fixtures" / "gemeenten-midden-nederland.csv", encoding="utf-8") as handle:
        municipalities = [row["gemeente"] for row in csv.DictReader(handle)]
    for name in municipalities:
        Organisation.objects.update_or_create(name=f"Gemeente {name}", defaults={"kind": Organisation.Kind.GEMEENTE})
    for item in data["organisations"]:
        Organisation.objects.update_or_create(name=item["name"], defaults={"kind": item["kind"]})
    demo = data["demo_organisation"]
    organisation, _ = Organisation.objects.update_or_create(name=demo["name"], defaults={"kind": demo["kind"]})
    OrganisationDomain.objects.update_or_create(domain=demo["domain"], defaults={"organisation": organisation})
    return organisation


def example_pdf(title):
    """A one-page PDF that says it is an example file."""
    text = f"{title} - {EXAMPLE_NOTICE}".encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 11 Tf 40 800 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return body


def example_file(title, name):
    if name.endswith(".pdf"):
        return example_pdf(title)
    if name.endswith(".csv"):
        return f"onderwerp;toelichting\n{title};{EXAMPLE_NOTICE}\n".encode()
    return f"{title}\n\n{EXAMPLE_NOTICE}\n".encode()


def example_document(collection, title, name):
    Document = get_document_model()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save(name, ContentFile(example_file(title, name)), save=False)
        wagtail_internals.set_file_metadata(document)
        document.save()
    return document


def load_library(home, themes):
    """The library under the home page, its toolkits and their example documents in the private collection;
    `themes` are the strategy's theme pages by slug."""
    data = read_yaml(Path(__file__).resolve().parent / "library.yaml")
    index = upsert_page(
        home, ApothekerskastIndexPage, "apothekerskast", title=data["index"]["title"], summary=data["index"]["summary"]
    )
    collection = access.library_collection()
    for item in data["toolkits"]:
        toolkit = upsert_page(
            index,
            ToolkitPage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            description=item["description"],
            audience=item["audience"],
            theme=themes[item["theme"]],
        )
        documents = [example_document(collection, doc["title"], doc["name"]) for doc in item["documents"]]
        articles = list(NewsArticlePage.objects.filter(slug=item["announced_in"]))
        if [link.document_id for link in toolkit.documents.all()] != [doc.pk for doc in documents] or [
            link.article_id for link in toolkit.announcements.all()
        ] != [article.pk for article in articles]:
            toolkit.documents = [ToolkitDocument(document=doc) for doc in documents]
            toolkit.announcements = [ToolkitAnnouncement(article=article) for article in articles]
            toolkit.save_revision().publish()
    return index
