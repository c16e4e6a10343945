"""A plain HTTP/1.1 client for tests against a real server: the request target is sent byte for byte as given
(no quoting, no normalising of dots), no proxy from the environment is used."""

import http.client
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


def get(base_url, target, *, host=None, timeout=60):
    """GET `target` (path and query string as they go on the request line) from the server at `base_url`."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.putrequest("GET", target, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()
