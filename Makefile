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
	$(PY) -m desk.checks.spelling.build
	touch $(STAMP)

syslibs:
	sh packaging/syslibs.sh

syslibs-window:
	sh packaging/syslibs.sh --window

# the programs the tests open desk's files with (desktop-file-validate, appstreamcli, groff,
# man, pdftotext, pdfinfo, qpdf, pandoc); `make test` asks for them first
syslibs-test:
	sh packaging/syslibs.sh --test

run: syslibs-window $(STAMP)
	$(PY) -m desk

test: syslibs-test $(STAMP)
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

# -- Desktop integration (packaging/): the man page, the icons and screenshots made from the
# sources, and the menu entry. install-desktop puts desk.desktop (running this checkout's
# $(VENV)/bin/desk, or DESK_EXEC), the icons, the AppStream metadata and desk.1 under
# $XDG_DATA_HOME (~/.local/share), or PREFIX/share; DESTDIR stages either.
.PHONY: man icons screenshots install-desktop uninstall-desktop
PREFIX    ?=
DESTDIR   ?=
DESK_EXEC ?=
DESKTOP_DIRS = --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

# packaging/desk.1 from the argparse parser (tests/packaging/test_manpage.py says when it is stale).
man: $(STAMP)
	$(PY) -m desk.cli.manpage packaging/desk.1

# packaging/icons/hicolor/<N>x<N>/apps/desk.png from resources/icons/desk.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/make_icons.py

# packaging/screenshots/*.png for the AppStream metadata: a fresh library's welcome article.
screenshots: $(STAMP)
	tmp=$$(mktemp -d) && export DESK_DB="$$tmp/library.db" QT_QPA_PLATFORM=offscreen && \
	$(PY) -m desk screenshot packaging/screenshots/main.png && \
	$(PY) -m desk screenshot --dark packaging/screenshots/dark.png; \
	rc=$$?; rm -rf "$$tmp"; exit $$rc

install-desktop: $(STAMP)
	$(PYTHON) packaging/install_desktop.py install $(DESKTOP_DIRS) \
	    --exec "$(or $(DESK_EXEC),$$(cd "$(VENV)" && pwd)/bin/desk)"

uninstall-desktop:
	$(PYTHON) packaging/install_desktop.py uninstall $(DESKTOP_DIRS)

# The one-folder bundle for a colleague without Python (packaging/bundle/): dist/desk/desk,
# built with PyInstaller (the `bundle` extra) from packaging/bundle/desk.spec, which also
# prebuilds the spelling index into it; its work folder is build/bundle/. `make bundle-test`
# builds it and runs it as CI does (packaging/bundle/smoke.sh).
.PHONY: bundle bundle-test
BUNDLE_STAMP := $(VENV)/.desk-bundle-installed

$(BUNDLE_STAMP): $(STAMP)
	sh packaging/syslibs.sh --bundle
	$(PY) -m pip install --quiet -e '.[bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/bundle \
		packaging/bundle/desk.spec

bundle-test: bundle
	sh packaging/bundle/smoke.sh dist/desk $(PY)

clean:
	rm -rf $(VENV) build dist *.egg-info
