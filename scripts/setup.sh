#!/usr/bin/env bash
# Sets up the project environment (.venv) with Python 3.14; idempotent, quick when up to date.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v uv >/dev/null 2>&1; then
  echo "setup: installing uv with $(command -v python3)" >&2
  python3 -m pip install -q --user uv >/dev/null 2>&1 || python3 -m pip install -q uv
  export PATH="$HOME/.local/bin:$PATH"
fi
uv=$(command -v uv)

stamp=.venv/.storyville-setup
if [ -f "$stamp" ] && [ -x .venv/bin/python ] && [ "$stamp" -nt pyproject.toml ] && [ "$stamp" -nt uv.lock ]; then
  exit 0
fi
py=$(UV="$uv" scripts/find-python.sh)
echo "setup: Python 3.14 at $py" >&2
"$uv" sync --frozen --python "$py" --quiet
touch "$stamp"
