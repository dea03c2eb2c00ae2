#!/bin/sh
# varnishd in the foreground in front of gunicorn, as `make serve` and the tests run it:
#   deploy/varnish/serve.sh LISTEN_ADDRESS WORK_DIRECTORY GUNICORN_PORT [VCL_FILE]
# The VCL (default.vcl here unless given) is copied into WORK_DIRECTORY with its backend
# port made GUNICORN_PORT.
# Limits on clients (docs/deploy.md, "Timeouts and limits"):
# - timeout_idle 10 s: for the request line and headers, and between two reads of a
#   request body, which is read whole before gunicorn sees it (default.vcl);
# - send_timeout 60 s for a whole answer, idle_send_timeout 10 s between two writes.
# Varnish's own log stays in its shared memory, overwritten as it goes: nothing here
# writes visitors' addresses to disk (run no varnishncsa).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$2
mkdir -p "$work"
chmod 755 "$work"  # run as root, varnishd's worker process is another user
sed "s/\.port = \"8001\";/.port = \"$3\";/" "${4:-$here/default.vcl}" >"$work/default.vcl"
exec varnishd -F \
    -a "$1" \
    -n "$work" \
    -f "$work/default.vcl" \
    -s malloc,64m \
    -p timeout_idle=10 \
    -p send_timeout=60 \
    -p idle_send_timeout=10
