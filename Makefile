# Two entry points for a new user: `make run` and `make test`; `make lint` checks the code,
# `make format` rewrites it in the project's style.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: run test install test-setup lint format

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

# The report's browser test (tests/test_stats_chromium.py) needs Debian's chromium package.
# Installed here when it can be (root with apt-get); apt-get's output is shown only when it
# fails, and then make stops. Otherwise the test is skipped locally (in CI it fails instead).
test-setup: $(AXE)
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing chromium for the report's browser test (apt-get install chromium)"; \
		log=$$(mktemp); \
		if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$$log" 2>&1; \
		then rm -f "$$log"; \
		else status=$$?; cat "$$log" >&2; rm -f "$$log"; \
			echo "apt-get failed (exit $$status): chromium was not installed" >&2; exit $$status; \
		fi; \
	else echo "$(CHROMIUM) is missing and cannot be installed (needs root and apt-get): the report's browser test will be skipped locally"; \
	fi

# the test files are spread over every core (pytest-xdist); each file stays in one process
# axe-core (npm, pinned in tests/browser/package-lock.json) checks the web catalogue's pages for
# accessibility in tests/test_web_browser.py; without npm that test is skipped locally.
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $(AXE); \
	else echo "npm is missing: the web catalogue's accessibility test will be skipped locally"; fi

test: $(STAMP) test-setup
	$(BIN)/python -m pytest -n auto --dist loadfile

# ruff (lint and format) and mypy, configured in pyproject.toml; each step stops make on failure.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
