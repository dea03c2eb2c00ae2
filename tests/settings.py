"""Test settings: fast hashing, a local-memory cache, plain static files, temporary media."""

import tempfile

from recovery_site.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="recovery-site-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="recovery-site-test-static-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CONTACT_NOTIFY_EMAILS = ["admissions-team@example.org"]
