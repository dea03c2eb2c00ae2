# Varnish 7 in front of gunicorn (`make serve` runs it; docs/deploy.md says how).
#
# What it does for the site today: it reads every request whole (headers within
# timeout_idle, a body within timeout_idle between two reads, up to 20 MB) before
# gunicorn sees it, so a client that stalls holds a Varnish thread (it has thousands),
# never one of gunicorn's few synchronous workers. It keeps nothing: every request is
# passed, the site's own page cache answers (plumbing/page_cache.py).
#
# The backend: gunicorn on 127.0.0.1:8001 (GUNICORN_BIND). Change the port here if
# gunicorn listens elsewhere.
vcl 4.1;

import std;

backend gunicorn {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    # A little longer than GUNICORN_TIMEOUT (30 s): a stuck request ends with gunicorn's
    # worker, not with Varnish giving up first.
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
}

sub vcl_recv {
    # The client's address, for the site's rate limit and login lockout: Varnish
    # appends it to X-Forwarded-For itself (DJANGO_TRUSTED_PROXY_COUNT=1).
    if (req.method != "GET" && req.method != "HEAD") {
        # The whole body, before anything reaches gunicorn; past 20 MB (a staff photo
        # with its form, as nginx's client_max_body_size), refused here: announced, with
        # a 413 before any of it is read; sent without a length, by closing.
        if (std.integer(req.http.Content-Length, 0) > 20971520) {
            return (synth(413, "Request body too large"));
        }
        if (!std.cache_req_body(20MB)) {
            return (synth(413, "Request body too large"));
        }
    }
    return (pass);
}

sub vcl_synth {
    if (resp.status == 413) {
        # The body is not read: the connection cannot carry another request.
        set resp.http.Connection = "close";
    }
    unset resp.http.X-Varnish;
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}

sub vcl_deliver {
    # Nothing here names the cache or its version.
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.Age;
}
