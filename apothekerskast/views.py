from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

from apothekerskast import access, gate
from apothekerskast.denial import protect
from apothekerskast.forms import AccessRequestForm
from apothekerskast.models import AccessRequest, DownloadEvent, Organisation


def serve_document(request, document_id, document_filename):
    """Every document's address (Wagtail's URL name): the gate decides, then the file is served (apothekerskast.gate).

    Public documents are served as Wagtail serves them; a private one to a member as an attachment that no cache may
    keep, its download recorded.
    """
    document = get_document_model().objects.select_related("collection").filter(pk=document_id).first()
    if document is not None and document.filename != document_filename:
        document = None
    refusal, private = gate.document_door(request, document)
    if refusal is not None:
        return refusal
    return serve_file(request, document, private=private)


def serve_file(request, document, *, private):
    """The file response for a document the gate let through: Wagtail's serve view (with Wagtail's own check of the
    collection's restrictions), without the literal `Content-Encoding: None` it sends when the file name implies no
    encoding (wagtail.utils.sendfile; to be reported upstream). A private file is an attachment no cache keeps, and
    its download is recorded."""
    response = serve(request, document.pk, document.filename)
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    if not private:
        return response
    if response.status_code < 300 or response.status_code == 304:  # not Wagtail's own refusal
        record_download(request, document)
    if response.has_header("Content-Disposition"):
        response["Content-Disposition"] = response["Content-Disposition"].replace("inline", "attachment", 1)
    else:
        response["Content-Disposition"] = "attachment"
    return protect(response)


def record_download(request, document):
    """A private document served to a member (a HEAD request carries no file)."""
    if request.method == "HEAD":
        return
    user = request.user
    DownloadEvent.objects.create(
        user=user,
        user_email=user.email,
        organisation=access.member_organisation(user) or Organisation.for_email(user.email),
        document=document,
        document_title=document.title[:255],
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_access(request):
    """Where a verified official asks for access and sees how the request stands."""
    organisation = Organisation.for_email(request.user.email)
    latest = AccessRequest.objects.filter(user=request.user).order_by("-created_at", "-pk").first()
    state = access.membership_state(request.user)
    can_request = organisation is not None and state in {
        access.NO_REQUEST,
        access.REJECTED,
        access.EXPIRED,
        access.REVOKED,
    }
    form = AccessRequestForm(request.POST or None) if can_request else None
    if form is not None and request.method == "POST" and form.is_valid():
        AccessRequest.objects.create(user=request.user, organisation=organisation, reason=form.cleaned_data["reason"])
        messages.success(request, "Uw aanvraag is verstuurd. U krijgt een e-mail zodra er een besluit is.")
        return redirect("apothekerskast_request_access")
    context = {"organisation": organisation, "latest": latest, "state": state, "form": form}
    return TemplateResponse(request, "apothekerskast/request_access.html", context)  # not stored: see middleware
