# One entry point for every task. `make serve` and `make test` are the two
# commands a newcomer needs; both set up what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The preview's port on 127.0.0.1: make serve PORT=8001 for a second one.
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)
CHROMIUM := /usr/bin/chromium
# Debian's nginx serves the built site in the tests with scripts/deploy/nginx/.
NGINX := /usr/sbin/nginx
# The outside judges of the built site from npm (package.json, pinned in
# package-lock.json): the W3C Nu HTML checker. Install scripts stay off, so
# nothing is downloaded besides the registry's packages.
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | sha256sum | cut -c1-12)

# MkDocs 1.6 prints an advert for MkDocs 2.0, which drops plugins; the
# project stays on 1.6 on purpose (see scripts/README.md, „Wartung“).
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install pdf-libs chromium nginx tools serve build test unit lint types pytest review links-external bench release-check fonts clean check

help:
	@echo "make serve          Vorschau unter http://127.0.0.1:$(PORT) (richtet alles ein)"
	@echo "make test           alle Prüfungen und Tests (richtet alles ein, inkl. Chromium)"
	@echo "make unit           schnell beim Schreiben: Lint, Typen, Tests ohne Browser"
	@echo "make build          strenger Build nach site/ (ersetzt site/ erst, wenn er gelingt)"
	@echo "make check          Quellen schnell prüfen, ohne Build (auch als pre-commit-Hook)"
	@echo "make review         Seiten mit fälliger Prüfung, nach Verantwortlichen"
	@echo "make links-external externe Links prüfen (braucht Netz)"
	@echo "make bench          Benchmark: Prüfungen, Wachstum, Vorschau (Minuten)"
	@echo "make release-check  bricht ab, solange Betreiberangaben oder die öffentliche Adresse fehlen"

install: $(STAMP) pdf-libs

# WeasyPrint (the PDF editions, portal.editions) lays out text with Debian's
# Pango; the editions embed DejaVu from Debian's fonts-dejavu-core, never
# whatever fonts a machine happens to have.
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
pdf-libs:
	@dpkg -s $(PDF_LIBS) >/dev/null 2>&1 || { \
	  echo "Installiere Debians Pango und DejaVu für die PDF-Ausgaben …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PDF_LIBS); }

# The stamp's name carries a hash of the lock file, so a changed lock
# reinstalls and an unchanged one costs nothing.
$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@# The core (scripts/portal) as an editable package: hooks, scripts and
	@# tests import it like any library. setuptools comes from the lock, so
	@# this step needs no network.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installiere Debians chromium für die Browsertests …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; }

nginx:
	@test -x $(NGINX) || { \
	  echo "Installiere Debians nginx für die Tests des Webservers …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx; }

# Debian's Java runs the Nu HTML checker (vnu-jar, from npm).
tools: $(NODE_STAMP)
	@command -v java >/dev/null || { \
	  echo "Installiere Debians Java für den Nu HTML Checker …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless; }

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Lenient, so that a mistake saved while it runs does not stop it; each page
# shows its findings in a banner (portal/preview). Only here: every other
# build stays strict. A port already in use gets one German sentence instead
# of MkDocs' traceback (portal/commands/serve.py).
serve: install
	$(BIN)/python -m portal serve --port $(PORT)

# Into a fresh folder that replaces site/ only after a successful strict
# build (portal/publish.py): a failed build leaves the last good site.
build: install
	$(BIN)/python -m portal build

lint: install
	$(BIN)/ruff check hooks scripts tests
	$(BIN)/ruff format --check hooks scripts tests

types: install
	$(BIN)/mypy --strict hooks scripts

pytest: install chromium nginx tools
	$(BIN)/pytest -n 2 --dist loadgroup

test: lint types pytest

# Quick while editing: everything but the browser suite (no Chromium needed).
unit: lint types tools nginx
	$(BIN)/pytest -n 2 -m "not browser"

# The editors' fast check of the sources (python -m portal check), seconds
# instead of a build; .pre-commit-config.yaml runs it before each commit.
check: install
	$(BIN)/python -m portal check

review: install
	$(BIN)/python -m portal report reviews

links-external: install
	$(BIN)/python -m portal links-external

bench: install
	PYTHONPATH=scripts $(BIN)/python -m benchmark

# Fira Sans subset to the portal's characters (docs/assets/fonts/, committed):
# only after a change of scripts/subset_fonts.py or of @fontsource/fira-sans.
fonts: install tools
	$(BIN)/python scripts/subset_fonts.py

release-check: install
	PORTAL_REQUIRE_OPERATOR=true $(BIN)/mkdocs build --strict --site-dir $$(mktemp -d)

clean:
	rm -rf site .venv node_modules .pytest_cache .mypy_cache .ruff_cache
