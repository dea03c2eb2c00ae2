# Varnish 7 with varnish-modules' xkey, in front of gunicorn (`make serve` runs it;
# docs/deploy.md says how).
#
# - Every request is read whole (headers within timeout_idle, a body with at most
#   timeout_idle between two reads, up to 20 MB) before gunicorn sees it, so a client
#   that stalls holds a Varnish thread (it has thousands), never one of gunicorn's few
#   synchronous workers.
# - Anonymous GETs and HEADs of public pages are served from here, their cookies
#   stripped, for as long as the site's `s-maxage` says; the site marks everything else
#   `private, no-store` (plumbing/edge.py), and the admin, the editor's uploads, POSTs and
#   any request with a session are passed without a look.
# - Pages carry their cache tags in `xkey`; a save in the admin sends `PURGE /` with the
#   tags in `xkey-purge`, accepted only from the application servers (acl purgers).
# - No log: what Varnish records stays in its shared memory, overwritten as it goes. Run
#   no varnishncsa: its log would hold every visitor's address and every page read.
#
# The backend: gunicorn on 127.0.0.1:8001 (GUNICORN_BIND); deploy/varnish/serve.sh
# replaces the port with the one it is given.
vcl 4.1;

import std;
import xkey;

backend gunicorn {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    # A little longer than GUNICORN_TIMEOUT (30 s): a stuck request ends with gunicorn's
    # worker, not with Varnish giving up first.
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
}

# Who may purge: the application servers. Add each one's address when there are several.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.purged));
    }
    # The client's address, for the site's rate limit and login lockout: Varnish
    # appends it to X-Forwarded-For itself (DJANGO_TRUSTED_PROXY_COUNT=1). The port the
    # client asked for, whatever it claimed: the site keeps pages for that port.
    set req.http.X-Forwarded-Port = std.port(server.ip);
    if (req.method != "GET" && req.method != "HEAD") {
        # The whole body, before anything reaches gunicorn; past 32 MB (the inquiry form
        # with the two photos of an insurance card, as nginx's client_max_body_size),
        # refused here: announced, with
        # a 413 before any of it is read; sent without a length, by closing.
        if (std.integer(req.http.Content-Length, 0) > 33554432) {
            return (synth(413, "Request body too large"));
        }
        if (!std.cache_req_body(32MB)) {
            return (synth(413, "Request body too large"));
        }
        return (pass);
    }
    # Staff: the admin, the editor's uploads and previews, and anyone with a session or
    # a message waiting. Never shared.
    if (req.url ~ "^/(admin|ckeditor)/" || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Campaign tags (a TV spot's utm_source, an ad's click id) change nothing on a page:
    # one copy for all of them, as the site's own page cache keeps.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|msclkid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "([?&])&+", "\1");
    set req.url = regsub(req.url, "[?&]+$", "");
    # Anonymous: no cookie matters to a public page (a form's CSRF cookie is made again
    # with the form, which is never kept here).
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # Only what the site marked public is kept (plumbing/edge.py); the rest is passed.
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
}

sub vcl_deliver {
    # Nothing here names the cache or its keys.
    if (obj.hits > 0) {
        set resp.http.X-Edge = "hit";
    } else {
        set resp.http.X-Edge = "miss";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.Age;
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
