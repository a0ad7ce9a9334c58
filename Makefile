# Motcua — fresh machine: `make demo` (serve the demo) and `make test` (run the whole suite).
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp
TEST_DATABASE_URL = $(shell bin/test-database-url $(BIN)/python)
PYTEST_ARGS ?=

.PHONY: help setup demo test check lint bench clean

help:
	@echo "make demo   – set up and serve the demo on http://127.0.0.1:$(PORT) (SQLite)"
	@echo "make test   – set up and run the whole suite (PostgreSQL when reachable, else SQLite)"
	@echo "make check  – ruff, makemigrations --check and the tests"
	@echo "make bench  – run the benchmarks in bench/ and write bench/results.json"
	@echo "make load   – load test: granian + locust on 1,000,000 dossiers (docs/performance.md)"

$(BIN)/python:
	@python=$$(bin/find-python) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)

# Re-installs only when pyproject.toml changes, so a second `make setup` takes seconds.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)
	@mkdir -p var
	$(BIN)/motcua migrate --noinput --verbosity 0
	$(BIN)/motcua demo_load

# Beside the web server: a background worker, the scheduler, and the fakes of the payment
# gateway (port 8301), the national portal's sync (8302) and VNPost (8303), all on loopback,
# logging to var/*.log; Ctrl+C stops them all.
demo: setup
	$(BIN)/motcua demo_accounts
	@echo "Motcua is serving on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	@trap 'kill 0' INT TERM EXIT; \
	export MOTCUA_SYNC_URL=$${MOTCUA_SYNC_URL:-http://127.0.0.1:8302/api/dongbo}; \
	export MOTCUA_PAYMENT_IPN_BASE_URL=$${MOTCUA_PAYMENT_IPN_BASE_URL:-http://127.0.0.1:$(PORT)}; \
	$(BIN)/motcua db_worker --no-startup-delay >var/worker.log 2>&1 & \
	$(BIN)/motcua scheduler >var/scheduler.log 2>&1 & \
	$(BIN)/motcua fake_gateway --port 8301 >var/fake-gateway.log 2>&1 & \
	$(BIN)/motcua fake_portal --port 8302 >var/fake-portal.log 2>&1 & \
	$(BIN)/motcua fake_vnpost --port 8303 \
	  --callback-url http://127.0.0.1:$(PORT)/buu-chinh/trang-thai/ >var/fake-vnpost.log 2>&1 & \
	MOTCUA_DEBUG=$${MOTCUA_DEBUG:-true} MOTCUA_STAFF_OTP_REQUIRED=$${MOTCUA_STAFF_OTP_REQUIRED:-false} \
	  $(BIN)/motcua runserver 127.0.0.1:$(PORT) --noreload

test: $(STAMP)
	@url="$(TEST_DATABASE_URL)"; \
	if [ -n "$$url" ]; then echo "Running the suite on PostgreSQL ($$url)"; \
	else echo "Running the suite on SQLite (no PostgreSQL on 127.0.0.1:5432)"; fi; \
	DATABASE_URL="$$url" DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

check: lint
	@mkdir -p var
	$(BIN)/motcua makemigrations --check --dry-run
	$(MAKE) test

bench: $(STAMP)
	DATABASE_URL="$(TEST_DATABASE_URL)" $(BIN)/python bench/run.py

# The load test (docs/performance.md): the scenarios' smoke test, then granian and locust on the
# PostgreSQL database motcua_load (1,000,000 seeded dossiers; LOAD_ARGS="--template DB" copies a
# seeded one, else it is seeded once, ~20 min). Bounded: about 5 minutes once the database exists.
load: $(STAMP)
	MOTCUA_LOAD_SMOKE=1 DATABASE_URL="$(TEST_DATABASE_URL)" DJANGO_ALLOW_ASYNC_UNSAFE=true \
	  $(BIN)/pytest tests/bench/test_load.py -q -p no:cacheprovider
	$(BIN)/python bench/load/run.py $(LOAD_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache
