#!/usr/bin/env bash
# Builds the VS Code extension: npm ci (when node_modules is stale), typecheck, unit tests,
# esbuild bundle, the storyville wheel it carries (uv build), vsce package →
# vscode-extension/dist/storyville.vsix. Idempotent; needs Node 20+ and npm (the machine's
# own) and uv (scripts/wheel.sh finds or installs it).
set -euo pipefail
cd "$(dirname "$0")/../vscode-extension"
log() { echo "extension: $*" >&2; }

command -v node >/dev/null 2>&1 || { log "needs Node.js 20+ and npm (apt-get install -y nodejs npm)"; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { log "needs Node.js 20+, found $(node --version)"; exit 1; }
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# 1. Dependencies, exactly as locked; skipped while node_modules matches package-lock.json.
stamp=node_modules/.storyville-npm-ci
if ! [ -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  log "npm ci"
  npm ci --no-fund --no-audit --loglevel=error >/dev/null
  touch "$stamp"
fi

# 2. Typecheck (esbuild only strips types).
node_modules/.bin/tsc --noEmit -p .

# 3. Unit tests: the modules without `vscode`, bundled and run by Node's test runner.
rm -rf out
node esbuild.mjs --tests
if ! node --test out/test/*.test.js >out/unit-tests.log 2>&1; then
  cat out/unit-tests.log >&2
  log "unit tests failed"
  exit 1
fi
grep -E '^# (tests|pass|fail|skipped) ' out/unit-tests.log | tr '\n' ' ' | sed 's/# //g; s/ $/\n/' | sed 's/^/extension: unit tests: /' >&2

# 4. The server's wheel, installed by the extension's "Install storyville" action (the name on
#    the public package index is another project's).
rm -rf server
../scripts/wheel.sh server >/dev/null

# 5. Bundle and package.
node esbuild.mjs
mkdir -p dist
node_modules/.bin/vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links \
  -o dist/storyville.vsix >out/vsce.log 2>&1 || { cat out/vsce.log >&2; exit 1; }
log "built $(pwd)/dist/storyville.vsix ($(du -k dist/storyville.vsix | cut -f1) KiB)"
