"""Test settings: fast hashing, a local-memory cache, plain static files, temporary media.

With REDIS_URL set, the tests use that Redis instead, through the production backend,
under a key prefix of their own per test process. Each test starts with an empty cache
(tests/conftest.py), which deletes the keys under that prefix (tests/prefixed_cache.py),
so test processes running side by side keep each other's entries; still, give the tests a
Redis database nobody else uses.
"""

import os
import tempfile

from recovery_site.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405
    CACHES["default"]["BACKEND"] = "tests.prefixed_cache.PrefixClearingRedisCache"  # noqa: F405
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off unless a test turns it on: most tests look at what one request builds.
PAGE_CACHE_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="recovery-site-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="recovery-site-test-static-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CONTACT_NOTIFY_EMAILS = ["admissions-team@example.org"]
# A fixed key, so that no test writes a development key file (test_inquiry_encryption.py
# changes it to test rotation).
INQUIRY_ENCRYPTION_KEYS = ["xprxr6brAwqlwj297RKXtcXFLV_kNxddtrPtrjNi2iQ="]
# Fragments of pages (plumbing/fragments.py) off too, as in development; the tests of
# tests/test_fragments.py turn them on.
FRAGMENT_CACHE_SECONDS = 0
