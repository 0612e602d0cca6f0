#!/usr/bin/env bash
# `make cluster`: Shoulder as it scales out, on this machine — nginx (127.0.0.1:8080) in front
# of two gunicorn instances (8101, 8102), two task workers, PostgreSQL (database
# shoulder_cluster) and Redis (db 3), with the production settings except HTTPS
# (SHOULDER_LOCAL_HTTP=1). Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
VAR=$ROOT/var/cluster

# The worker command lines, in one place: one worker for the `asks` queue, one for the rest.
# Until the queues are split (and `manage.py worker` lands) both run every queue.
WORKER_ASKS=${WORKER_ASKS:-"scripts/keep-running.sh $PY manage.py worker --queue-name=asks --interval 0.2 --threads 4"}
WORKER_DEFAULT=${WORKER_DEFAULT:-"scripts/keep-running.sh $PY manage.py worker --queue-name=default"}

PG_URL=${CLUSTER_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/shoulder_cluster}
export DJANGO_ENV=production SHOULDER_LOCAL_HTTP=1 TRUSTED_PROXY_COUNT=1
export DATABASE_URL=$PG_URL
export REDIS_URL=${CLUSTER_REDIS_URL:-redis://127.0.0.1:6379/3}
export SHOULDER_VAR_DIR=$VAR
export ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL=http://127.0.0.1:8080
export CSRF_TRUSTED_ORIGINS=http://127.0.0.1:8080,http://localhost:8080
export EMAIL_BACKEND_NAME=console
export PUSH_HOSTS=${PUSH_HOSTS:-"fcm.googleapis.com,*.push.services.mozilla.com,*.push.apple.com"}
mkdir -p "$VAR/tmp"
[ -f "$VAR/secret_key" ] || "$PY" -c "import secrets; print(secrets.token_urlsafe(50))" > "$VAR/secret_key"
SECRET_KEY=$(cat "$VAR/secret_key"); export SECRET_KEY
[ -f "$VAR/mfa_key" ] || "$PY" -c "import secrets; print(secrets.token_urlsafe(50))" > "$VAR/mfa_key"
MFA_ENCRYPTION_KEY=$(cat "$VAR/mfa_key"); export MFA_ENCRYPTION_KEY

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing Debian's nginx..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
dbname=${PG_URL##*/}
psql "${PG_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$dbname'" | grep -q 1 \
  || psql "${PG_URL%/*}/postgres" -qc "CREATE DATABASE $dbname"

[ -f frontend/dist/index.html ] || (cd frontend && npm run build --silent)
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
"$PY" manage.py sweep_deliveries
"$PY" manage.py checkins_sweep

sed -e "s|@VAR@|$VAR|g" -e "s|@ROOT@|$ROOT|g" deploy/nginx.conf.template > "$VAR/nginx.conf"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping the cluster..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

for port in 8101 8102; do
  "$ROOT/.venv/bin/gunicorn" backend.wsgi -c gunicorn.conf.py --bind "127.0.0.1:$port" \
    --workers "${WEB_CONCURRENCY:-2}" --threads 4 --control-socket "$VAR/gunicorn-$port.ctl" \
    > "$VAR/gunicorn-$port.log" 2>&1 &
  pids+=($!)
done
$WORKER_ASKS > "$VAR/worker-asks.log" 2>&1 &
pids+=($!)
$WORKER_DEFAULT > "$VAR/worker-default.log" 2>&1 &
pids+=($!)

answers() { curl -fsS -o /dev/null "$1" 2>/dev/null; }
wait_for() {
  for _ in $(seq 1 90); do answers "$1" && return 0; sleep 1; done
  echo "No answer from $1 (logs: $VAR)" >&2
  return 1
}
wait_for http://127.0.0.1:8101/healthz
wait_for http://127.0.0.1:8102/healthz
# The proxy starts once both app servers answer.
"$NGINX" -c "$VAR/nginx.conf" -p "$VAR" -e "$VAR/nginx-error.log" &
pids+=($!)
wait_for http://127.0.0.1:8080/healthz
echo "Shoulder cluster at http://127.0.0.1:8080/ (nginx -> gunicorn 8101, 8102; 2 workers;"
echo "PostgreSQL ${dbname}; Redis ${REDIS_URL##*/}; logs in var/cluster/). Ctrl-C stops it."
wait -n "${pids[@]}" || true
echo "A cluster process exited (logs in var/cluster/)." >&2
exit 1
