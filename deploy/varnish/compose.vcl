# backends.vcl for docker-compose.yml (see default.vcl): every instance of the app service on the compose network.
# The service name resolves to one address per instance (deploy.replicas, or docker compose up --scale app=N);
# vmod_dynamic (in the official image) follows those addresses as instances come and go and balances over the healthy
# ones; a retry asks it again, which may give the same instance until its probes fail.
import dynamic;
probe healthz {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 10s;
    .window = 5;
    .threshold = 2;
}
sub vcl_init {
    new apps = dynamic.director(port = "8000", probe = healthz, ttl = 5s, first_byte_timeout = 60s);
    new searches = dynamic.director(port = "8000", probe = healthz, ttl = 5s, first_byte_timeout = 10s,
        max_connections = 2);
}
sub pick_app { set req.backend_hint = apps.backend("app"); }
sub pick_search { set req.backend_hint = searches.backend("app"); }
sub pick_other { set bereq.backend = apps.backend("app"); }
# The app and the scheduler purge; nginx (web) is the proxy in front. All on the compose network.
acl purgers { "10.0.0.0"/8; "172.16.0.0"/12; "192.168.0.0"/16; }
acl proxies { "10.0.0.0"/8; "172.16.0.0"/12; "192.168.0.0"/16; }
sub error_page { synthetic(std.fileread("/srv/error-pages/503.html")); }
sub too_many_page { synthetic(std.fileread("/srv/error-pages/429.html")); }
