"""The admin-access matrix: each editorial role against each admin view on a library page and a private document.

Redacteur and Eindredactie never see a toolkit's title or a private document's title, whatever admin view, chooser,
bulk action, revision view or admin API they ask; Bibliotheekbeheer and Beheerder keep their access. Every cell
states the exact answer. `pytest tests/apothekerskast/test_admin_access.py -s` prints the matrix as a table.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from wagtail.documents import get_document_model

from apothekerskast.demo import example_pdf
from editorial.roles import BEHEERDER, BIBLIOTHEEKBEHEER, EINDREDACTIE, REDACTEUR
from tests.admin_users import make_admin_user
from tests.apothekerskast.builders import SECRET_DOCUMENT, SECRET_TOOLKIT

pytestmark = pytest.mark.django_db

SHOWN, ABSENT = "200, titel zichtbaar", "200, geen titel"
DENIED = "302 naar dashboard"  # Wagtail's answer to a forbidden admin view
TO_OWN_SECTION = "302 naar eigen sectie"  # the page explorer, outside the pages a user may work on
STORED, REFUSED = "opgeslagen", "geweigerd"


def received(response, secret):
    """What a person sees: the status, where a redirect goes, and whether the secret title is on the page."""
    if response.status_code == 302:
        if "login" in response["Location"]:
            return "302 naar inloggen"
        return TO_OWN_SECTION if response["Location"].startswith("/admin/pages/") else DENIED
    if response.status_code != 200:
        return str(response.status_code)
    return SHOWN if secret in response.content.decode() else ABSENT


def page_view(path):
    return lambda client, library: received(client.get(path.format(**ids(library))), SECRET_TOOLKIT)


def document_view(path):
    return lambda client, library: received(client.get(path.format(**ids(library))), SECRET_DOCUMENT)


def ids(library):
    revisions = library.toolkit.revisions.order_by("pk")
    return {
        "page": library.toolkit.pk,
        "index": library.index.pk,
        "revision": revisions.first().pk,
        "document": library.document.pk,
        "collection": library.document.collection_id,
    }


def upload(path, prefix=""):
    """A document posted into the private collection: stored or refused."""

    def cell(client, library):
        title = f"Nieuw vertrouwelijk stuk {slugify(path)}"
        pdf = SimpleUploadedFile("stuk.pdf", example_pdf(title), content_type="application/pdf")
        fields = {"title": title, "collection": library.document.collection_id, "file": pdf}
        client.post(path, {prefix + name: value for name, value in fields.items()})
        stored = get_document_model().objects.filter(title=title, collection=library.document.collection_id)
        return STORED if stored.exists() else REFUSED

    return cell


# view: (how to ask it, the answer for Redacteur and Eindredactie, the answer for Bibliotheekbeheer and Beheerder)
VIEWS = {
    "pagina bewerken": (page_view("/admin/pages/{page}/edit/"), DENIED, SHOWN),
    # A draft and a revision are shown through the library's own door (members only, apothekerskast.access): a
    # manager who is not a member gets that door's 403, as on the site.
    "pagina voorvertoning": (page_view("/admin/pages/{page}/view_draft/"), DENIED, "403"),
    "revisie bekijken": (page_view("/admin/pages/{page}/revisions/{revision}/view/"), DENIED, "403"),
    "paginageschiedenis": (page_view("/admin/pages/{page}/history/"), DENIED, SHOWN),
    "revisies vergelijken": (page_view("/admin/pages/{page}/revisions/compare/earliest...latest/"), DENIED, SHOWN),
    "revisie terugzetten": (page_view("/admin/pages/{page}/revisions/{revision}/revert/"), DENIED, SHOWN),
    "workflowgeschiedenis": (page_view("/admin/pages/{page}/workflow_history/"), DENIED, SHOWN),
    "pagina verplaatsen": (page_view("/admin/pages/{page}/move/"), DENIED, SHOWN),
    "pagina kopiëren": (page_view("/admin/pages/{page}/copy/"), DENIED, SHOWN),
    "pagina verwijderen": (page_view("/admin/pages/{page}/delete/"), DENIED, SHOWN),
    "pagina depubliceren": (page_view("/admin/pages/{page}/unpublish/"), DENIED, SHOWN),
    "paginagebruik": (page_view("/admin/pages/{page}/usage/"), DENIED, SHOWN),
    "gebruik paginatype": (page_view("/admin/pages/usage/apothekerskast/toolkitpage/"), ABSENT, SHOWN),
    "verkenner: apothekerskast": (page_view("/admin/pages/{index}/"), TO_OWN_SECTION, SHOWN),
    "paginakiezer: apothekerskast": (page_view("/admin/choose-page/{index}/"), ABSENT, SHOWN),
    "paginakiezer: zoeken": (page_view("/admin/choose-page/search/?q=Vuurwerkaanpak"), ABSENT, SHOWN),
    "admin zoeken": (page_view("/admin/pages/search/?q=Vuurwerkaanpak"), ABSENT, SHOWN),
    "bulk: pagina verwijderen": (page_view("/admin/bulk/wagtailcore/page/delete/?id={page}"), "404", SHOWN),
    "bulk: pagina publiceren": (page_view("/admin/bulk/wagtailcore/page/publish/?id={page}"), "404", SHOWN),
    "bulk: pagina depubliceren": (page_view("/admin/bulk/wagtailcore/page/unpublish/?id={page}"), "404", SHOWN),
    "bulk: pagina verplaatsen": (page_view("/admin/bulk/wagtailcore/page/move/?id={page}"), "404", SHOWN),
    "admin-API: pagina": (page_view("/admin/api/main/pages/{page}/"), "404", SHOWN),
    "admin-API: onderliggende pagina's": (page_view("/admin/api/main/pages/?child_of={index}"), "400", SHOWN),
    "admin-API: pagina zoeken": (page_view("/admin/api/main/pages/?search=Vuurwerkaanpak"), ABSENT, SHOWN),
    "documentenlijst": (document_view("/admin/documents/"), ABSENT, SHOWN),
    "documentenlijst: collectie": (document_view("/admin/documents/?collection_id={collection}"), ABSENT, SHOWN),
    "document bewerken": (document_view("/admin/documents/edit/{document}/"), DENIED, SHOWN),
    "document verwijderen": (document_view("/admin/documents/delete/{document}/"), DENIED, SHOWN),
    "documentgebruik": (document_view("/admin/documents/usage/{document}/"), DENIED, SHOWN),
    "documentkiezer": (document_view("/admin/documents/chooser/"), ABSENT, SHOWN),
    "documentkiezer: collectie": (document_view("/admin/documents/chooser/?collection_id={collection}"), ABSENT, SHOWN),
    "documentkiezer: zoeken": (document_view("/admin/documents/chooser/results/?q=draaiboek"), ABSENT, SHOWN),
    "documentkiezer: gekozen": (document_view("/admin/documents/chooser/chosen/{document}/"), DENIED, SHOWN),
    "bulk: document verwijderen": (
        document_view("/admin/bulk/wagtaildocs/document/delete/?id={document}"),
        "404",
        SHOWN,
    ),
    "bulk: document taggen": (document_view("/admin/bulk/wagtaildocs/document/add_tags/?id={document}"), "404", SHOWN),
    "bulk: document naar collectie": (
        document_view("/admin/bulk/wagtaildocs/document/add_to_collection/?id={document}"),
        "404",
        SHOWN,
    ),
    # The admin API's document endpoints serve no private document to anyone.
    "admin-API: document": (document_view("/admin/api/main/documents/{document}/"), "404", "404"),
    "admin-API: documenten": (document_view("/admin/api/main/documents/"), ABSENT, ABSENT),
    "uploaden in privécollectie": (upload("/admin/documents/add/"), REFUSED, STORED),
    "uploaden via documentkiezer": (
        upload("/admin/documents/chooser/create/", prefix="document-chooser-upload-"),
        REFUSED,
        STORED,
    ),
}  # fmt: skip
ROLES = (REDACTEUR, EINDREDACTIE, BIBLIOTHEEKBEHEER, BEHEERDER)
LIBRARY_ROLES = (BIBLIOTHEEKBEHEER, BEHEERDER)


def expected(role, view):
    _, outsider, manager = VIEWS[view]
    return manager if role in LIBRARY_ROLES else outsider


@pytest.mark.parametrize("role", ROLES)
def test_admin_access_matrix(client, library, role):
    """One role against every view: the answers received must be exactly the answers expected, cell by cell."""
    client.force_login(make_admin_user(f"{slugify(role)}@example.org", groups=[role]))
    answers = {view: ask(client, library) for view, (ask, _, _) in VIEWS.items()}
    for view, answer in answers.items():
        print(f"\n| {role} | {view} | {expected(role, view)} | {answer} |", end="")
    assert answers == {view: expected(role, view) for view in VIEWS}
