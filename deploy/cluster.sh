#!/usr/bin/env bash
# `make cluster`: Shoulder as it scales out, on this machine — nginx (127.0.0.1:8080) in front
# of two gunicorn instances (8101, 8102), two task workers, PostgreSQL (database
# shoulder_cluster) and Redis (db 3), with the production settings except HTTPS
# (SHOULDER_LOCAL_HTTP=1). Ctrl-C stops them all.
# Every process runs under scripts/keep-running.sh, as a process supervisor would run it: one
# that dies (a crash, a SIGKILL) is started again while nginx sends its share to the others.
# Knobs (environment): CLUSTER_PORT (nginx, 8080), CLUSTER_APP_PORTS ("8101 8102"),
# CLUSTER_DATABASE_URL, CLUSTER_REDIS_URL, CLUSTER_VAR (var/cluster); `make load` and the
# fault tests run their own cluster on other ports this way.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
VAR=${CLUSTER_VAR:-$ROOT/var/cluster}
PORT=${CLUSTER_PORT:-8080}
APP_PORTS=${CLUSTER_APP_PORTS:-"8101 8102"}

# The worker command lines, in one place: one worker for the `asks` queue, one for the rest.
# Until the queues are split (and `manage.py worker` lands) both run every queue.
WORKER_ASKS=${WORKER_ASKS:-"scripts/keep-running.sh $PY manage.py worker --queue-name=asks --interval 0.2 --threads 4"}
WORKER_DEFAULT=${WORKER_DEFAULT:-"scripts/keep-running.sh $PY manage.py worker --queue-name=default"}

PG_URL=${CLUSTER_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/shoulder_cluster}
export DJANGO_ENV=production SHOULDER_LOCAL_HTTP=1 TRUSTED_PROXY_COUNT=1
export DATABASE_URL=$PG_URL
export REDIS_URL=${CLUSTER_REDIS_URL:-redis://127.0.0.1:6379/3}
export SHOULDER_VAR_DIR=$VAR
export ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL=http://127.0.0.1:$PORT
export CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$PORT,http://localhost:$PORT
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
# Every cluster of this checkout shares one collected copy of the static files.
if [ "$VAR/static" != "$ROOT/var/static" ] && [ ! -L "$VAR/static" ]; then
  mkdir -p "$ROOT/var/static"
  rm -rf "$VAR/static"
  ln -s "$ROOT/var/static" "$VAR/static"
fi
"$PY" manage.py migrate --noinput -v 0
# Collecting compresses every file again (minutes on a busy machine): only when something
# changed since the last time (the built PWA, an app's static files, the installed packages).
manifest=$ROOT/var/static/staticfiles.json
if [ ! -f "$manifest" ] || [ -n "$(find frontend/dist backend .venv/.installed -newer "$manifest" \
    -type f \( -path 'frontend/dist/*' -o -path '*/static/*' -o -name .installed \) \
    -print -quit 2>/dev/null)" ]; then
  "$PY" manage.py collectstatic --noinput -v 0
fi
"$PY" manage.py sweep_deliveries
"$PY" manage.py checkins_sweep

upstreams=""
for port in $APP_PORTS; do
  upstreams+="        server 127.0.0.1:$port max_fails=3 fail_timeout=2s;\n"
done
sed -e "s|@VAR@|$VAR|g" -e "s|@PORT@|$PORT|g" -e "s|@UPSTREAMS@|${upstreams%\\n}|" \
  deploy/nginx.conf.template > "$VAR/nginx.conf"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping the cluster..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# --keep-alive outlasts nginx's idle upstream connections (keepalive_timeout 60s): were gunicorn
# to close one first (its default is 2 s), a request nginx sent on it at that moment would be
# reset — a 502 for a POST, which nginx does not send elsewhere (seen under `make load`).
for port in $APP_PORTS; do
  scripts/keep-running.sh "$ROOT/.venv/bin/gunicorn" backend.wsgi -c gunicorn.conf.py \
    --bind "127.0.0.1:$port" --workers "${WEB_CONCURRENCY:-2}" --threads 4 --keep-alive 75 \
    --control-socket "$VAR/gunicorn-$port.ctl" \
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
for port in $APP_PORTS; do wait_for "http://127.0.0.1:$port/healthz"; done
# The proxy starts once every app server answers.
"$NGINX" -c "$VAR/nginx.conf" -p "$VAR" -e "$VAR/nginx-error.log" &
pids+=($!)
wait_for "http://127.0.0.1:$PORT/healthz"
echo "Shoulder cluster at http://127.0.0.1:$PORT/ (nginx -> gunicorn ${APP_PORTS// /, }; 2 workers;"
echo "PostgreSQL ${dbname}; Redis ${REDIS_URL##*/}; logs in ${VAR#"$ROOT"/}/). Ctrl-C stops it."
wait -n "${pids[@]}" || true
echo "A cluster process exited (logs in ${VAR#"$ROOT"/}/)." >&2
exit 1
