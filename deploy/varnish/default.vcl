# Varnish 7 with varnish-modules (xkey, var), in front of gunicorn (`make serve` runs it;
# docs/deploy.md says how). Two listen addresses (deploy/varnish/serve.sh): `public` for
# visitors (or `tls`, behind a TLS terminator such as nginx) and `purge`, on loopback,
# for the application servers' purges.
#
# - Every request is read whole (headers within timeout_idle, a body with at most
#   timeout_idle between two reads, up to 32 MB) before gunicorn sees it, so a client
#   that stalls holds a Varnish thread (it has thousands), never one of gunicorn's few
#   synchronous workers.
# - Anonymous GETs and HEADs of public pages are served from here, their cookies
#   stripped, for as long as the site's `s-maxage` says; the site marks everything else
#   `private, no-store` (plumbing/edge.py), and the admin, the editor's uploads, POSTs and
#   any request with a session are passed without a look.
# - When no application server answers, a visitor never gets Varnish's own error: a page
#   seen before is served stale (up to a day), and anything else, a POST included, gets
#   the site's outage page in the page's language (503, Retry-After), with the center's
#   phone as fetched last (website/edge_pages.py), or, if it was never fetched, a page
#   of this file's own with 988 and 911.
# - Pages carry their cache tags in `xkey`; a save sends `PURGE /` to the purge address
#   with the tags in `xkey-purge`: a soft purge, so that the page can still be served
#   stale while no server answers, never while one does.
# - Nothing a visitor sends about the way the request came is passed on, and nothing sent
#   back says whether the answer came from here.
# - No log: what Varnish records stays in its shared memory, overwritten as it goes. Run
#   no varnishncsa: its log would hold every visitor's address and every page read.
#
# The backend: gunicorn on 127.0.0.1:8001 (GUNICORN_BIND); deploy/varnish/serve.sh
# replaces the port with the one it is given.
vcl 4.1;

import std;
import var;
import xkey;

backend gunicorn {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    # A little longer than GUNICORN_TIMEOUT (30 s): a stuck request ends with gunicorn's
    # worker, not with Varnish giving up first.
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
    # Liveness only (plumbing/health.py): /livez touches neither PostgreSQL nor Redis,
    # whose faults are the same for every server and which the site rides out itself.
    # Healthy from the start; sick after 2 of the last 3 probes, 1 s apart, failed
    # (refused, or no answer within 5 s: a server busy with a spike is not dead), healthy
    # again after 2 answered. While it is sick, nothing is sent to it.
    .probe = {
        .url = "/livez";
        .interval = 1s;
        .timeout = 5s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

sub vcl_recv {
    if (local.socket == "purge") {
        call edge_control;
    }
    if (req.restarts == 0) {
        call edge_first_look;
    }
    if (req.http.X-Edge-Page) {
        # The outage or "too long" page, kept as long as Varnish runs (vcl_deliver makes
        # the answer a 503 or 413).
        set req.grace = 3650d;
        return (hash);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        # The whole body, before anything reaches gunicorn; past 32 MB (the inquiry form
        # with the two photos of an insurance card), refused: announced, before any of it
        # is read; sent without a length, by closing. Bodies are kept in the Transient
        # storage, whose size serve.sh bounds: when it is full, the visitor is asked to
        # try again (503), not told the message is too long. (A body sent without a
        # length that does not fit ends with the connection closed.)
        if (std.integer(req.http.Content-Length, 0) > 33554432) {
            return (synth(751));
        }
        # A body that would not fit in what is left of the Transient storage is not
        # read: Varnish could not answer once it had failed to keep it.
        if (std.bytes(req.http.Content-Length + "B", 0B) > storage.Transient.free_space) {
            return (synth(750));
        }
        if (!std.cache_req_body(32MB)) {
            return (synth(751));
        }
        return (pass);
    }
    # Staff: the admin, the editor's uploads and previews, and anyone with a session or
    # a message waiting. Never shared.
    if (req.url ~ "^/(admin|ckeditor)/" || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Only the parameters a page reads make another page (the blog's and search's `page`,
    # the sitemap's `p`, search's `q`, admissions' `center`); anything else (campaign
    # tags, made-up ones) gets the copy already kept and never reaches gunicorn.
    call edge_query;
    # Anonymous: no cookie matters to a public page (a form's CSRF cookie is made again
    # with the form, which is never kept here).
    unset req.http.Cookie;
    unset req.http.Authorization;
    # While a server answers, no page is served past its time (a purged page is
    # fetched again before anyone sees it); while none does, a page seen in the last day
    # is served rather than none.
    if (req.http.X-Edge-Stale) {
        set req.grace = 24h;  # req.grace outlives a restart: set again
    } else if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

# The purge address: purges, and fresh fetches of the edge's own pages. Nothing else.
sub edge_control {
    if (req.method == "PURGE") {
        if (!req.http.xkey-purge) {
            return (synth(400, "Bad Request"));
        }
        # First the moment, then the purge: a page fetched in between is refused by the
        # moment (vcl_backend_response).
        if (std.real(req.http.xkey-purged-at, 0) > std.real(var.global_get("purged_at"), 0)) {
            var.global_set("purged_at", req.http.xkey-purged-at);
        }
        set req.http.X-Edge-Purged = xkey.softpurge(req.http.xkey-purge);
        return (synth(200, "Purged"));
    }
    if (req.method == "GET" && req.url ~ "^/edge/(outage|too-long)/[a-z]{2}/$") {
        set req.hash_always_miss = true;
        return (hash);
    }
    return (synth(405, "Method Not Allowed"));
}

# A visitor's request as it arrives: what it may not say, and what to answer if the
# site cannot.
sub edge_first_look {
    unset req.http.X-Edge-Page;
    unset req.http.X-Edge-Stale;
    unset req.http.X-Edge-Built;
    if (req.url ~ "^/es(/|\?|$)") {
        set req.http.X-Edge-Language = "es";
    } else {
        set req.http.X-Edge-Language = "en";
    }
    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
        return (synth(405, "Method Not Allowed"));
    }
    if (req.url ~ "^/edge/") {
        return (synth(404, "Not Found"));
    }
    # What a visitor says about the way the request came is not believed: gunicorn would
    # take SCRIPT_NAME and PATH_INFO from a trusted forwarder (this one), and Django the
    # scheme and host of its links from the forwarded ones.
    unset req.http.SCRIPT_NAME;
    unset req.http.Script-Name;
    unset req.http.PATH_INFO;
    unset req.http.Path-Info;
    unset req.http.Forwarded;
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Forwarded-Server;
    unset req.http.X-Forwarded-Ssl;
    unset req.http.X-Forwarded-Protocol;
    unset req.http.X-Forwarded-Scheme;
    unset req.http.X-Url-Scheme;
    unset req.http.Front-End-Https;
    unset req.http.X-Real-IP;
    unset req.http.X-Original-URL;
    unset req.http.X-Rewrite-URL;
    if (local.socket == "tls") {
        # Behind a TLS terminator on this machine (nginx, docs/deploy.md), which sets
        # X-Forwarded-Proto itself, overwriting the client's, and appends to
        # X-Forwarded-For (Varnish appends the terminator's address after it).
        if (req.http.X-Forwarded-Proto != "https") {
            set req.http.X-Forwarded-Proto = "http";
        }
    } else {
        # Visitors come straight here: over plain HTTP, from the address Varnish sees
        # (the site takes it as the client's: DJANGO_TRUSTED_PROXY_COUNT=1).
        set req.http.X-Forwarded-Proto = "http";
        set req.http.X-Forwarded-For = client.ip;
    }
    # The port the client asked for, whatever it claimed: the site keeps pages for it.
    set req.http.X-Forwarded-Port = std.port(server.ip);
}

sub edge_query {
    if (req.url !~ "\?") {
        return;
    }
    set req.http.X-Edge-Query = regsub(req.url, "^[^?]*\?", "&");
    set req.url = regsub(req.url, "\?.*$", "");
    set req.http.X-Edge-Query = regsuball(req.http.X-Edge-Query, "&(?!(page|p|q|center)=)[^&]*", "");
    if (req.http.X-Edge-Query != "") {
        set req.url = std.querysort(req.url + regsub(req.http.X-Edge-Query, "^&", "?"));
    }
    unset req.http.X-Edge-Query;
}

sub vcl_hash {
    if (req.url ~ "^/edge/") {
        # The edge's pages are one copy for every host a request names.
        hash_data(req.url);
        return (lookup);
    }
}

sub vcl_miss {
    if (local.socket == "purge") {
        return (fetch);
    }
    if (req.http.X-Edge-Page) {
        # Never fetched since Varnish started, and no server to ask: the page below.
        return (synth(752));
    }
    if (req.http.X-Edge-Stale || !std.healthy(req.backend_hint)) {
        # No copy left to serve, and no server answers.
        return (synth(750));
    }
}

sub vcl_pass {
    if (local.socket != "purge" && !std.healthy(req.backend_hint)) {
        return (synth(750));
    }
}

sub vcl_backend_fetch {
    unset bereq.http.X-Edge-Page;
    unset bereq.http.X-Edge-Stale;
    unset bereq.http.X-Edge-Language;
}

sub vcl_backend_response {
    if (bereq.is_bgfetch && beresp.status >= 500) {
        # A server answering errors: the copy kept is better than the error.
        return (abandon);
    }
    if (bereq.url ~ "^/edge/") {
        if (beresp.status != 200) {
            # The copy already kept stays.
            return (abandon);
        }
        unset beresp.http.Set-Cookie;
        unset beresp.http.Vary;
        set beresp.grace = 3650d;
        return (deliver);
    }
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        # Only what the site marked public is kept (plumbing/edge.py); the rest is passed,
        # and remembered as such for 2 minutes (hit-for-miss), so that requests for a
        # form are sent on side by side instead of each waiting for the one before.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 24h;
    # No purge race: a page whose request started before the last purge may show what
    # that save changed; it answers the requests waiting for it, and is then gone.
    if (std.real(beresp.http.X-Edge-Built, 99999999999.0) <= std.real(var.global_get("purged_at"), 0)) {
        set beresp.ttl = 0s;
    }
    return (deliver);
}

sub vcl_backend_error {
    # No error object is made: the copy kept (in grace) stays untouched, and the visitor's
    # request goes to vcl_synth with a 503, where it gets something better.
    return (abandon);
}

sub vcl_deliver {
    if (req.http.X-Edge-Page == "503") {
        set resp.status = 503;
        set resp.reason = "Service Unavailable";
        set resp.http.Retry-After = "60";
        set resp.http.Cache-Control = "no-store";
        if (req.http.Content-Length) {
            # The body may not have been read.
            set resp.http.Connection = "close";
        }
    } else if (req.http.X-Edge-Page == "413") {
        set resp.status = 413;
        set resp.reason = "Content Too Large";
        set resp.http.Cache-Control = "no-store";
        # The body was not read: the connection cannot carry another request.
        set resp.http.Connection = "close";
    }
    call edge_quiet;
}

# Nothing sent back names the cache, its keys, or whether the page came from it.
sub edge_quiet {
    unset resp.http.xkey;
    unset resp.http.X-Edge-Built;
    unset resp.http.X-Cache;
    unset resp.http.X-Edge;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.Age;
    unset resp.http.Server;
}

sub vcl_synth {
    if (resp.status == 503 && local.socket != "purge") {
        # The fetch failed (vcl_backend_error): a copy kept before, if there is one
        # (vcl_miss sends on to the outage page), else the outage page.
        if ((req.method == "GET" || req.method == "HEAD") && !req.http.X-Edge-Stale) {
            set req.http.X-Edge-Stale = "1";
            return (restart);
        }
        set resp.status = 750;
    }
    if ((resp.status == 750 || resp.status == 751) && local.socket != "purge") {
        # The site's outage (750) or "too long" (751) page, in the page's language.
        if (resp.status == 750) {
            set req.http.X-Edge-Page = "503";
            set req.url = "/edge/outage/" + req.http.X-Edge-Language + "/";
        } else {
            set req.http.X-Edge-Page = "413";
            set req.url = "/edge/too-long/" + req.http.X-Edge-Language + "/";
        }
        set req.method = "GET";
        return (restart);
    }
    unset resp.http.X-Varnish;
    unset resp.http.Server;
    set resp.http.Cache-Control = "no-store";
    if (resp.status == 752) {
        call edge_last_resort;
        return (deliver);
    }
    if (resp.status == 413) {
        set resp.http.Connection = "close";
    }
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}

# The outage page when the site's was never fetched (Varnish just started, and no
# server has answered since): the crisis lines, which need nothing from the site.
sub edge_last_resort {
    if (req.http.X-Edge-Page == "413") {
        set resp.status = 413;
        set resp.reason = "Content Too Large";
        set resp.http.Connection = "close";
    } else {
        set resp.status = 503;
        set resp.reason = "Service Unavailable";
        set resp.http.Retry-After = "60";
    }
    set resp.http.Content-Type = "text/html; charset=utf-8";
    if (req.http.X-Edge-Language == "es") {
        set resp.body = {"<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>No disponible por el momento</title></head>
<body><main>
<h1>Esta página no está disponible en este momento</h1>
<p>Nuestro sitio tiene un problema pasajero. Vuelva a intentarlo en uno o dos minutos. Si envió un mensaje, no lo recibimos.</p>
<p>Si está pasando por una crisis de salud mental o de consumo de sustancias, llame al <a href="tel:988">988</a> y marque 2, o envíe AYUDA por <a href="sms:988?body=AYUDA">mensaje de texto al 988</a>. En una emergencia, llame al <a href="tel:911">911</a>.</p>
</main></body></html>
"};
    } else {
        set resp.body = {"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable</title></head>
<body><main>
<h1>This page is not available right now</h1>
<p>Our website is having trouble for a moment. Please try again in a minute or two. If you sent us a message, it did not reach us.</p>
<p>For a mental health or substance use crisis, call <a href="tel:988">988</a> or <a href="sms:988">text 988</a>. In an emergency, call <a href="tel:911">911</a>.</p>
</main></body></html>
"};
    }
}
