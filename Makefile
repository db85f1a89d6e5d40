# desk: `make run` opens the window, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.desk-installed

.PHONY: run test lint typecheck bench syslibs syslibs-window syslibs-test wheel-test clean

$(STAMP): pyproject.toml setup.py
	sh packaging/syslibs.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

syslibs:
	sh packaging/syslibs.sh

syslibs-window:
	sh packaging/syslibs.sh --window

# the programs the tests open exports with (pdftotext, pdfinfo, qpdf, pandoc)
syslibs-test:
	sh packaging/syslibs.sh --test

run: syslibs-window $(STAMP)
	$(PY) -m desk

test: $(STAMP) syslibs-test
	$(MAKE) lint
	$(MAKE) typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# ruff with the small rule set of pyproject.toml ([tool.ruff]); `make test` runs it first.
lint: $(STAMP)
	$(PY) -m ruff check desk tests tools

# mypy, strict on desk/model.py, desk/storage and desk/operations (see [tool.mypy] in pyproject.toml).
typecheck: $(STAMP)
	$(PY) -m mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen sh tests/bench/run_all.sh $(PY)

# Build a wheel, install it into a throwaway venv and check that resources/ and db/ came along.
wheel-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/test_packaging.py -m subprocess

clean:
	rm -rf $(VENV) build dist *.egg-info
