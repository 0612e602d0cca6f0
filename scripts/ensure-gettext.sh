#!/usr/bin/env bash
# The server's translation catalogs are compiled with GNU gettext's msgfmt.
set -eu
if command -v msgfmt >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's gettext for the translation catalogs..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
  exit 0
fi
echo "Compiling translations needs GNU gettext (msgfmt): sudo apt-get install gettext" >&2
exit 1
