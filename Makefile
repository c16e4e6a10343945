# Veiligheidscoalitie Midden-Nederland portal. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: help install run serve stack test bench lint lock messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))." >&2; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install the locked dependencies

run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: install ## Set up, load the demo content and serve the site on http://127.0.0.1:$(PORT)
	@# On this checkout's PostgreSQL under var/postgres when the server binaries are there, else on SQLite.
	bin/with-local-postgres $(MAKE) --no-print-directory serve PORT=$(PORT)

serve: # the rest of `make run`, against the database bin/with-local-postgres chose
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_demo_content
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (editors: http://127.0.0.1:$(PORT)/admin/). Stop with Ctrl+C."
	@# The scheduler (every periodic job: scheduled pages, newsletter, toolkit alerts, the daily jobs) stops with the server.
	$(MANAGE) run_scheduler & scheduler=$$!; trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/gunicorn portal.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

stack: install ## Serve the production shape (nginx, Varnish, two gunicorn instances, Redis, the scheduler, PostgreSQL) on http://127.0.0.1:8080 (STACK_PORT)
	bin/ensure-varnish
	bin/ensure-package redis-server redis-server
	bin/ensure-package nginx nginx
	bin/with-postgres bin/stack

test: install ## Run the whole suite against a throwaway PostgreSQL 15 (or DATABASE_URL)
	bin/ensure-chromium
	bin/ensure-varnish
	bin/ensure-package redis-server redis-server
	bin/ensure-package nginx nginx
	bin/ensure-package wrk wrk
	bin/with-postgres $(BIN)/python -m pytest -m "not own_database" $(PYTEST_ARGS)
	@# Tests that rewind the migrations, on a database of their own: the transactional tests that follow restore
	@# the migrated database from a snapshot, which a rewound and replayed schema no longer matches.
	bin/with-postgres $(BIN)/python -m pytest -m own_database $(PYTEST_ARGS) || test $$? -eq 5

bench: install ## Throughput and p50/p95 on generated articles (ARTICLES=10000); MODE=stack: through Varnish
ifeq ($(MODE),stack)
	bin/ensure-varnish
	bin/with-postgres bench/stack.sh
else
	BENCH_ARTICLES=$(or $(ARTICLES),$(BENCH_ARTICLES),10000) bin/with-postgres bench/run.sh
endif

lint: install ## Ruff, Django's system checks, a check for missing migrations and the import contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	@# The layers and the rules of [tool.importlinter] in pyproject.toml, then: no import circles at all.
	PYTHONPATH=. $(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_import_graph.py

lock: ## Re-pin requirements.lock from pyproject.toml
	$(BIN)/pip-compile --quiet --extra test --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

messages: install ## Compile locale/nl/LC_MESSAGES/django.po into the committed django.mo (needs GNU gettext's msgfmt)
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install GNU gettext (Debian: apt-get install gettext)." >&2; exit 1; }
	$(MANAGE) compilemessages --locale nl --ignore '.venv' --ignore 'var'

clean: ## Remove the virtualenv and local data under var/
	rm -rf $(VENV) var
