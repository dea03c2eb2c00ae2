"""WSGI entry point for recovery_site."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recovery_site.settings")

application = get_wsgi_application()

# Before any request: in gunicorn's master with preload_app (gunicorn.conf.py), so that
# every worker forked from it starts warm.
from plumbing.warmup import warm_up  # noqa: E402  (needs the settings loaded above)

warm_up()
