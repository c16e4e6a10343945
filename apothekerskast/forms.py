from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm

from apothekerskast import archives
from apothekerskast.models import OrganisationRequest, ToolkitPage

ALLOWED_EXTENSIONS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "zip", "csv", "txt")
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Signatures of content that must never pass as a document, whatever its name.
FORBIDDEN_STARTS = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")
HTML_MARKERS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


class AccessRequestForm(forms.Form):
    reason = forms.CharField(
        label="Waarvoor heeft u de apothekerskast nodig?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Bijvoorbeeld uw functie en de toolkits die u wilt gebruiken.",
    )


class OrganisationRequestForm(forms.ModelForm):
    """ "Mijn organisatie staat er niet bij": who asks, for which organisation, from which work address, and why."""

    class Meta:
        model = OrganisationRequest
        fields = ["name", "organisation_name", "email", "reason"]
        labels = {"name": "Naam", "organisation_name": "Organisatie", "email": "Werkadres", "reason": "Toelichting"}
        help_texts = {
            "organisation_name": "De gemeente of organisatie waar u werkt.",
            "email": "Uw e-mailadres op het werk. Is het domein toegevoegd, dan krijgt u hierover een e-mail.",
            "reason": "Uw functie en waarvoor u de apothekerskast wilt gebruiken.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "reason": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class FollowThemesForm(forms.Form):
    """The strategy themes a member follows: one e-mail for each toolkit published under one of them."""

    themes = forms.ModelMultipleChoiceField(
        label="Thema's",
        queryset=ToolkitPage._meta.get_field("theme").related_model.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="U krijgt één e-mail per nieuwe toolkit, met de titel en een link. Geen vinkje: geen berichten.",
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes


def content_matches(extension, head, upload):
    """Whether the file's bytes are what its extension promises; an archive over the limits in
    apothekerskast.archives raises a ValidationError saying which.

    Not `filetype` (which Wagtail's images use): it tells an office file by the names of the archive's first few
    members, as they happen to be ordered, and knows no text files. The archive's directory, which the limits
    need read anyway, says for certain which members there are.
    """
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("csv", "txt"):
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut off at the end of the sample is fine; anything else is not text.
            if error.start < len(head) - 4:
                return False
        return not any(marker in head.lower() for marker in HTML_MARKERS)
    if not head.startswith(archives.ARCHIVE_STARTS):
        return False
    try:
        with archives.checked_archive(upload) as archive:
            if extension == "zip":
                return True
            names = set(archive.namelist())
            if extension in OOXML_FOLDERS:
                folder = OOXML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)
            expected = OPENDOCUMENT_TYPES[extension]
            # A cap a little over the expected type: the declared size of a member is not to be trusted.
            mimetype = archives.read_member(archive, "mimetype", len(expected) + 2) if "mimetype" in names else b""
            return mimetype.strip() == expected
    except archives.UNREADABLE:
        return False
    finally:
        upload.seek(0)


def validate_document_upload(upload):
    """Refuse anything but the library's document types, files over the size limit and disguised content."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise forms.ValidationError(
            "Dit bestandstype is niet toegestaan. Toegestaan zijn: %(types)s.",
            params={"types": ", ".join(ALLOWED_EXTENSIONS)},
            code="file_type",
        )
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", 25 * 1024 * 1024)
    if upload.size > limit:
        raise forms.ValidationError(
            "Dit bestand is te groot (%(size)s). Het maximum is %(limit)s.",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_size",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(FORBIDDEN_STARTS) or not content_matches(extension, head, upload):
        raise forms.ValidationError(
            "De inhoud van dit bestand past niet bij de extensie .%(extension)s. Upload alleen echte "
            "%(extension_upper)s-bestanden; hernoemde bestanden (zoals een webpagina of programma) worden geweigerd.",
            params={"extension": extension, "extension_upper": extension.upper()},
            code="file_content",
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with the library's upload rules (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_document_upload(upload)
        return upload
