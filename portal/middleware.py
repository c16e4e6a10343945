from django.conf import settings

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
