from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from apothekerskast import access
from apothekerskast.denial import protect

ACCOUNT_PREFIX = "/account/"
# Where someone without a second factor can still go: the account pages (log in, set up MFA, log out).
MFA_EXEMPT_PREFIXES = (ACCOUNT_PREFIX, "/static/", "/healthz")


class AccountPagesNotStoredMiddleware:
    """Nothing under /account/ is kept by a browser or a shared cache: the two-factor secret, the recovery codes,
    the e-mail and password pages, the access request, and any error or redirect answered there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ACCOUNT_PREFIX):
            protect(response)
        return response


class ApothekerskastMiddleware:
    """Members and everyone with Wagtail admin access are sent to the TOTP set-up until they have a second factor.

    Who may open the library is decided by the gate (apothekerskast/gate.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path_info
        if (
            user.is_authenticated
            and not path.startswith(MFA_EXEMPT_PREFIXES)
            and access.requires_mfa(user)
            and not access.has_mfa(user)
        ):
            response = redirect("mfa_activate_totp")
            add_never_cache_headers(response)
            return response
        return self.get_response(request)
