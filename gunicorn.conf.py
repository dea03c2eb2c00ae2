"""gunicorn's settings for recovery_site: `gunicorn recovery_site.wsgi` reads this file.

Each value can be changed from the environment (GUNICORN_*), as the deployment guide
(docs/deploy.md) and the tests that start real servers do.
"""

import multiprocessing
import os
import sys

# gunicorn reads this file before it moves to --chdir: find the project beside it.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recovery_site.environment import env_bool, env_choice, env_int, env_str

# nginx in front talks to 127.0.0.1:8000; a unix socket works too (unix:/run/...).
bind = env_str("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: the classic recommendation, two per core plus one, lets a core
# stay busy while another worker waits on the database. Workers share nothing in memory:
# the cache is Redis or a database table (CACHES in recovery_site/settings.py).
workers = env_int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1, minimum=1)
# A request still running after this many seconds is killed with its worker: no page
# here should take more than a fraction of a second, and a stuck worker helps no one.
timeout = env_int("GUNICORN_TIMEOUT", 30, minimum=1)
graceful_timeout = 30
keepalive = 5
# Replace each worker now and then, so a slow leak never grows; not so often that a busy
# server spends its time starting workers (a start costs about a second of CPU).
max_requests = 20000
max_requests_jitter = 2000
# Load the site once, in the master, and fork the workers from it (recovery_site/wsgi.py
# also compiles the templates and loads the translations there, plumbing/warmup.py): a
# worker replacing one that crashed, or every worker after a restart, serves its first
# page in a fraction of a second instead of spending seconds of CPU first. The price: a
# reload (SIGHUP) forks new workers from the code already loaded, so new code needs a
# restart (docs/deploy.md, "Upgrading"). Nothing in the master opens a database or
# cache connection, which forked workers would otherwise share.
preload_app = env_bool("GUNICORN_PRELOAD", True)
# The heartbeat file on a memory file system: a slow disk must not look like a hung worker.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# systemd restarts gunicorn; gunicorn's own control socket is one per user, which two
# instances on one machine would fight over.
control_socket_disable = True

# Logs to standard output for the journal. The access log leaves out query strings
# (what someone searched for) and addresses (who read a treatment center's pages is
# health information; nginx's log is where addresses are, if kept at all).
accesslog = "-"
errorlog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
loglevel = env_choice(
    "GUNICORN_LOG_LEVEL", "info", ("debug", "info", "warning", "error", "critical")
)

# gunicorn trusts no header a proxy forwards. By default it would take SCRIPT_NAME and
# PATH_INFO headers from 127.0.0.1 (`forwarder_headers`), which is where nginx and
# Varnish connect from, so any visitor's header reaching it through them would move the
# site under a prefix of their choosing (links, and the pages the edge keeps). The site
# never runs under a prefix. Nor does gunicorn decide from X-Forwarded-Proto (or -Ssl,
# -Protocol) that a request came over HTTPS: Django does, and only when told that the
# proxy in front sets the header itself (DJANGO_SECURE_PROXY_SSL_HEADER). Header names
# with an underscore are dropped (gunicorn's `header_map` default), so none of them can
# pose as another; the visitor's address is read by Django from X-Forwarded-For
# (DJANGO_TRUSTED_PROXY_COUNT, plumbing/client_ip.py). With both lists empty, gunicorn's
# `forwarded_allow_ips` has nothing left to allow.
forwarder_headers = ""
secure_scheme_headers = {}
header_map = "drop"
