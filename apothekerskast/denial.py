"""The single answer a door gives to someone who may not pass: it says nothing about what lies behind.

Anonymous visitors are sent to the login page; logged-in people who are not (or no longer)
members see why not and what to do, without any title, file name or existence hint. The same
response is given whatever the method, Range or conditional headers, and whether the thing exists.
"""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from apothekerskast import access


def deny(request, state=None):
    state = state or access.membership_state(request.user)
    if state == access.ANONYMOUS:
        response = redirect_to_login(request.get_full_path())
    else:
        # Rendered here: a response returned by middleware is not rendered by Django.
        response = TemplateResponse(request, "apothekerskast/no_access.html", {"state": state}, status=403).render()
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ["Cookie"])
    return response


def protect(response):
    """Headers for anything only members may see: never stored by a browser or a shared cache."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ["Cookie"])
    return response
