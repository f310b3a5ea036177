# The two commands of the README:
#   make demo   sets everything up and serves the huge example catalog with hot reload
#   make test   sets everything up and runs every check and test suite
# Both work on a fresh machine (Debian, root) and are quick the second time.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080

.PHONY: demo test setup test-tools lint typecheck pytest extension wheel benchmarks

setup:
	@scripts/setup.sh

demo: setup
	$(BIN)/storyville serve examples.huge --port $(PORT)

test-tools:
	@scripts/setup-test-tools.sh

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/basedpyright

extension:
	@scripts/extension.sh

# The storyville wheel (dist/storyville-X.Y.Z-py3-none-any.whl), to install by path: the name
# on the public package index is another, older project's.
wheel:
	@scripts/wheel.sh

pytest: setup test-tools extension
	$(BIN)/pytest

test: lint typecheck pytest

benchmarks: setup
	$(BIN)/python -m benchmarks.cold_build
	$(BIN)/python -m benchmarks.hot_reload
	$(BIN)/python -m benchmarks.lsp_latency
	$(BIN)/python -m benchmarks.page_update
	$(BIN)/python -m benchmarks.editor_save
