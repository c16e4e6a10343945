"""Sending a file the view has let the reader have: documents (Wagtail's document view, through SENDFILE_BACKEND) and
renditions of images in private collections (portal.views.private_rendition).

By default Django sends the bytes (`make run`). With PROTECTED_MEDIA_ACCEL_PREFIX set (production), the response is
empty and names the file in `X-Accel-Redirect: <prefix>/<path under MEDIA_ROOT>`: nginx sends it from the media
volume through an `internal` location (deploy/nginx.conf), with Range, conditional requests and slow clients handled
there, so a download holds a gunicorn worker only for the access check. nginx keeps the headers set here.
"""

import mimetypes
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from wagtail.utils import sendfile_streaming_backend


def sendfile(request, filename, mimetype=None, **kwargs):
    """The response that sends the file at path `filename`, of type `mimetype` (guessed from the name when None); the
    interface of a django-sendfile backend, as Wagtail's document view calls it."""
    prefix = settings.PROTECTED_MEDIA_ACCEL_PREFIX
    path = Path(filename).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if not prefix or not path.is_relative_to(media_root):
        response = sendfile_streaming_backend.sendfile(request, filename, **kwargs)
        if mimetype:
            response["Content-Type"] = mimetype
        return response
    response = HttpResponse(content_type=mimetype or mimetypes.guess_type(filename)[0] or "application/octet-stream")
    response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(path.relative_to(media_root).as_posix())}"
    return response


class AccelRedirectMiddleware:
    """Drops the Content-Length of the file that Wagtail's document view puts on every response it sends: an
    X-Accel-Redirect response has no body, and the cache between the app and nginx would wait for one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("X-Accel-Redirect"):
            response["Content-Length"] = "0"
        return response
