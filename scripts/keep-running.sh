#!/usr/bin/env bash
# keep-running.sh COMMAND [ARGS…]: run COMMAND, and start it again whenever it exits
# (a crash, an out-of-memory kill, anything `manage.py worker` does not survive on its own),
# after 1 s, 2 s, 4 s … at most 30 s; the pause starts over once a run lasted a minute.
# SIGTERM/SIGINT/SIGHUP stop COMMAND (one SIGTERM, so a worker finishes its task) and exit.
# `make run` wraps each task worker in it.
set -u
# COMMAND gets its own process group: a `kill 0` aimed at ours (make run's Ctrl+C) reaches it
# only through us, once.
set -m
child=""
pause=""
stop() {
  trap - TERM INT HUP
  [ -n "$pause" ] && kill "$pause" 2>/dev/null
  if [ -n "$child" ]; then
    kill -TERM "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
  exit 0
}
trap stop TERM INT HUP
delay=1
while :; do
  started=$SECONDS
  "$@" &
  child=$!
  wait "$child"
  status=$?
  child=""
  if (( SECONDS - started >= 60 )); then delay=1; fi
  echo "keep-running: '$*' exited with status $status; starting it again in ${delay}s" >&2
  sleep "$delay" &
  pause=$!
  wait "$pause"
  pause=""
  delay=$(( delay * 2 > 30 ? 30 : delay * 2 ))
done
