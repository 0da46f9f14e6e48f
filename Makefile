# Quick start: `make run` opens the app, `make test` runs the checks. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_DEPS := $(VENV)/.run-deps
DEV_DEPS := $(VENV)/.dev-deps
BUILD_DEPS := $(VENV)/.build-deps
PREFIX ?= $(HOME)/.local
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
ARCHIVE := dist/tip-reference-$(VERSION)-linux-$(shell uname -m).tar.gz
DIST_EXE := dist/tip-reference/tip-reference
export QT_QPA_PLATFORM ?= offscreen

.PHONY: search-bench run test lint typecheck pytest clean dist dist-build dist-onefile dist-check install uninstall icons

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)

$(RUN_DEPS): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements.txt
	touch $@

$(DEV_DEPS): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements-dev.txt
	touch $(RUN_DEPS) $@

$(BUILD_DEPS): requirements.txt requirements-build.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements-build.txt
	touch $(RUN_DEPS) $@

run: $(RUN_DEPS)
	QT_QPA_PLATFORM= $(BIN)/python main.py

# ruff, then the layers as import contracts (pyproject.toml [tool.importlinter]).
lint: $(DEV_DEPS)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

typecheck: $(DEV_DEPS)
	$(BIN)/mypy

pytest: $(DEV_DEPS)
	$(BIN)/python -m pytest -n 2

test: lint typecheck pytest

# Search latency per keystroke, index build time and size at 1 and 1,000 profiles (bench/README.md).
search-bench: $(RUN_DEPS)
	$(BIN)/python bench/search_bench.py

# The standalone app (build.spec): dist/tip-reference/ and its .tar.gz, then the smoke test.
dist:
	$(MAKE) dist-build
	$(MAKE) dist-check

dist-build: $(BUILD_DEPS)
	rm -rf dist/tip-reference $(ARCHIVE)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	tar -C dist -czf $(ARCHIVE) tip-reference

# One file for a USB stick; it unpacks itself on every start, so it opens slower than the folder.
dist-onefile: $(BUILD_DEPS) $(DEV_DEPS)
	ONEFILE=1 $(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist/onefile \
		--workpath build/onefile build.spec
	$(BIN)/python tools/dist_check.py --onefile dist/onefile/tip-reference

# Smoke test of the one-folder build (built first when missing), and the installed menu entry.
dist-check: $(BUILD_DEPS) $(DEV_DEPS)
	test -x $(DIST_EXE) || $(MAKE) dist-build
	$(BIN)/python tools/dist_check.py $(DIST_EXE) --archive $(ARCHIVE)
	QT_QPA_PLATFORM= $(BIN)/python -m pytest -q -rs -p no:cacheprovider tests_dist

# Per user, no root: the app in $(PREFIX)/lib, launcher, menu entry, icons, AppStream metainfo.
install:
	@test -x $(DIST_EXE) || { echo "no build in dist/tip-reference: run 'make dist' first"; exit 1; }
	$(PYTHON) tools/install.py install --prefix "$(PREFIX)"

uninstall:
	$(PYTHON) tools/install.py uninstall --prefix "$(PREFIX)"

# Regenerates the committed PNG, ICO and ICNS icons from app/resources/icons/tip-reference.svg.
icons: $(RUN_DEPS)
	$(BIN)/python tools/make_icons.py

# Start-up and memory against the bare PySide6 window (source and frozen, 1 and 1,000 profiles)
# and search latency, on a private Xvfb (needs xvfb); one table, written to bench/results.md. The
# frozen app is built afresh, so its figures are always those of the code in the tree.
bench: $(DEV_DEPS) dist-build
	$(BIN)/python -m compileall -q app bench main.py
	$(BIN)/python bench/run_all.py --frozen $(DIST_EXE)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
