#!/usr/bin/env bash
# A side environment with Storyville 0.1.1 (and tdom 0.1.13, the last release it works
# with), measured beside storyville in the same benchmark run. Prints its bin dir.
# benchmarks/compat/ patches tdom 0.1.13 for Python 3.14.10's HTMLParser (see there).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.bench/storyville-0.1.1
if [ ! -f "$dir/.ready" ]; then
  py=$(scripts/find-python.sh)
  rm -rf "$dir"
  uv venv -q --python "$py" "$dir" >&2
  uv pip install -q --python "$dir/bin/python" "storyville==0.1.1" "tdom==0.1.13" >&2
  site=$("$dir/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  cp benchmarks/compat/storyville_baseline_compat.py "$site/"
  echo "import storyville_baseline_compat" > "$site/storyville_baseline_compat.pth"
  touch "$dir/.ready"
fi
echo "$PWD/$dir/bin"
