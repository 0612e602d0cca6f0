# Shoulder: `make run` serves the app; `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Links in invites and emails point where `make run` serves, unless SITE_URL says otherwise.
SITE_URL ?= http://127.0.0.1:$(PORT)
# The crisis list is the server's file, bundled as the offline copy.
FRONTEND_SRC := $(shell find frontend/src frontend/public frontend/index.html frontend/vite.config.ts backend/web/crisis_resources.json -type f 2>/dev/null)

.PHONY: help run test translations messages lint types pytest frontend frontend-test frontend-lint api-types api-types-check chromium bench bench-push bench-checkins cluster clean bench-api load screenshots

help:
	@echo "make run   - set up what is missing and serve Shoulder on http://127.0.0.1:$(PORT)/"
	@echo "make test  - set up what is missing and run lint, types, unit, API and browser tests"
	@echo "make api-types - regenerate frontend/src/api/{schema.d.ts,limits.ts} from the API schema"

$(VENV)/.installed: pyproject.toml
	@py=$$(scripts/find-python.sh) && [ -x $(PY) ] || $$py -m venv $(VENV)
	$(PY) -m pip install -q -e ".[dev]"
	@touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SRC)
	cd frontend && npm run build --silent

frontend: frontend/dist/index.html

# Server-side translations: the .po catalogs are the source, the .mo files are built here
# (never committed). `make messages` gathers new strings into every catalog.
PO_FILES := $(wildcard backend/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
translations: $(MO_FILES)

backend/locale/%/LC_MESSAGES/django.mo: backend/locale/%/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null || scripts/ensure-gettext.sh
	msgfmt --check-format -o $@ $<

messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || scripts/ensure-gettext.sh
	cd backend && ../$(PY) ../manage.py makemessages --all --no-obsolete --no-location \
	  --ignore=locale --ignore='*/migrations/*'

chromium:
	@scripts/ensure-chromium.sh

run: $(VENV)/.installed frontend translations
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py ensure_local_setup
	$(PY) manage.py sweep_deliveries
	$(PY) manage.py checkins_sweep
	@echo "Shoulder is at http://127.0.0.1:$(PORT)/  (API docs: /api/docs/, admin: /admin/)"
	@# Each task worker survives database restarts on its own (manage.py worker) and is
	@# started again by scripts/keep-running.sh if it dies anyway.
	@trap 'kill 0' EXIT INT TERM; export SITE_URL='$(SITE_URL)'; \
	  scripts/keep-running.sh $(PY) manage.py worker --queue-name=asks --interval 0.2 --threads 4 & \
	  scripts/keep-running.sh $(PY) manage.py worker --queue-name=default & \
	  $(VENV)/bin/gunicorn backend.wsgi -c gunicorn.conf.py --bind 127.0.0.1:$(PORT) \
	    --workers 2 --threads 4 & \
	  wait

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

types: $(VENV)/.installed
	$(VENV)/bin/mypy backend

frontend-test: frontend/node_modules/.installed
	cd frontend && npm test --silent

frontend-lint: frontend/node_modules/.installed
	cd frontend && npm run lint --silent

# The PWA's API types come from the server's OpenAPI schema (scripts/api-types.mjs).
# Always from the SQLite configuration: integer ranges (and so "format: int64") follow the
# database backend, and the checked-in types must not depend on DATABASE_URL.
API_TYPES := schema.d.ts limits.ts
SCHEMA_CMD := DATABASE_URL= $(PY) manage.py spectacular --format openapi-json --validate --fail-on-warn
api-types: $(VENV)/.installed frontend/node_modules/.installed
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(SCHEMA_CMD) --file "$$tmp/schema.json" && \
	  cd frontend && node scripts/api-types.mjs "$$tmp/schema.json" src/api
	@echo "regenerated frontend/src/api/: $(API_TYPES)"

api-types-check: $(VENV)/.installed frontend/node_modules/.installed
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(SCHEMA_CMD) --file "$$tmp/schema.json" && \
	  (cd frontend && node scripts/api-types.mjs "$$tmp/schema.json" "$$tmp") && \
	  for f in $(API_TYPES); do \
	    diff -u "frontend/src/api/$$f" "$$tmp/$$f" || { \
	      echo "frontend/src/api/$$f does not match the API schema: run make api-types" >&2; exit 1; }; \
	  done

pytest: $(VENV)/.installed frontend chromium translations
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) -m pytest $(PYTEST_ARGS)

test: lint types api-types-check frontend-lint frontend-test pytest

# Production on one machine: nginx, two gunicorns, two workers, PostgreSQL, Redis (deploy/).
cluster: $(VENV)/.installed frontend
	deploy/cluster.sh

# A bounded load test (a benchmark): a cluster of its own (deploy/cluster.sh on ports 9780-9782,
# database shoulder_load), USERS simulated people (100) for DURATION seconds (120), then checks
# that nothing was lost, stored twice, sent twice or sent to the wrong person (scripts/load/).
load: $(VENV)/.installed frontend
	$(PY) scripts/load/run.py --users $(or $(USERS),100) --duration $(or $(DURATION),120)

# Phone screenshots (light and dark) of the main screens into docs/screenshots/, from a
# throwaway local server with demo data (scripts/screenshots.py).
screenshots: $(VENV)/.installed frontend chromium
	$(PY) scripts/screenshots.py

# Benchmarks measure; they are not tests (numbers go in the issue notes).
bench: bench-push bench-checkins

bench-push: $(VENV)/.installed
	$(PY) scripts/bench_push.py

bench-checkins: $(VENV)/.installed
	$(PY) scripts/bench_checkins.py

# Hot API reads against a bare and a signed-in floor, with wrk on PostgreSQL + Redis
# (scripts/bench_api.py: BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT). SIZE=large adds
# 10 000 people, 1 M check-ins and 5 M notes (built once, then reused). BENCH_ARGS passes
# options on, e.g. BENCH_ARGS="--rounds 3 --duration 4", "--only home,me", "--explain".
SIZE ?= small
bench-api: $(VENV)/.installed
	$(PY) scripts/bench_api.py --size $(SIZE) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var/static
