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

.PHONY: help run test lint types pytest frontend frontend-test frontend-lint api-types api-types-check chromium bench bench-push bench-checkins cluster clean screenshots

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

chromium:
	@scripts/ensure-chromium.sh

run: $(VENV)/.installed frontend
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py ensure_local_setup
	$(PY) manage.py sweep_deliveries
	$(PY) manage.py checkins_sweep
	@echo "Shoulder is at http://127.0.0.1:$(PORT)/  (API docs: /api/docs/, admin: /admin/)"
	@# Each task worker survives database restarts on its own (manage.py worker) and is
	@# started again by scripts/keep-running.sh if it dies anyway.
	@trap 'kill 0' EXIT INT TERM; export SITE_URL='$(SITE_URL)'; \
	  scripts/keep-running.sh $(PY) manage.py worker --queue-name=asks & \
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

pytest: $(VENV)/.installed frontend chromium
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) -m pytest $(PYTEST_ARGS)

test: lint types api-types-check frontend-lint frontend-test pytest

# Production on one machine: nginx, two gunicorns, two workers, PostgreSQL, Redis (deploy/).
cluster: $(VENV)/.installed frontend
	deploy/cluster.sh

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

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var/static
