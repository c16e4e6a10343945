"""System checks of this site's own."""

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string


@register(Tags.security, deploy=True)
def csrf_middleware_check(app_configs, **kwargs):
    """Django's security.W003 looks for CsrfViewMiddleware by its dotted path. This site runs a subclass of it
    (portal.middleware.SameOriginCsrfMiddleware), so W003 is silenced in the settings and this check stands in:
    it warns when no CSRF middleware, Django's or a subclass, is in MIDDLEWARE."""
    if any(issubclass(import_string(path), CsrfViewMiddleware) for path in settings.MIDDLEWARE):
        return []
    return [CheckWarning("No CSRF middleware in MIDDLEWARE: forms can be posted from other sites.", id="portal.W003")]
