#!/bin/sh
# Load a VCL into a running varnishd, live: no restart, no connection refused, the cache
# kept (docs/deploy.md, "Changing the VCL"):
#   deploy/varnish/reload.sh WORK_DIRECTORY GUNICORN_PORT [VCL_FILE]
# WORK_DIRECTORY is varnishd's -n (serve.sh's); the VCL (default.vcl here unless given)
# gets its backend port made GUNICORN_PORT, is compiled and checked (vcl.load: a VCL that
# does not compile changes nothing), then used for every new request (vcl.use). The VCLs
# used before are discarded.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$1
vcl=${3:-$here/default.vcl}
name="vcl_$(date +%Y%m%d_%H%M%S)_$$"
sed "s/\.port = \"8001\";/.port = \"$2\";/" "$vcl" >"$work/$name.vcl"
chmod 644 "$work/$name.vcl"
varnishadm -n "$work" vcl.load "$name" "$work/$name.vcl"
varnishadm -n "$work" vcl.use "$name"
varnishadm -n "$work" vcl.list | awk '$1 == "available" { print $NF }' | while read -r old; do
    varnishadm -n "$work" vcl.discard "$old" >/dev/null 2>&1 || true
done
echo "VCL $name in use"
