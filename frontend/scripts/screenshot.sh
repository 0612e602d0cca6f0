#!/bin/sh
# Re-renders the manifest's narrow screenshot from the built app with Debian's
# Chromium: `npm run build && sh scripts/screenshot.sh`. The PNG is committed.
set -eu
cd "$(dirname "$0")/.."
PORT=${PORT:-8765}
python3 scripts/spa-serve.py "$PORT" & SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=390,844 --virtual-time-budget=5000 \
  --screenshot=public/screenshots/narrow-1.png "http://127.0.0.1:$PORT/about"
