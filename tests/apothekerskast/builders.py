"""Builders for the apothekerskast tests: organisations, people in every membership state, the library."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from apothekerskast import access
from apothekerskast.demo import example_pdf
from apothekerskast.models import (
    AccessRequest,
    ApothekerskastIndexPage,
    Organisation,
    OrganisationDomain,
    ToolkitDocument,
    ToolkitPage,
)
from editorial.roles import PUBLIC_COLLECTION

PASSWORD = "een-lang-en-sterk-wachtwoord-2024"
SECRET_TOOLKIT = "Geheime toolkit Vuurwerkaanpak"
SECRET_DOCUMENT = "Vertrouwelijk draaiboek Oudejaarsnacht"
SECRET_FILENAME = "vertrouwelijk-draaiboek.pdf"
STATES = ("unverified", "no_request", "pending", "rejected", "expired", "revoked", "no_mfa")


def make_organisation(name="Gemeente Utrecht", domain="utrecht.nl", kind=Organisation.Kind.GEMEENTE):
    organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
    if domain:
        OrganisationDomain.objects.get_or_create(organisation=organisation, domain=domain)
    return organisation


def make_user(email, *, verified=True, password=PASSWORD, **fields):
    user = get_user_model().objects.create_user(email=email, password=password, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def add_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def make_person(state, organisation, email=None):
    """A user in one of the membership states (see apothekerskast.access), or a full member for "member"."""
    email = email or f"{state}@{organisation.domains.first().domain}"
    user = make_user(email, verified=state != "unverified")
    now = timezone.now()
    if state in ("pending", "rejected", "expired", "revoked", "no_mfa", "member", "unverified"):
        request = AccessRequest.objects.create(user=user, organisation=organisation, reason="Voor mijn werk.")
        if state == "rejected":
            request.reject(by=None)
        elif state == "revoked":
            request.approve(by=None)
            request.revoke(by=None)
        elif state in ("expired",):
            request.approve(by=None, expires_at=now - timedelta(minutes=1))
        elif state in ("no_mfa", "member", "unverified"):
            request.approve(by=None)
    if state in ("member", "expired", "revoked", "rejected", "pending", "unverified"):
        add_totp(user)
    return user


def make_toolkit(index, title, *, live=True, **fields):
    """A toolkit under the library's index page, published unless told otherwise."""
    fields.setdefault("slug", slugify(title))
    toolkit = ToolkitPage(title=title, live=live, **fields)
    index.add_child(instance=toolkit)
    revision = toolkit.save_revision()
    if live:
        revision.publish()
    return toolkit


def make_library(home, theme=None):
    """The library with one toolkit (on `theme`, a ThemePage) holding one private document, and a public document
    elsewhere."""
    index = ApothekerskastIndexPage(title="Apothekerskast", slug="apothekerskast", summary="Voor leden.")
    home.add_child(instance=index)
    index.save_revision().publish()
    collection = access.library_collection()
    Document = get_document_model()
    document = Document(title=SECRET_DOCUMENT, collection=collection)
    document.file.save(SECRET_FILENAME, ContentFile(example_pdf(SECRET_DOCUMENT)), save=False)
    document._set_document_file_metadata()
    document.save()
    toolkit = make_toolkit(
        index,
        SECRET_TOOLKIT,
        slug="geheime-toolkit",
        summary="Preventie en repressie.",
        audience="Gemeenten",
        theme=theme,
    )
    toolkit.documents = [ToolkitDocument(document=document)]
    toolkit.save_revision().publish()
    public = Document(title="Openbare folder", collection=Collection.objects.get(depth=2, name=PUBLIC_COLLECTION))
    public.file.save("openbare-folder.pdf", ContentFile(example_pdf("Openbare folder")), save=False)
    public._set_document_file_metadata()
    public.save()
    return Library(index, toolkit, document, public)


class Library:
    def __init__(self, index, toolkit, document, public_document):
        self.index = index
        self.toolkit = toolkit
        self.document = document
        self.public_document = public_document
