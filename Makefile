# Quick start: `make run` opens the app, `make test` runs the checks. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_DEPS := $(VENV)/.run-deps
DEV_DEPS := $(VENV)/.dev-deps
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck pytest clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)

$(RUN_DEPS): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements.txt
	touch $@

$(DEV_DEPS): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements-dev.txt
	touch $(RUN_DEPS) $@

run: $(RUN_DEPS)
	QT_QPA_PLATFORM= $(BIN)/python main.py

lint: $(DEV_DEPS)
	$(BIN)/ruff check .

typecheck: $(DEV_DEPS)
	$(BIN)/mypy

pytest: $(DEV_DEPS)
	$(BIN)/python -m pytest -n 2

test: lint typecheck pytest

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
