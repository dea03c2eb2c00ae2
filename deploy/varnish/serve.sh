#!/bin/sh
# varnishd in front of gunicorn, as `make serve` and the tests run it, until stopped:
#   deploy/varnish/serve.sh LISTEN_ADDRESS WORK_DIRECTORY GUNICORN_PORT PURGE_ADDRESS [VCL_FILE]
# Visitors come to LISTEN_ADDRESS (the listen address `public`; `tls` with
# VARNISH_BEHIND_TLS=1, when a TLS terminator on this machine, such as nginx, is in front
# and sets X-Forwarded-Proto); the application servers purge at PURGE_ADDRESS (`purge`),
# which must be one visitors cannot reach (127.0.0.1:8002). The VCL (default.vcl here
# unless given) is copied into WORK_DIRECTORY with its backend port made GUNICORN_PORT.
#
# While it runs:
# - a change of the VCL file is loaded live (deploy/varnish/reload.sh: vcl.load and
#   vcl.use), keeping the cache, as `varnishadm` does in production;
# - the site's outage pages are fetched again every 30 s through the purge address
#   (every 2 s until the site first answers), so that the edge has them, with the
#   center's current phone, before it needs them. Their Host: the first of
#   DJANGO_ALLOWED_HOSTS (localhost when unset).
#
# Limits on clients (docs/deploy.md, "Timeouts and limits"):
# - timeout_idle 10 s: for the request line and headers, and between two reads of a
#   request body, which is read whole before gunicorn sees it (default.vcl);
# - send_timeout 60 s for a whole answer, idle_send_timeout 10 s between two writes;
# - request bodies, and every answer passed rather than kept, live in the Transient
#   storage, bounded to VARNISH_TRANSIENT (128m): a body that does not fit is answered
#   with the outage page ("try again in a minute"), never with memory without bound.
# Varnish's own log stays in its shared memory, overwritten as it goes: nothing here
# writes visitors' addresses to disk (run no varnishncsa).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
listen=$1
work=$2
backend_port=$3
purge=$4
vcl=${5:-$here/default.vcl}
name=public
if [ "${VARNISH_BEHIND_TLS:-0}" = 1 ]; then
    name=tls
fi
mkdir -p "$work"
chmod 755 "$work" # run as root, varnishd's worker process is another user
sed "s/\.port = \"8001\";/.port = \"$backend_port\";/" "$vcl" >"$work/default.vcl"
chmod 644 "$work/default.vcl"
varnishd -F \
    -a "$name=$listen" \
    -a "purge=$purge" \
    -n "$work" \
    -f "$work/default.vcl" \
    -s malloc,64m \
    -s "Transient=malloc,${VARNISH_TRANSIENT:-128m}" \
    -p timeout_idle=10 \
    -p send_timeout=60 \
    -p idle_send_timeout=10 &
child=$!
trap 'kill "$child" 2>/dev/null; wait "$child"; exit 0' INT TERM
trap 'kill "$child" 2>/dev/null' EXIT

host=$(printf '%s' "${DJANGO_ALLOWED_HOSTS:-localhost}" | cut -d, -f1)
loaded=$(stat -c %Y "$vcl")
fetched=0
tick=0
while kill -0 "$child" 2>/dev/null; do
    sleep 2 &
    wait $! || true
    tick=$((tick + 1))
    now=$(stat -c %Y "$vcl" 2>/dev/null || echo "$loaded")
    if [ "$now" != "$loaded" ] && "$here/reload.sh" "$work" "$backend_port" "$vcl"; then
        loaded=$now
    fi
    if [ "$fetched" = 0 ] || [ $((tick % 15)) = 0 ]; then
        fetched=1
        for page in outage/en outage/es too-long/en too-long/es; do
            curl -s -o /dev/null -f -m 10 -H "Host: $host" "http://$purge/edge/$page/" || fetched=0
        done
    fi
done
wait "$child"
