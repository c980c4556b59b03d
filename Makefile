# Alliance Portal. `make run` serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# The browser tests (tests/browser/) drive this Chromium; they are skipped when it is missing.
CHROMIUM ?= /usr/bin/chromium

# The first interpreter that runs and is Python 3.12+: $PYTHON if set, then the usual names,
# then the newest 3.12+ that pyenv has installed. Stops with a clear message otherwise.
define FIND_PYTHON
for c in python3 python3.14 python3.13 python3.12 python; do \
  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
    command -v $$c; exit 0; fi; \
done; \
if command -v pyenv >/dev/null 2>&1; then \
  root=$$(pyenv root); \
  for v in $$(ls "$$root/versions" 2>/dev/null | grep -E '^3\.[0-9]+\.[0-9]+$$' | sort -V -r); do \
    p="$$root/versions/$$v/bin/python3"; \
    if [ -x "$$p" ] && "$$p" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
      echo "$$p"; exit 0; fi; \
  done; \
fi
endef
PYTHON ?= $(shell $(FIND_PYTHON))

.PHONY: help run test lint install install-test catalogues migrate demo worker messages check-deploy clean bench

help:
	@echo "make run    serve the portal with demo data on http://127.0.0.1:8000 (plus Celery)"
	@echo "make test   run the linter and the whole test suite"
	@echo "make lint   run ruff"
	@echo "make bench  load-test the portal at scale on PostgreSQL and Redis (see README, Benchmark)"

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Python 3.12 or newer is needed and none was found. Install it, or point PYTHON at it:"; \
	  echo "  make run PYTHON=/path/to/python3.12"; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bench]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

catalogues: install
	@$(PY) manage.py compile_catalogues

migrate: install catalogues
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py sweep_notifications

run: demo
	@echo "Starting Celery (worker with beat) and the web server on http://127.0.0.1:8000 ..."
	@\
	$(BIN)/celery -A alliance worker --beat --loglevel=INFO --pool=solo \
	  --schedule=var/celerybeat-schedule >var/celery.log 2>&1 & celery_pid=$$!; \
	trap 'kill $$celery_pid 2>/dev/null; wait $$celery_pid 2>/dev/null' EXIT INT TERM; \
	echo "Celery worker and beat running (log: var/celery.log)."; \
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test catalogues
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "Chromium is not installed at $(CHROMIUM): the browser tests (tests/browser/) are skipped."; \
	  echo "Install it with 'apt-get install chromium' to run them (.ci/run does)."; fi
	ALLIANCE_CHROMIUM=$(CHROMIUM) $(BIN)/pytest $(PYTEST_ARGS)

messages: install
	$(PY) manage.py makemessages --locale es --locale en --locale pt --locale fr \
	  --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --no-obsolete --no-location
	$(PY) manage.py fill_english_catalogue
	$(PY) manage.py compile_catalogues

check-deploy: install
	DJANGO_SETTINGS_MODULE=alliance.settings.production $(PY) manage.py check --deploy --fail-level WARNING

# DATABASE_URL and REDIS_URL default to postgres://postgres@127.0.0.1:5432/alliance_bench and
# redis://127.0.0.1:6379/12 (see bench/run.py).
bench: $(VENV)/.installed-bench
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var
