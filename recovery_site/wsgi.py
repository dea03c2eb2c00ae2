"""WSGI entry point for recovery_site."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recovery_site.settings")

application = get_wsgi_application()
