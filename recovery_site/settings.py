"""Settings for recovery_site, read from the environment.

Development needs no variable at all. Production is `DJANGO_DEBUG=false` with a real
`DJANGO_SECRET_KEY` and `DJANGO_ALLOWED_HOSTS`; the guards below refuse to start otherwise.
"""

import base64
import hashlib
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from plumbing import static_files

from . import editor_settings
from .environment import (
    env_bool,
    env_choice,
    env_dotted_path,
    env_email,
    env_emails,
    env_fernet_keys,
    env_host,
    env_hosts,
    env_int,
    env_list,
    env_origins,
    env_path,
    env_rate,
    env_secret,
    env_str,
    env_url,
)
from .languages import *  # noqa: F403  (LANGUAGE_CODE, LANGUAGES, LOCALE_PATHS, ...)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)

DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-never-use-in-production"
SECRET_KEY = env_secret("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 40 characters when "
        'DJANGO_DEBUG is false. Generate one with: python -c "import secrets; '
        'print(secrets.token_urlsafe(50))"'
    )

LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
ALLOWED_HOSTS = env_hosts("DJANGO_ALLOWED_HOSTS") or (LOCAL_HOSTS if DEBUG else [])
if not ALLOWED_HOSTS:
    # Without it Django would start and answer every request with 400 Bad Request.
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must name the site's host names, such as "
        "www.example.org,example.org, when DJANGO_DEBUG is false."
    )
if DEBUG and set(ALLOWED_HOSTS) - set(LOCAL_HOSTS) - {".localhost", "testserver"}:
    # Debug pages show settings and source: never on a host the public can reach.
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is on while DJANGO_ALLOWED_HOSTS names public hosts. "
        "Set DJANGO_DEBUG=false for production."
    )
CSRF_TRUSTED_ORIGINS = env_origins("DJANGO_CSRF_TRUSTED_ORIGINS")
# The site's public address, such as https://www.example.org: every absolute address the
# site writes (canonical links, hreflang, structured data, feeds, sitemaps, robots.txt,
# locations.json, links in e-mails to staff) is built on it, never on a request's Host or
# X-Forwarded-Proto, which a visitor can make up and the edge would then keep for everyone.
# Required in production (below); empty means the address each request came in on, for
# development and plain-HTTP test hosts.
SITE_URL = env_url("SITE_URL", path=False).rstrip("/")
# The site never runs under a path prefix: none is taken from the WSGI server either
# (gunicorn.conf.py already ignores a SCRIPT_NAME header; another server might not).
FORCE_SCRIPT_NAME = ""

INSTALLED_APPS = [
    "modeltranslation",  # before the admin: languages.py
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ckeditor",
    "ckeditor_uploader",
    "reversion",
    "reversion_compare",
    "csp",
    "axes",
    # The second factor for those who read inquiries (website/logins/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "plumbing",
    "inquiries",
    "articles",
    "facility",
    "website",
]

MIDDLEWARE = [
    # First, so that every answer has it, static files and the outage page included.
    "plumbing.security.CrossOriginResourcePolicyMiddleware",
    # /livez, for Varnish's probe: answered before anything that could need a service.
    "plumbing.health.LivenessMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "plumbing.request_log.RequestPathMiddleware",
    "plumbing.outage.DatabaseOutageMiddleware",
    "plumbing.security.ContentSecurityPolicyMiddleware",
    "plumbing.security.SecurityHeadersMiddleware",
    # The language from the address alone (/es/...), before the page cache reads it.
    "plumbing.locale.AddressLocaleMiddleware",
    # Inside the above, so a kept page gets fresh security headers; outside the rest, so
    # it costs no session, CSRF check or messages, and is stored with whatever cookies
    # and headers they add (a page setting a cookie is never kept: page_cache.is_shared()).
    "plumbing.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which reads the body: public forms refuse huge ones unread.
    "plumbing.body_limit.BodyLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sessions: a working day, and 30 minutes idle for those who read inquiries;
    # then the second factor those must give (website/logins/). After the messages, which
    # tell why a session ended.
    "django_otp.middleware.OTPMiddleware",
    "website.logins.sessions.StaffSessionMiddleware",
    "website.logins.second_factor.SecondFactorMiddleware",
    # Tells the editor when a save could not reach the cache (plumbing/missed_bumps.py).
    "plumbing.missed_bumps.MissedBumpMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.redirects.MovedPageMiddleware",
    # An English address under /es/ answers 301 to the Spanish one (no query).
    "plumbing.locale.EnglishPathUnderPrefixMiddleware",
    # django-axes wants to be last: it turns a locked-out login into its own answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "recovery_site.urls"
# A failed CSRF check gives a visitor's message back to send again (website/views.py).
CSRF_FAILURE_VIEW = "website.views.csrf_failure"
WSGI_APPLICATION = "recovery_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.facility",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_url(
            "DATABASE_URL",
            f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            schemes=("sqlite", "postgres", "postgresql"),
        ),
        # Each application server process keeps its connection for a minute, checked
        # before reuse, rather than opening one per request.
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0 if DEBUG else 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The single-machine default: readers never wait for the writer (WAL), a writer waits
    # up to 20 s for another instead of failing with "database is locked", and every
    # transaction takes the write lock when it starts (IMMEDIATE), so two of them never
    # deadlock upgrading a read lock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        **DATABASES["default"].get("OPTIONS", {}),
    }
else:
    # PostgreSQL: no wait on the server is unbounded (plumbing/postgresql/base.py).
    # - connecting: connect_timeout, on the client;
    # - a statement, a lock, a transaction left open: the server ends them itself
    #   (statement_timeout, lock_timeout, idle_in_transaction_session_timeout);
    # - a server that stops answering (hung, not gone): every wait for it ends after
    #   DATABASE_ANSWER_TIMEOUT on the client, which the server cannot do for us;
    # - a server gone from the network: TCP keepalives and tcp_user_timeout.
    DATABASES["default"]["ENGINE"] = "plumbing.postgresql"
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 3, minimum=2, maximum=60),
        "options": " ".join(
            f"-c {name}={env_int(variable, default, minimum=0) * 1000}"
            for name, variable, default in [
                ("statement_timeout", "DATABASE_STATEMENT_TIMEOUT", 5),
                ("lock_timeout", "DATABASE_LOCK_TIMEOUT", 3),
                ("idle_in_transaction_session_timeout", "DATABASE_IDLE_TRANSACTION_TIMEOUT", 30),
            ]
        ),
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "tcp_user_timeout": 10_000,
        **DATABASES["default"].get("OPTIONS", {}),
    }
# Seconds the site waits for any answer from PostgreSQL, once connected; past it the
# request fails as when the database is down, and the process leaves the database alone
# for DATABASE_RETRY_AFTER_SECONDS (plumbing/postgresql/base.py). Above the statement
# timeout, so that the server ends a slow query itself first.
DATABASE_ANSWER_TIMEOUT = env_int("DATABASE_ANSWER_TIMEOUT", 6, minimum=1)
DATABASE_RETRY_AFTER_SECONDS = env_int("DATABASE_RETRY_AFTER_SECONDS", 5, minimum=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

TIME_ZONE = "America/New_York"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env_path("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files that must answer at the site's root, such as /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
# Apps' static files less the vendor test pages and samples, and served with nosniff and
# no framing (plumbing/static_files.py).
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "plumbing.static_files.AppStaticFinder",
]
WHITENOISE_ADD_HEADERS_FUNCTION = static_files.add_headers
# Where pictures on disk (MEDIA_ROOT) are served; a bucket has an address of its own.
LOCAL_MEDIA_URL = "/media/"
MEDIA_URL = LOCAL_MEDIA_URL
MEDIA_ROOT = env_path("MEDIA_ROOT", BASE_DIR / "media")
# Uploaded pictures on S3-compatible object storage (AWS S3, MinIO, R2...) instead of
# MEDIA_ROOT, so that several servers share them. The credentials are boto3's own
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which it reads from the environment itself.
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET")
MEDIA_S3_ENDPOINT_URL = env_url("MEDIA_S3_ENDPOINT_URL", path=False).rstrip("/")
MEDIA_S3_REGION = env_str("MEDIA_S3_REGION")
MEDIA_S3_CUSTOM_DOMAIN = env_host("MEDIA_S3_CUSTOM_DOMAIN")
if MEDIA_S3_BUCKET:
    # Where pages link the pictures: a CDN in front, else the bucket's own address on
    # another S3-compatible server (path style) or on AWS (virtual-host style). Given to
    # the storage as its custom_domain (a host, and a path for the path style), its url()
    # writes it without asking boto3 to build, and sign, every address (80 µs each).
    if MEDIA_S3_CUSTOM_DOMAIN:
        media_protocol, media_domain = "https:", MEDIA_S3_CUSTOM_DOMAIN
    elif MEDIA_S3_ENDPOINT_URL:
        media_protocol, _, media_host = MEDIA_S3_ENDPOINT_URL.partition("//")
        media_domain = f"{media_host}/{MEDIA_S3_BUCKET}"
    else:
        media_region = f".{MEDIA_S3_REGION}" if MEDIA_S3_REGION else ""
        media_protocol, media_domain = "https:", f"{MEDIA_S3_BUCKET}.s3{media_region}.amazonaws.com"
    # Also for the rich-text cleaner and the Content-Security-Policy.
    MEDIA_URL = f"{media_protocol}//{media_domain}/"
    # Pictures are public, under random names that never change: plain, unsigned URLs
    # that cached pages can keep, and that browsers and CDNs may keep for a year. No ACL
    # is sent (most buckets refuse them now): the bucket itself lets anyone read, by a
    # policy or through the CDN (docs/deploy.md).
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": MEDIA_S3_ENDPOINT_URL or None,
            "region_name": MEDIA_S3_REGION or None,
            "custom_domain": media_domain,
            "url_protocol": media_protocol,
            # MinIO and the like answer at one address for every bucket; AWS per bucket.
            "addressing_style": "path" if MEDIA_S3_ENDPOINT_URL else "virtual",
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Pictures on disk only: nginx serves MEDIA_URL in production. Without it (`make serve` on
# your own machine, which sets this), Django serves the images there itself
# (plumbing/local_media.py). With MEDIA_S3_BUCKET the bucket serves them and this is off.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False) and not MEDIA_S3_BUCKET
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded pictures (plumbing/images.py): at most this many bytes, and one budget of
# pixels for every format, still or animated (over all its frames), read from the headers
# before anything is decoded. A phone's default photo is 12 megapixels (4032 x 3024); what
# is stored is resized to 2400 px at most. The budget bounds what one upload costs a
# worker: measured worst cases in tests/test_upload_costs.py.
IMAGE_MAX_UPLOAD_BYTES = 15 * 1024 * 1024
IMAGE_MAX_PIXELS = 13_000_000
# Each frame of an animation costs time of its own, however small.
IMAGE_MAX_FRAMES = 300
# Large camera photos: refuse request bodies past this size before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# E-mail: printed to the console in development, sent over SMTP otherwise.
EMAIL_BACKEND = env_dotted_path(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_email("DJANGO_DEFAULT_FROM_EMAIL", "website@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who hears about new contact messages; empty means the facility's own address.
CONTACT_NOTIFY_EMAILS = env_emails("CONTACT_NOTIFY_EMAILS")
# Inquiries (health information) are deleted this old by `purge_inquiries`, run daily.
CONTACT_MESSAGE_RETENTION_DAYS = env_int("CONTACT_MESSAGE_RETENTION_DAYS", 90, minimum=1)
# "Is there room?": an availability older than this many hours is no longer shown (a
# stale "accepting new patients" misleads); pages cached showing it expire when it goes.
AVAILABILITY_MAX_AGE_HOURS = env_int("AVAILABILITY_MAX_AGE_HOURS", 72, minimum=1, maximum=24 * 30)
# Electronic insurance eligibility checks: none by default (inquiries/eligibility.py).
INSURANCE_ELIGIBILITY_SERVICE = env_dotted_path(
    "INSURANCE_ELIGIBILITY_SERVICE", "inquiries.eligibility.StaffCheck"
)
# Inquiries are encrypted with these, newest first; without any, debug makes .inquiry-key.
INQUIRY_ENCRYPTION_KEYS = env_fernet_keys("INQUIRY_ENCRYPTION_KEYS", required=not DEBUG)

LOGIN_URL = "admin:login"
# Staff sessions end this long after the login, whatever happens in between (a working
# day), and for those who read inquiries after STAFF_IDLE_TIMEOUT without a request
# (website/logins/sessions.py). `clearsessions`, run daily, deletes the ended ones.
STAFF_SESSION_MAX_AGE = timedelta(hours=10)
STAFF_IDLE_TIMEOUT = timedelta(minutes=30)
SESSION_COOKIE_AGE = int(STAFF_SESSION_MAX_AGE.total_seconds())
# Those who read inquiries give a code from an authenticator app after the password
# (website/logins/): the app names the account after the site.
OTP_TOTP_ISSUER = "Website administration"
# The admin's list of those apps (a superuser deletes a lost one there, or runs
# `reset_sign_in_code`) never shows their keys or QR codes: nobody copies another's app.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
AUTHENTICATION_BACKENDS = [
    # django-axes first: a locked-out client is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Caching: what every application process must see alike, so that a save in the admin
# reaches every visitor at once (plumbing/invalidation.py).
# - REDIS_URL: Redis, shared by every process on every server. If it goes away, reads
#   miss and writes are dropped: pages are built from the database
#   (plumbing/cache_backend.py).
# - Otherwise, with debug off: a table in the site's own database (CACHE_TABLE, made by
#   a migration), shared by every gunicorn worker and every server on that database.
#   A cache per process would be wrong as soon as there are two workers: a save would
#   reach only the worker that took it.
# - Debug (one runserver process): memory.
REDIS_URL = env_url("REDIS_URL", schemes=("redis", "rediss", "unix"))
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "recovery_site")
CACHE_TABLE = "site_cache"  # made by plumbing/migrations/0001_initial.py
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backend.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 3600,
            # django-redis's options: a hung Redis costs half a second, then is left alone.
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
elif not DEBUG:
    CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backend.FailSoftDatabaseCache",
            "LOCATION": CACHE_TABLE,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 3600,
            # Pages are keyed only on what they show (plumbing/page_cache.py), so this
            # bounds the table well above the site's own pages; past it, expired entries
            # go first, then a third of the rest.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 3600,
        }
    }
# How long a page built for anonymous visitors may be served from the cache; saves in the
# admin replace it at once (plumbing/invalidation.py). 0 turns the page cache off, as it is in
# development, where templates change under your hands.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 600, minimum=0)
# How long parts of pages (header and footer, menus, post cards, the inquiry form) are
# kept in the shared cache (plumbing/fragments.py); saves replace them at once. 0 is off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 0 if DEBUG else 86400, minimum=0)

# The edge: an HTTP cache in front (Varnish, a CDN) may keep the pages the page cache
# keeps, for anonymous visitors (plumbing/edge.py). They say so: Cache-Control public,
# browsers keeping them EDGE_BROWSER_SECONDS, the edge EDGE_CACHE_SECONDS at most (less when
# the page changes by itself sooner), and name their cache tags in EDGE_KEY_HEADER: `xkey`
# for Varnish, `Surrogate-Key` for Fastly-style edges, `Cache-Tag` for Cloudflare-style.
# Every save purges its tags at each of EDGE_PURGE_URLS: http(s)://... a Varnish,
# fastly+https://api.fastly.com/service/<id>, cloudflare+https://api.cloudflare.com/client/v4/zones/<id>.
EDGE_BROWSER_SECONDS = env_int("EDGE_BROWSER_SECONDS", 60, minimum=0)
EDGE_CACHE_SECONDS = env_int("EDGE_CACHE_SECONDS", 600, minimum=0)
EDGE_KEY_HEADER = env_choice("EDGE_KEY_HEADER", "xkey", ("xkey", "Surrogate-Key", "Cache-Tag"))
EDGE_PURGE_URLS = env_list("EDGE_PURGE_URLS")
FASTLY_API_TOKEN = env_secret("FASTLY_API_TOKEN")
CLOUDFLARE_API_TOKEN = env_secret("CLOUDFLARE_API_TOKEN")

# Abuse limits. Behind a reverse proxy every request comes from the proxy's address: say
# how many trusted proxies stand in front, and the client is the address the nearest one
# added to X-Forwarded-For (plumbing/client_ip.py).
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0, minimum=0, maximum=10)
# The port the visitor asked for, as the proxy in front says it (Varnish and the nginx of
# docs/deploy.md set X-Forwarded-Port, overwriting the client's): pages are kept for it.
USE_X_FORWARDED_PORT = TRUSTED_PROXY_COUNT > 0
# Contact messages one client may send: count/seconds.
CONTACT_RATE_LIMIT = env_rate("CONTACT_RATE_LIMIT", "10/3600")
# The rate limit stores an HMAC of the client's address under this key, never the address
# or a plain hash of it (an IPv4 address is found from its SHA-256 in minutes). A secret of
# its own, so that neither a database dump nor the other secrets can reverse a row.
# Rotating it restarts the counts of the current window; nothing else is lost.
DEVELOPMENT_RATE_LIMIT_KEY = "development-rate-limit-key-never-use-in-production"
RATE_LIMIT_KEY = env_secret("RATE_LIMIT_KEY", DEVELOPMENT_RATE_LIMIT_KEY)
if not DEBUG and (RATE_LIMIT_KEY == DEVELOPMENT_RATE_LIMIT_KEY or len(RATE_LIMIT_KEY) < 32):
    raise ImproperlyConfigured(
        "RATE_LIMIT_KEY must be set to a random value of at least 32 characters when "
        'DJANGO_DEBUG is false. Generate one with: python -c "import secrets; '
        'print(secrets.token_urlsafe(32))"'
    )
# What is kept about a visitor's address, and for how long (docs/deploy.md, "What is kept
# about visitors"; the demo privacy policy reads these). `purge_visitor_records`, run
# hourly, deletes what is older; counting deletes expired counters too.
# - Rate-limit counters: until their window ends (CONTACT_RATE_LIMIT's seconds).
# - Failed admin logins (django-axes' AccessAttempt: address, browser, user name): for the
#   lockout's cool-off, AXES_COOLOFF_TIME below.
# - Staff logins and logouts (axes' AccessLog: address and browser), to look into a
#   break-in: this many days.
LOGIN_LOG_RETENTION_DAYS = 30
# Admin login: five wrong passwords (or sign-in codes) for one user name from one address
# lock that name out from that address for 15 minutes; attempts are kept in the database,
# so every server sees them. The address is the one plumbing/client_ip.py finds behind
# the trusted proxies. Rotating addresses does not escape it: past
# LOGIN_FAILURE_LIMIT_PER_USERNAME failures on a name within the 15 minutes, from any
# addresses, the name is locked from every address (plumbing/login_lockout.py). That
# limit is higher, as anyone who knows a name could use it to keep its owner out; a
# superuser lifts a lockout with `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURE_LIMIT_PER_USERNAME = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "plumbing.login_lockout.NameAndAddressLockout"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "plumbing.client_ip.client_ip"
AXES_VERBOSE = False
# No second, permanent record of failed logins (AccessFailureLog): AccessAttempt is enough
# for the lockout and goes with its cool-off.
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# HTTPS and security headers. Production defaults are strict; each can be loosened from
# the environment, for example to serve plain HTTP on a private test host.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if not DEBUG and SECURE_SSL_REDIRECT and not SITE_URL:
    # Production: without it, links would be built from what each request says.
    raise ImproperlyConfigured(
        "SITE_URL must be set to the site's public address, such as "
        "https://www.example.org, in production: canonical links, sitemaps, structured data "
        "and the links in staff notifications are built on it, never on a visitor's Host "
        "or X-Forwarded-Proto headers."
    )
# The load balancer's health check may come over plain HTTP.
# So is the edge's own request for its outage pages (website/edge_pages.py), sent to
# gunicorn over plain HTTP from the edge's purge address.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^edge/"]
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that sets X-Forwarded-Proto itself, overwriting the client's.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Only pages of this origin may load what it answers (plumbing/security.py). Pictures on
# object storage or a CDN are served from there, with that server's own headers.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# The rich-text editor, django-ckeditor: its settings are in editor_settings.py.
CKEDITOR_UPLOAD_PATH = editor_settings.UPLOAD_PATH
# Who may upload and browse pictures from the rich-text editor (plumbing/editor_uploads.py):
# staff holding any of these, those who edit what has rich text.
EDITOR_UPLOAD_PERMISSIONS = (
    "articles.change_post",
    "facility.change_page",
    "facility.change_service",
)
CKEDITOR_ALLOW_NONIMAGE_FILES = False  # the shipped default accepts .html and .svg
CKEDITOR_IMAGE_BACKEND = "ckeditor_uploader.backends.PillowBackend"  # verifies images
CKEDITOR_RESTRICT_BY_DATE = True
CKEDITOR_BROWSE_SHOW_DIRS = False
CKEDITOR_CONFIGS = editor_settings.CONFIGS
SILENCED_SYSTEM_CHECKS = [
    # ckeditor.W001: django-ckeditor bundles CKEditor 4.22.1, past its end of life. We keep
    # it because staff asked for it, and we do not trust it: every rich-text field is
    # sanitized on the server (plumbing/richtext.py, with nh3) whatever the editor sends,
    # uploads are images only, verified by Pillow, and for staff only. Swapping the editor
    # means changing plumbing/richtext.py alone.
    "ckeditor.W001",
]
if not SECURE_HSTS_PRELOAD:
    # security.W021: preloading is a promise browsers keep for months after it is
    # withdrawn, so it is an opt-in (DJANGO_SECURE_HSTS_PRELOAD), not a default.
    SILENCED_SYSTEM_CHECKS.append("security.W021")

# Content-Security-Policy (django-csp 4): the public site runs one script of its own,
# static/js/site.js, and no inline script or style; JSON-LD blocks are data, which CSP
# does not run. The only other origin is OpenStreetMap's map, framed when a visitor asks
# for it. Staff tools get looser policies on their own paths only: see
# plumbing/security.py.
# The site's one inline script (templates/base.html) marks the page as scripted before it
# is drawn, so nothing shifts when site.js arrives; it is allowed by its hash alone.
EARLY_SCRIPT = 'document.documentElement.classList.add("js")'
EARLY_SCRIPT_HASH = (
    f"'sha256-{base64.b64encode(hashlib.sha256(EARLY_SCRIPT.encode()).digest()).decode()}'"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", EARLY_SCRIPT_HASH],
        "style-src": ["'self'"],
        # Pictures on object storage come from its own address (MEDIA_URL).
        "img-src": ["'self'", *([MEDIA_URL] if MEDIA_S3_BUCKET else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.openstreetmap.org"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
    }
}

# Logs go to standard output, where gunicorn and systemd's journal collect them; every
# line written while a request is handled names its method and path (never its query
# string, which may hold what someone searched for).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_path": {"()": "plumbing.request_log.RequestPathFilter"}},
    "formatters": {
        "plain": {"format": "{levelname} {name} [{request_path}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
            "filters": ["request_path"],
        }
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Blog presentation.
POSTS_PER_PAGE = 10
RECOMMENDED_POSTS = 3

# The benchmark's reference view (/bench/ref/) exists only when this is on, which only
# benchmarks/settings.py does.
BENCHMARK = False
