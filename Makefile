# Two entry points for a new user: `make run` and `make test`; `make lint` checks the code,
# `make format` rewrites it in the project's style.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

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
test-setup:
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

test: $(STAMP) test-setup
	$(BIN)/python -m pytest

# ruff (lint and format) and mypy, configured in pyproject.toml; each step stops make on failure.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
