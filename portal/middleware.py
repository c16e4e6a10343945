from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware

from portal.sites import find_site


class PermissionsPolicyMiddleware:
    """Sends the Permissions-Policy header, which Django has no setting for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class SiteMiddleware:
    """Finds the request's Wagtail site before the view runs, with its settings and the site root paths, in one
    query (portal.sites.find_site)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        find_site(request)


class SameOriginCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, with one more way to pass for a visitor without a session: a POST the browser
    itself declares same-origin.

    Public pages are served from the shared cache, the same to every reader, so their forms (newsletter sign-up,
    event registration) carry no CSRF token and set no cookie. Their posts are protected by the browser's own
    statement of where the request comes from instead: `Sec-Fetch-Site: same-origin`, or without it an `Origin`
    equal to this site's or a trusted origin. Pages cannot forge either header, so a cross-site form or script
    post is refused, the defence Go's net/http CrossOriginProtection relies on alone. A request without either
    header, and every request with a session, still needs Django's token.
    """

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and self.declared_same_origin(request)
        ):
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)

    @staticmethod
    def declared_same_origin(request):
        fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
        if fetch_site is not None:
            return fetch_site == "same-origin"
        origin = request.META.get("HTTP_ORIGIN")
        if not origin or origin == "null":
            return False
        return origin == f"{request.scheme}://{request.get_host()}" or origin in settings.CSRF_TRUSTED_ORIGINS
