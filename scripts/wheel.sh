#!/usr/bin/env bash
# Builds storyville's wheel into OUT_DIR (default dist/; uv build, uv found where
# scripts/setup.sh installs it). Prints the wheel's path. Usage: scripts/wheel.sh [OUT_DIR]
set -euo pipefail
out=$(realpath -m "${1:-dist}")
cd "$(dirname "$0")/.."
if ! command -v uv >/dev/null 2>&1; then
  if [ -x "$HOME/.local/bin/uv" ]; then
    export PATH="$HOME/.local/bin:$PATH"
  else
    echo "wheel: installing uv with $(command -v python3)" >&2
    python3 -m pip install -q --user uv >/dev/null 2>&1 || python3 -m pip install -q uv
    export PATH="$HOME/.local/bin:$PATH"
  fi
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -1)
uv build --quiet --wheel --out-dir "$out" >&2
rm -f "$out/.gitignore"
echo "$out/storyville-$version-py3-none-any.whl"
