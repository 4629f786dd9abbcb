# Stop the Harm: the two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
PORT ?= 8000
CONSTRAINTS := requirements/constraints.txt
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: help run serve prepare admin test lint format bench system-packages clean lock

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	@python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV)

$(RUN_STAMP): $(PY) pyproject.toml $(CONSTRAINTS)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e .
	@touch $@

$(TEST_STAMP): $(RUN_STAMP)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[test]"
	@touch $@

prepare: $(RUN_STAMP)
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py compile_translations
	$(PY) manage.py collectstatic --noinput --verbosity 0

run: prepare ## Install, migrate, load demo content, serve http://127.0.0.1:8000 (PORT overrides) with a task worker
	@echo
	@echo "  Stop the Harm is running at  http://127.0.0.1:$(PORT)/"
	@echo "  Administration:              http://127.0.0.1:$(PORT)/admin/"
	@echo "  No account exists yet. Create one with:  make admin"
	@echo "  E-mails are written to var/mail/ by the task worker running beside the server."
	@echo
	@export SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}; \
	  $(PY) manage.py db_worker --queue-name '*' & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

admin: $(RUN_STAMP) ## Create an administrator account (asks for a name, e-mail and password)
	@mkdir -p var
	$(PY) manage.py migrate --noinput --verbosity 0
	$(PY) manage.py createsuperuser

system-packages: ## Install the system packages the tests need (PostgreSQL, Redis, Chromium)
	scripts/install-system-packages

test: $(TEST_STAMP) system-packages lint ## Install what the tests need, lint, and run the whole suite (SQLite, then PostgreSQL)
	$(PY) manage.py compile_translations
	scripts/run-tests

lint: $(TEST_STAMP) ## Check the code: ruff (lint and format) and the import layers
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(TEST_STAMP) ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(TEST_STAMP) ## Run the surge and atlas benchmarks on production's setup (results in docs/benchmarks.md)
	scripts/install-system-packages bench
	$(PY) bench/surge.py
	$(PY) bench/atlas.py

lock: $(PY) ## Re-resolve every dependency and rewrite requirements/constraints.txt
	rm -rf .venv-lock && $$(scripts/find-python) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e ".[test]"
	.venv-lock/bin/pip freeze --exclude-editable --exclude stoptheharm | sort -f > $(CONSTRAINTS)
	rm -rf .venv-lock

clean: ## Remove the virtualenv and everything under var/ (database, uploads, mail)
	rm -rf $(VENV) var
