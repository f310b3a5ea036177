# Two commands (README): `make demo` runs storyville on the huge example, `make test` runs
# every check. Both set up what they need on a fresh machine and are quick the second time.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test setup lint typecheck pytest

setup:
	@scripts/setup.sh

demo: setup
	$(BIN)/storyville build examples.huge build/site
	@echo "The site is in build/site (open build/site/index.html)."

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/basedpyright

pytest: setup
	$(BIN)/pytest

test: lint typecheck pytest
