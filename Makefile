# The front door: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: run setup test lint format demo admin lighthouse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# axe-core for the accessibility tests and Lighthouse, as pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Without npm the tests still run; the ones that need axe-core say they are skipped.
NODE_TOOLS := $(if $(shell command -v npm),node_modules/.installed)

setup: $(VENV)/.installed  ## Install, migrate and load the demo content (SQLite by default).
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo

run: setup  ## Serve the demo site on http://127.0.0.1:8000/
	$(BIN)/python manage.py runserver $(HOST)

test: $(VENV)/.installed $(NODE_TOOLS)  ## Run the whole test suite (browser tests where Chromium is).
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lighthouse: $(VENV)/.installed node_modules/.installed  ## Score pages with Lighthouse; see docs/quality.md.
	$(BIN)/python benchmarks/lighthouse.py

lint: $(VENV)/.installed  ## Check style with ruff.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

admin: $(VENV)/.installed  ## Create a staff superuser for the admin.
	$(BIN)/python manage.py createsuperuser

clean:
	rm -rf $(VENV) staticfiles .pytest_cache node_modules screenshots
