from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from apothekerskast import access
from apothekerskast.models import Organisation


@login_required
@require_GET
def overview(request):
    """Mijn account: who is logged in, where their access to the apothekerskast stands, and what to do next."""
    context = {
        "organisation": Organisation.for_email(request.user.email),
        "state": access.membership_state(request.user),
        "has_mfa": access.has_mfa(request.user),
    }
    return TemplateResponse(request, "accounts/overview.html", context)  # not stored: AccountPagesNotStoredMiddleware
