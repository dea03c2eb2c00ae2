# The front door: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: run setup test lint format demo admin clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

setup: $(VENV)/.installed  ## Install, migrate and load the demo content (SQLite by default).
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo

run: setup  ## Serve the demo site on http://127.0.0.1:8000/
	$(BIN)/python manage.py runserver $(HOST)

test: $(VENV)/.installed  ## Run the whole test suite.
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed  ## Check style with ruff.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

admin: $(VENV)/.installed  ## Create a staff superuser for the admin.
	$(BIN)/python manage.py createsuperuser

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
