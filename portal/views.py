import mimetypes
import sys
from datetime import UTC, timedelta

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from wagtail import hooks

from portal import cache, files
from portal.models import ContactSettings, CustomRendition
from portal.models.images import PRIVATE_RENDITIONS_FOLDER

# Seconds a reader (or a crawler) is asked to wait when the database cannot be reached.
DATABASE_RETRY_AFTER = 60


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@cache_control(private=True, no_store=True)
def private_rendition(request, rendition_id, filename):
    """A rendition of an image in a private collection, for those every restriction on the collection lets in, and
    every `before_serve_private_rendition` hook: `fn(request, restrictions)` says whether the request may see it.

    Everyone else gets the same 404 as for a rendition that does not exist. No shared cache may keep the file.
    """
    rendition = CustomRendition.objects.select_related("image__collection").filter(pk=rendition_id).first()
    exists = rendition is not None and rendition.file.name == f"{PRIVATE_RENDITIONS_FOLDER}/{filename}"
    restrictions = list(rendition.image.collection.get_view_restrictions()) if exists else []
    if (
        not exists
        or not all(restriction.accept_request(request) for restriction in restrictions)
        or not all(may_see(request, restrictions) for may_see in hooks.get_hooks("before_serve_private_rendition"))
    ):
        raise Http404("Deze afbeelding bestaat niet")
    return files.sendfile(request, rendition.file.path, mimetype=mimetypes.guess_type(filename)[0])


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zoeken/",
        "Disallow: /documenten/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def security_txt(request):
    """RFC 9116: where to report a vulnerability, valid for half a year from today."""
    contact = ContactSettings.for_request(request)
    cache.add_objects(request, contact)
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{contact.email}" if contact.email else f"Contact: {request.build_absolute_uri('/')}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    # RFC 9116 section 3: text/plain with the charset parameter set to utf-8.
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The Dutch error page, rendered without a request context: the database may be the reason we are here.

    Django calls this while handling the exception, from any middleware or view. When the database cannot be
    reached, or Redis when a log-in attempt must be counted there (portal/redis_cache.py), readers get 503 with
    Retry-After: the site is down for a moment, not broken.
    """
    if database_unreachable(sys.exception()):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        add_never_cache_headers(response)
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def database_unreachable(error):
    """Whether `error`, or an error it was raised from, says the connection to the database or to Redis failed or
    was lost."""
    while error is not None:
        if isinstance(error, (InterfaceError, OperationalError, RedisConnectionError, RedisTimeoutError)):
            return True
        error = error.__cause__ or error.__context__
    return False
