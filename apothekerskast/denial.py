"""The single answer a door gives to someone who may not pass: it says nothing about what lies behind.

Anonymous visitors are sent to the login page; logged-in people who are not (or no longer)
members see why not and what to do, without any title, file name or existence hint. The same
response is given whatever the method, Range or conditional headers, and whether the thing exists.
"""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from apothekerskast import access
from apothekerskast.restrictions import protect


def deny(request, state=None):
    state = state or access.membership_state(request.user)
    if state == access.ANONYMOUS:
        response = redirect_to_login(request.get_full_path())
    else:
        # Rendered here: a response returned by middleware is not rendered by Django.
        response = TemplateResponse(request, "apothekerskast/no_access.html", {"state": state}, status=403).render()
    return protect(response)
