#!/usr/bin/env bash
# Prints the path of a Python 3.14 interpreter, provisioning one if needed (SPEC §10).
# Order: an installed python3.14, then `uv python find/install`, then Debian unstable's binary
# packages unpacked into a private root (nothing installed system-wide: they need a newer glibc).
set -euo pipefail

UV=${UV:-uv}
ROOT=${STORYVILLE_PY_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/storyville/python3.14}
log() { echo "find-python: $*" >&2; }

usable() { [ -x "$1" ] && "$1" -c 'import sys; assert sys.version_info[:2] == (3, 14)' 2>/dev/null; }

if p=$(command -v python3.14 2>/dev/null) && usable "$p"; then echo "$p"; exit 0; fi
if [ -x "$ROOT/usr/bin/python3.14" ] && [ -f "$ROOT/.complete" ] && usable "$ROOT/usr/bin/python3.14"; then
  echo "$ROOT/usr/bin/python3.14"; exit 0
fi
if command -v "$UV" >/dev/null 2>&1; then
  if p=$("$UV" python find 3.14 2>/dev/null) && usable "$p"; then echo "$p"; exit 0; fi
  if timeout 60 "$UV" python install 3.14 >/dev/null 2>&1 && p=$("$UV" python find 3.14 2>/dev/null) && usable "$p"; then
    echo "$p"; exit 0
  fi
  log "uv python install 3.14 cannot download here; using Debian's packages"
fi

command -v apt-get >/dev/null || { log "no python3.14, no uv download and no apt-get: install Python 3.14 and retry"; exit 1; }
if ! command -v patchelf >/dev/null; then
  log "installing patchelf (bookworm package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq patchelf >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq patchelf >/dev/null; }
fi

uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
uri=${uri:-http://deb.debian.org/debian}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri sid main" > "$work/sources.list"
apt=(apt-get -qq -o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o Debug::NoLocking=1
     -o APT::Sandbox::User=root)
log "fetching python3.14 from Debian sid ($uri)"
"${apt[@]}" update >/dev/null
pkgs=(python3.14-minimal libpython3.14-minimal libpython3.14-stdlib python3.14 libpython3.14
      python3.14-venv python3.14-dev libpython3.14-dev python3-pip-whl python3-setuptools-whl libc6
      libssl3t64 openssl-provider-legacy libexpat1 zlib1g libffi8 libbz2-1.0 liblzma5 libzstd1
      libsqlite3-0 libreadline8t64 libncursesw6 libtinfo6 libuuid1 libdb5.3t64 libmpdec4 libgcc-s1
      libstdc++6 media-types tzdata netbase)
(cd "$work/debs" && "${apt[@]}" download "${pkgs[@]}" >/dev/null)

rm -rf "$ROOT.tmp" && mkdir -p "$ROOT.tmp"
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$ROOT.tmp"; done
lib="$ROOT/usr/lib/x86_64-linux-gnu"
patchelf --set-interpreter "$lib/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$lib" \
  "$ROOT.tmp/usr/bin/python3.14"
rm -rf "$ROOT" && mv "$ROOT.tmp" "$ROOT"
usable "$ROOT/usr/bin/python3.14" || { log "the unpacked python3.14 does not run"; exit 1; }
log "compiling the stdlib (.pyc files make every fresh subinterpreter's imports ~3x faster)"
"$ROOT/usr/bin/python3.14" -m compileall -q -j 0 "$ROOT/usr/lib/python3.14" >/dev/null 2>&1 || true
touch "$ROOT/.complete"
echo "$ROOT/usr/bin/python3.14"
