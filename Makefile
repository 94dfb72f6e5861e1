# newsdiff: `make run` serves the app with demo data and a background worker, `make test` runs
# the whole suite.
# Django 6.1 needs Python 3.12+; PYTHON=/path/to/python3.12 overrides the search below.

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

# The newest Python >= 3.12 on PATH or under pyenv. pyenv's bare `python3.12` shim exists
# even when that version is not selected, so every candidate is asked to run, not just found.
PYTHON ?= $(shell for c in python3.14 python3.13 python3.12 \
	$$(ls -d $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) python3; do \
	  $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$c; exit 0; }; \
	done)

.PHONY: run test bench venv dev-venv migrate demo clean backup restore

run: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_local_user --port $(PORT)
	@# A background worker (docs/jobs.md) runs beside the server and stops with it.
	@if [ "$${NEWSDIFF_TASKS:-db}" = immediate ]; then \
	  DEBUG=True $(PY) manage.py runserver 127.0.0.1:$(PORT); \
	else \
	  $(PY) manage.py jobs_worker --verbosity 0 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  DEBUG=True $(PY) manage.py runserver 127.0.0.1:$(PORT); \
	fi

test: $(VENV)/.dev
	$(PY) -m pytest $(PYTEST_ARGS)

# A consistent copy of the database and uploaded files in backups/<timestamp>/ (docs/security.md).
backup: $(VENV)/.runtime
	$(PY) manage.py backup

# Put a backup back, replacing the current database: make restore BACKUP=backups/<timestamp>
restore: $(VENV)/.runtime
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/<timestamp>"; exit 1; }
	$(PY) manage.py restore --yes "$(BACKUP)"

# The HTTP load section needs wrk (a Debian package); without it that section is skipped.
bench: $(VENV)/.dev
	@command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null 2>&1 || \
	  echo "wrk could not be installed: the HTTP load section will be skipped"
	$(PY) -m benchmarks

venv: $(VENV)/.runtime
dev-venv: $(VENV)/.dev

$(VENV)/bin/python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "newsdiff needs Python 3.12 or newer and none was found."; \
	  echo "Install one (e.g. 'pyenv install 3.12' or your system's python3.12 package)"; \
	  echo "or point at it: make $(MAKECMDGOALS) PYTHON=/path/to/python3.12"; \
	  exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache
