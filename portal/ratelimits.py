"""Rate limits on the public sign-up forms (newsletter, events), per client and per address.

Counted by allauth's rate limiter, in the shared cache (Redis, or the database table), so every instance sees the
same count and the client's address is found as for log-in. The rates are actions in ACCOUNT_RATE_LIMITS (settings),
next to the log-in ones.
"""

from allauth.core import ratelimit
from django import forms

TOO_MANY = "Er zijn in korte tijd te veel aanmeldingen verstuurd. Probeer het over een uur opnieuw."
RATE_LIMITED = "rate_limited"


def allow(request, form, *, action, key):
    """Count one submission of the valid `form` for the client and for `key` (the address); over either limit, the
    form's e-mail field says so (see status())."""
    if ratelimit.consume(request, action=action, key=key):
        return True
    form.add_error("email", forms.ValidationError(TOO_MANY, code=RATE_LIMITED))
    return False


def status(form, otherwise):
    """429 for a form refused by allow(), `otherwise` for any other answer; the form comes back with what was typed."""
    return 429 if form.has_error("email", RATE_LIMITED) else otherwise
