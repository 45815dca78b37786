# acftu-pipeline: `make run` extracts raw/ into extracted/ (JSON + SQLite); `make test` runs the tests.
# Both create .venv and install what they need, system tools included (apt-get, when root or sudo).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///extracted/notices.db
APT_PACKAGES := tesseract-ocr tesseract-ocr-chi-sim libreoffice-writer-nogui poppler-utils libgl1 libglib2.0-0

.PHONY: run test bench bench-tables schema system-deps clean

run: $(VENV)/.installed system-deps
	$(BIN)/acftu run raw/ --out extracted/ --db $(DB)

test: $(VENV)/.installed-test system-deps
	$(BIN)/pytest

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/speed.py raw/

bench-tables: $(VENV)/.installed-bench
	$(BIN)/python bench/tables.py

schema: $(VENV)/.installed
	$(BIN)/acftu schema --out schemas/notice.schema.json

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q -e ".[test]"
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q -e ".[bench]"
	touch $@ $(VENV)/.installed

# OCR (scanned pages; OpenCV needs libGL) and LibreOffice (.doc) are system tools; without them those files
# fail with a message saying what to install, and the rest of a batch goes on.
system-deps:
	@missing=""; \
	command -v tesseract >/dev/null || missing="$$missing tesseract"; \
	tesseract --list-langs 2>/dev/null | grep -q chi_sim || missing="$$missing chi_sim"; \
	command -v soffice >/dev/null || missing="$$missing soffice"; \
	command -v pdftoppm >/dev/null || missing="$$missing pdftoppm"; \
	ldconfig -p | grep -q 'libGL.so.1 ' || missing="$$missing libGL"; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages for:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null ) \
	  || echo "warning: could not install $(APT_PACKAGES); scans and .doc files will fail with a clear message"; \
	fi

clean:
	rm -rf extracted/*.json extracted/notices.db .pytest_cache
