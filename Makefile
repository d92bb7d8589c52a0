# Koers: `make run` serves the app with a job worker on SQLite, `make test` runs the whole
# suite twice (SQLite and a throwaway PostgreSQL 15), `make bench` runs the benchmarks.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := ../shared/seed/bestuursprogramma-ipo-2023-2027.txt
GEO := ../shared/data/geo/provincie_2023_wgs84.geojson
CBS := ../shared/data/cbs
PYTEST_ARGS ?=
SERVE_ARGS ?=

.PHONY: install install-test run test lint test-sqlite test-postgres browser system-libs bench \
  clean messages

# Running needs the runtime dependencies only; the test extras come with `make test`.
install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: install system-libs
	$(BIN)/koers init
	@if [ -f $(SEED) ]; then $(BIN)/koers programme import $(SEED); fi
	@if [ -f $(GEO) ]; then $(BIN)/koers areas import-boundaries $(GEO); fi
	@for f in $(CBS)/*.csv; do [ -f "$$f" ] && $(BIN)/koers import "$$f" --publish; done; true
	@# BIJ12's published faunaschade totals as reported national figures (exit 3: already there).
	@mkdir -p var && $(BIN)/koers faunaschade jaarcijfers --out var/bij12-faunaschade-jaarcijfers.csv >/dev/null && \
	{ $(BIN)/koers import var/bij12-faunaschade-jaarcijfers.csv --publish \
	  --mapping koers/deliveries/mappings/bij12-faunaschade-jaarcijfers.yaml; [ $$? -ne 1 ]; }
	$(BIN)/koers voorbeeld laden
	@echo "koers: no account yet? Make the first one with:"
	@echo "  $(BIN)/koers users create NAME --role programme_office"
	@# The worker runs the jobs (imports, refreshes, open data) beside the server;
	@# Ctrl-C stops both; a job cut off is repaired when the worker next starts.
	@$(BIN)/koers worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(BIN)/koers serve $(SERVE_ARGS)

browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# WeasyPrint (the PDF report) needs Pango; the PDF tests read PDFs back with poppler-utils.
system-libs:
	@command -v pdftotext >/dev/null && { ldconfig -p 2>/dev/null || /sbin/ldconfig -p; } \
	  | grep -q libpangoft2-1.0 || { apt-get update -qq && apt-get install -y -qq \
	  poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; }

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/koers openapi --check

test: install-test browser system-libs lint
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite: install-test
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install-test
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

bench: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python benchmarks/run.py

messages: install
	cd koers && ../$(BIN)/django-admin makemessages -l en --no-obsolete && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
