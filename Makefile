# The front door: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=
# The suite runs in parallel, one process per core (at most 4), each test file whole in
# one process so that a file's shared servers start once; TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= auto

.PHONY: run serve setup browser-tools test validate test-fast test-evening bench lint format admin lighthouse clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# axe-core for the accessibility tests and Lighthouse, and vnu-jar for make validate, as
# pinned in package-lock.json. No install scripts: vnu-jar's would fetch a Java of its
# own, and we use Debian's.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The site's translations (locale/<language>/LC_MESSAGES/django.po, in the repository),
# compiled for Django with GNU gettext's msgfmt (Debian's package `gettext`, installed
# here when it is missing and we may).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

%.mo: %.po
	@command -v msgfmt >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; } \
		|| { echo "msgfmt is missing: install gettext (apt-get install gettext)." >&2; exit 1; }
	msgfmt --check-format -o $@ $<

messages: $(MO_FILES)  ## Compile the translations (make run, serve and test do it).

setup: $(VENV)/.installed $(MO_FILES)  ## Install, migrate and load the demo content (SQLite by default).
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo

run: setup  ## Serve the demo site on http://127.0.0.1:8000/
	$(BIN)/python manage.py runserver $(HOST)

# The site as production runs it: debug off, hashed static files, gunicorn. With the
# production environment loaded (docs/deploy.md) it runs exactly that; without a
# DJANGO_SECRET_KEY it tries it out locally, over plain HTTP with a throwaway key, and
# serves uploaded images itself, as there is no nginx to do it.
ifeq ($(DJANGO_SECRET_KEY),)
serve: export DJANGO_DEBUG = false
serve: export DJANGO_SECRET_KEY = $(shell $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))")
serve: export DJANGO_ALLOWED_HOSTS = localhost,127.0.0.1
serve: export DJANGO_SECURE_SSL_REDIRECT = false
serve: export DJANGO_SECURE_COOKIES = false
serve: export DJANGO_SERVE_MEDIA = true
serve: export RATE_LIMIT_KEY = $(shell $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(32))")
serve: export GUNICORN_BIND = $(HOST)
# Inquiries are encrypted: locally, with the development key (.inquiry-key, mode 600),
# made here if `make run` has not made it yet.
serve: export INQUIRY_ENCRYPTION_KEYS = $(shell $(PYTHON) -c "import base64, os, pathlib; \
	key = pathlib.Path('.inquiry-key'); os.umask(0o077); \
	key.exists() or key.write_text(base64.urlsafe_b64encode(os.urandom(32)).decode() + chr(10)); \
	print(key.read_text().strip())")
endif
# In front of gunicorn, on HOST: Varnish (deploy/varnish/), which reads every request
# whole before gunicorn's synchronous workers see it, so stalled clients hold none of
# them, and answers with the site's outage page when gunicorn does not; gunicorn listens
# on 127.0.0.1:$(BACKEND_PORT) and takes the client's address from the X-Forwarded-For
# Varnish sets, and purges it on every save at PURGE_HOST, an address of Varnish's own
# that visitors cannot reach (unless told otherwise: DJANGO_TRUSTED_PROXY_COUNT,
# EDGE_PURGE_URLS). While it runs, a change of deploy/varnish/default.vcl is loaded into
# Varnish live (deploy/varnish/reload.sh), keeping its cache. Debian's varnish and
# varnish-modules are installed where it is missing and we may. `make serve EDGE=none`:
# gunicorn alone, on HOST.
EDGE ?= varnish
BACKEND_PORT ?= 8001
PURGE_HOST ?= 127.0.0.1:8002
VARNISH_DIR ?= /tmp/recovery-site-varnish-$(subst :,-,$(HOST))
# createcachetable: the shared cache's table when there is no REDIS_URL (migrate makes
# it too; this remakes it if it was lost, and does nothing otherwise).
serve: $(VENV)/.installed $(MO_FILES)  ## Migrate, collect static files and run Varnish and gunicorn, as in production.
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
ifeq ($(EDGE),varnish)
	@command -v varnishd >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null; } \
		|| { echo "varnishd is missing: install varnish (apt-get install varnish varnish-modules), or run make serve EDGE=none." >&2; exit 1; }
	deploy/varnish/serve.sh $(HOST) $(VARNISH_DIR) $(BACKEND_PORT) $(PURGE_HOST) & varnish=$$!; \
	trap 'kill $$varnish 2>/dev/null' EXIT INT TERM; \
	GUNICORN_BIND=127.0.0.1:$(BACKEND_PORT) DJANGO_TRUSTED_PROXY_COUNT=$${DJANGO_TRUSTED_PROXY_COUNT:-1} \
		EDGE_PURGE_URLS=$${EDGE_PURGE_URLS:-http://$(PURGE_HOST)} \
		$(BIN)/gunicorn --config gunicorn.conf.py recovery_site.wsgi
else
	GUNICORN_BIND=$(HOST) $(BIN)/gunicorn --config gunicorn.conf.py recovery_site.wsgi
endif

# The browser and accessibility tests need Debian's Chromium and axe-core (npm ci, so
# Node's npm): installed here where they are missing and we may (root, apt-get), as for
# gettext; otherwise `make test` stops, saying what to install, rather than skipping
# them (REQUIRE_BROWSER makes the suite refuse to run without them). `make test-fast`
# needs neither.
CHROMIUM_PATH ?= /usr/bin/chromium
browser-tools:
	@[ -x "$(CHROMIUM_PATH)" ] || { [ "$(CHROMIUM_PATH)" = /usr/bin/chromium ] && command -v apt-get >/dev/null \
		&& [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| { echo "Chromium is missing at $(CHROMIUM_PATH): install it (apt-get install chromium), or run make test-fast." >&2; exit 1; }
	@command -v npm >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; } \
		|| { echo "npm is missing, for axe-core: install it (apt-get install nodejs npm), or run make test-fast." >&2; exit 1; }
	@$(MAKE) --no-print-directory node_modules/.installed

test: export REQUIRE_BROWSER = 1
test: export CHROMIUM_PATH := $(CHROMIUM_PATH)
test: $(VENV)/.installed $(MO_FILES) browser-tools  ## Run the whole test suite, browser tests included (Chromium and npm are installed if missing).
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile $(PYTEST_ARGS)

# The demo site as validators nobody here wrote see it (validation/): the Nu Html
# Checker (npm's vnu-jar, on Debian's Java, installed here where it is missing and we
# may), the feed and sitemap rules, and axe-core in Chromium, over every page in both
# languages and the forms with their errors; fails on any error.
validate: $(VENV)/.installed $(MO_FILES) browser-tools  ## Check every page, feed and the sitemap with the Nu Html Checker, feed and sitemap rules and axe-core.
	@command -v java >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; } \
		|| { echo "java is missing, for the Nu Html Checker: install it (apt-get install default-jre-headless)." >&2; exit 1; }
	CHROMIUM_PATH=$(CHROMIUM_PATH) $(BIN)/python -m validation

# The inner loop: every test but the slow ones (a live server, a browser, another
# process; tests/conftest.py marks them), in about two minutes on two cores.
test-fast: $(VENV)/.installed $(MO_FILES)  ## Run the tests that need no server, browser or subprocess.
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile -m "not slow" $(PYTEST_ARGS)

# The suite again with the clock at 23:30 on 31 December in the site's zone, Findlay's:
# 04:30 on 1 January in UTC, so the day, the month and the year all differ between the
# two (dates taken in UTC rather than the site's zone fail here). Debian's faketime
# (installed here when it is missing and we may) starts every process of the run, the
# test servers included, at that moment, and the clock runs on from there. The browser
# tests are left out (Chromium under a moved clock is not what they test); so are those
# needing PostgreSQL and Redis, which run on the servers' own clocks: the run uses SQLite
# and the local-memory cache, whose times are the moved clock's; and those running Varnish,
# which does not start under the moved clock (it answers nothing): the edge keeps no date
# of the site's, and its tests run in both other passes. Last year's 31 December,
# not this year's: files the run writes (`make serve` in the tests touches .venv/.installed)
# get dates in the past, which only make make redo them, never dates in the future, which
# would make it skip a rebuild until then. EVENING picks another moment, e.g.
# make test-evening EVENING='TZ="America/New_York" 2026-03-08 01:59'.
SITE_ZONE := America/New_York
EVENING ?= TZ="$(SITE_ZONE)" $(shell expr $$(date +%Y) - 1)-12-31 23:30
test-evening: $(VENV)/.installed $(MO_FILES)  ## Run the non-browser tests at 23:30 on last 31 December, Ohio time.
	@command -v faketime >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; } \
		|| { echo "faketime is missing: install it (apt-get install faketime)." >&2; exit 1; }
	env -u DATABASE_URL -u REDIS_URL -u REQUIRE_SHARED_SERVICES faketime '$(EVENING)' \
		$(BIN)/python -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile \
		-m 'not browser and not shared_services and not varnish' $(PYTEST_ARGS)

# MUTANTS="G5 E3" runs some by id; MUTATE_ARGS="--file inquiries/estimates.py" those of a file.
mutate: $(VENV)/.installed $(MO_FILES)  ## Apply each mutant of benchmarks/mutants.toml in a scratch copy and run its tests (docs/quality.md).
	$(BIN)/python benchmarks/mutate.py $(MUTANTS) $(MUTATE_ARGS)

bench: $(VENV)/.installed  ## Measure pages against bare Django and our reference view with wrk (docs/performance.md).
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	@command -v varnishd >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null; } \
		|| echo "varnishd is missing and could not be installed: the edge will not be measured." >&2
	$(BIN)/python -m benchmarks.run

lighthouse: $(VENV)/.installed node_modules/.installed  ## Score pages with Lighthouse; see docs/quality.md.
	$(BIN)/python benchmarks/lighthouse.py

lint: $(VENV)/.installed  ## Check style with ruff.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# In a terminal it asks; from a script it takes DJANGO_SUPERUSER_USERNAME, _EMAIL and
# _PASSWORD and fails, rather than saying "skipped" and succeeding, when one is missing.
SUPERUSER_VARS := DJANGO_SUPERUSER_USERNAME DJANGO_SUPERUSER_EMAIL DJANGO_SUPERUSER_PASSWORD
admin: $(VENV)/.installed  ## Create a staff superuser for the admin (see README for scripts).
	@if [ -t 0 ]; then exec $(BIN)/python manage.py createsuperuser; fi; \
	for name in $(SUPERUSER_VARS); do \
	  if [ -z "$$(printenv $$name)" ]; then \
	    echo "make admin: no terminal to ask in; set $(SUPERUSER_VARS) in the environment." >&2; \
	    exit 1; \
	  fi; \
	done; \
	$(BIN)/python manage.py createsuperuser --noinput

clean:
	rm -rf $(VENV) staticfiles .pytest_cache node_modules screenshots
