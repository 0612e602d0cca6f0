#!/usr/bin/env bash
# Print the path of a Python >= 3.12 that actually runs, or explain and fail.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
candidates+=(python3)
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for p in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -rV); do candidates+=("$p/bin/python3"); done
fi
candidates+=(python3.14 python3.13 python3.12 /usr/bin/python3.13 /usr/bin/python3.12)
for c in "${candidates[@]}"; do
  if ok "$c"; then command -v "$c"; exit 0; fi
done
echo "Shoulder needs Python 3.12 or newer (Django 6.1). None was found: install one" >&2
echo "(e.g. 'pyenv install 3.13' or 'apt-get install python3.13') or set PYTHON=/path/to/python3." >&2
exit 1
