from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

from apothekerskast import access, alerts, gate, notifications
from apothekerskast.denial import protect
from apothekerskast.forms import AccessRequestForm, FollowThemesForm, OrganisationRequestForm
from apothekerskast.models import AccessRequest, DownloadEvent, Organisation, ThemeFollow, ToolkitPage
from portal import ratelimits


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
        access_request = AccessRequest.objects.create(
            user=request.user, organisation=organisation, reason=form.cleaned_data["reason"]
        )
        transaction.on_commit(lambda: notifications.send_new_access_request(access_request))
        messages.success(request, "Uw aanvraag is verstuurd. U krijgt een e-mail zodra er een besluit is.")
        return redirect("apothekerskast_request_access")
    context = {"organisation": organisation, "latest": latest, "state": state, "form": form}
    return TemplateResponse(request, "apothekerskast/request_access.html", context)  # not stored: see middleware


@require_http_methods(["GET", "POST"])
def request_organisation(request):
    """ "Mijn organisatie staat er niet bij": the request goes to the library managers; no account is made. Rate-limited
    per client and per address, like the other public forms (portal.ratelimits)."""
    form = OrganisationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if ratelimits.allow(request, form, action="organisation_request", key=email):
            organisation_request = form.save()
            transaction.on_commit(lambda: notifications.send_organisation_request(organisation_request))
            messages.success(
                request,
                "Uw verzoek is verstuurd naar de beheerders van de apothekerskast. Zodra uw organisatie is "
                "toegevoegd, krijgt u een e-mail en kunt u een account aanmaken.",
            )
            return redirect("apothekerskast_organisation_request")
    status = ratelimits.status(form, 400) if form.errors else 200
    return TemplateResponse(request, "apothekerskast/organisation_request.html", {"form": form}, status=status)


def followable_themes():
    """The strategy's current themes (live, public, not archived), in the tree's order."""
    return ToolkitPage._meta.get_field("theme").related_model.objects.current().order_by("path")


@login_required
@require_http_methods(["GET", "POST"])
def follow_themes(request):
    """Where a member chooses the themes whose new toolkits they hear about (apothekerskast.alerts)."""
    if not access.has_current_access(request.user):
        return TemplateResponse(request, "apothekerskast/follow_themes.html", {"form": None}, status=403)
    themes = followable_themes()
    followed = ThemeFollow.objects.filter(user=request.user)
    form = FollowThemesForm(
        request.POST or None, themes=themes, initial={"themes": [follow.theme_id for follow in followed]}
    )
    if request.method == "POST" and form.is_valid():
        chosen = {theme.pk for theme in form.cleaned_data["themes"]}
        followed.exclude(theme_id__in=chosen).delete()
        ThemeFollow.objects.bulk_create(
            [ThemeFollow(user=request.user, theme_id=pk) for pk in chosen], ignore_conflicts=True
        )
        messages.success(request, "Uw keuze is opgeslagen.")
        return redirect("apothekerskast_follow_themes")
    return TemplateResponse(request, "apothekerskast/follow_themes.html", {"form": form})


@csrf_exempt  # the signed token is the credential; mail clients' one-click POST (RFC 8058) carries no CSRF token
@require_http_methods(["GET", "POST"])
def unfollow_theme(request, token):
    """One click from the alert mail, without logging in: the theme is no longer followed."""
    try:
        user_id, theme_id = alerts.read_unfollow_token(token)
    except (signing.BadSignature, TypeError, ValueError):
        return TemplateResponse(request, "apothekerskast/unfollow_theme.html", {"theme": None}, status=400)
    ThemeFollow.objects.filter(user_id=user_id, theme_id=theme_id).delete()
    theme = ToolkitPage._meta.get_field("theme").related_model.objects.filter(pk=theme_id).first()
    return TemplateResponse(request, "apothekerskast/unfollow_theme.html", {"theme": theme})
