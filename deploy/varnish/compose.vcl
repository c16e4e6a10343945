# backends.vcl for docker-compose.yml (see default.vcl): the app service on the compose network.
probe healthz {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}
backend app {
    .host = "app";
    .port = "8000";
    .probe = healthz;
    .first_byte_timeout = 60s;
}
backend app_search {
    .host = "app";
    .port = "8000";
    .probe = healthz;
    .first_byte_timeout = 10s;
    .max_connections = 2;
}
sub pick_app { set req.backend_hint = app; }
sub pick_search { set req.backend_hint = app_search; }
# The app and the scheduler purge; nginx (web) is the proxy in front. All on the compose network.
acl purgers { "10.0.0.0"/8; "172.16.0.0"/12; "192.168.0.0"/16; }
acl proxies { "10.0.0.0"/8; "172.16.0.0"/12; "192.168.0.0"/16; }
sub error_page { synthetic(std.fileread("/srv/error-pages/503.html")); }
sub too_many_page { synthetic(std.fileread("/srv/error-pages/429.html")); }
