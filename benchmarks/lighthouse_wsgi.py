"""The site for `make lighthouse`: the production WSGI app, plus uploaded media.

With debug off Django serves no media; in production the web server in front does. Here
WhiteNoise stands in for it, so the pictures Lighthouse measures are real files with
real caching headers. Never deploy this module.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from recovery_site.wsgi import application as site

application = WhiteNoise(site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, max_age=3600)
