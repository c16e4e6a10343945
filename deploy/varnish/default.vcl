# The shared cache in front of the portal (portal/cache.py explains the rules). Django decides, Varnish obeys:
# only a response marked `public` without a cookie is stored, and only for a request without a session.
# Purges: PURGE with an `xkey-purge` header (surrogate keys, from portal.cache.XkeyBackend) or of a URL.
#
# The environment supplies backends.vcl (found on vcl_path; bin/start-varnish writes one, deploy/varnish/compose.vcl
# is Docker's): the subroutines `pick_app` and `pick_search`, which set req.backend_hint to the application's backends
# probed on /healthz (for searches one with a small .max_connections: the cap on concurrent searches), and
# `pick_other`, which sets bereq.backend to an instance other than the one named in bereq.http.X-Failed-Backend;
# the ACLs `purgers` (who may purge) and `proxies` (whose X-Forwarded-For is believed); and the subroutines
# `error_page` and `too_many_page` that put the site's Dutch 503 and 429 pages (manage.py render_error_pages) in the
# synthetic body.
vcl 4.1;

import cookie;
import std;
import vsthrottle;
import xkey;

include "backends.vcl";

# Several instances of the application (same image, one database, Redis and media volume) are balanced here, round-
# robin, rather than by nginx: Varnish already probes /healthz and keeps serving the last good copy, and it takes a
# sick instance out of the rotation on its probes, where open-source nginx only learns from failed requests. A GET or
# HEAD that finds an instance gone (killed, or restarting: gunicorn closes its socket on SIGTERM) is tried again on
# the next one, so a restart loses no reader's request. An instance is sick when 4 of its last 5 probes failed, and a
# probe waits 10 s: under load /healthz queues behind the requests of a busy instance, which is slow, not sick (were
# all instances taken out, every logged-in reader would get the 503 page); a stopped one refuses at once.

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Cache;
    }
    if (client.ip ~ proxies && req.http.X-Forwarded-For) {
        # The client as the proxy in front saw it (the last address it appended).
        set client.identity = regsub(req.http.X-Forwarded-For, "^.*,\s*", "");
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.X-Purged));
        }
        return (purge);
    }

    if (req.url ~ "^/zoeken/") {
        call pick_search;
    } else {
        call pick_app;
    }
    # A healthy application gets a stale object refreshed at once; a sick one leaves the last good copy in use.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    # Only Django's session, CSRF and one-time notice (messages) cookies matter to the application; any other cookie
    # (analytics of a campaign site, a browser extension) would make every request unique (why Vary: Cookie defeats
    # caching). A notice reaches only what is passed below: the account pages and a session's requests.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep("sessionid,csrftoken,messages");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Accounts, the admin, the library and documents are personal: never looked up, never stored.
    if (req.url ~ "^/(admin|account|apothekerskast|documenten)([/?]|$)") {
        return (pass);
    }
    # Logged-in editors and officials always reach Django.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # An anonymous reader's CSRF cookie only matters to a POST (passed above); without it every reader shares
    # one copy, whatever Vary: Cookie says.
    unset req.http.Cookie;

    # One copy per query, whatever the order of its parameters; campaign parameters do not change a page.
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_miss {
    # Each new search query is work for the database: at most 20 per client in 10 seconds.
    if (req.url ~ "^/zoeken/" && vsthrottle.is_denied("search:" + client.identity, 20, 10s)) {
        return (synth(429, "Too Many Requests"));
    }
}

sub vcl_backend_response {
    # The last good copy of a page is kept a day past its time, served while the application is down.
    set beresp.grace = 24h;
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # A failing refresh keeps the stale copy in place.
        return (abandon);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_backend_fetch {
    if (bereq.retries > 0) {
        call pick_other;
        unset bereq.http.X-Failed-Backend;
    }
}

sub vcl_backend_error {
    if (bereq.retries == 0 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        set bereq.http.X-Failed-Backend = beresp.backend.name;
        return (retry);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    call error_page;
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 429) {
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.http.Cache-Control = "no-store";
        set resp.http.Retry-After = "10";
        call too_many_page;
        return (deliver);
    }
}

sub vcl_deliver {
    # Whether the copy came from the cache (tests and benchmarks read it); the surrogate keys stay inside.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
