#!/usr/bin/env bash
# Prints the path of a Python 3.14 interpreter, provisioning one if needed.
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

# The machine's own Debian mirror, read from its apt sources (deb822 *.sources stanzas and
# one-line *.list entries, in apt's order): the first enabled `deb` source serving this
# machine's release (or stable/testing/unstable/sid). Never a built-in hostname: the mirror the
# machine already uses is the one known to be reachable from it.
apt_mirror() { # $1: apt's configuration directory
  local files=() f rel
  [ -f "$1/sources.list" ] && files+=("$1/sources.list")
  for f in "$1"/sources.list.d/*; do
    case $f in *.list | *.sources) [ -f "$f" ] && files+=("$f") ;; esac
  done
  [ ${#files[@]} -gt 0 ] || return 0
  rel=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}") || rel=
  awk -v rel="$rel" '
    function serves(suites,   s, n, i) {
      n = split(suites, s, /[ \t]+/)
      for (i = 1; i <= n; i++) if (s[i] != "" && (s[i] == rel || s[i] ~ /^(stable|testing|unstable|sid)$/)) return 1
      return 0
    }
    function pick(uri) { if (!found) { found = 1; print uri } }
    function stanza(   u) {
      if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled !~ /^[ \t]*(no|false)[ \t]*$/ && serves(suites)) {
        sub(/^[ \t]+/, "", uris); split(uris, u, /[ \t]+/); if (u[1] != "") pick(u[1])
      }
      types = uris = suites = enabled = key = ""
    }
    FNR == 1 { stanza() }
    FILENAME ~ /\.sources$/ {
      if ($0 ~ /^[ \t]*$/) { stanza(); next }
      if ($0 ~ /^#/) next
      if ($0 ~ /^[ \t]/) { value = $0 }
      else { key = tolower(substr($0, 1, index($0, ":") - 1)); value = substr($0, index($0, ":") + 1) }
      if (key == "types") types = types " " value
      else if (key == "uris") uris = uris " " value
      else if (key == "suites") suites = suites " " value
      else if (key == "enabled") enabled = value
      next
    }
    $1 == "deb" {
      line = $0; sub(/#.*/, "", line); sub(/^[ \t]*deb[ \t]+/, "", line)
      if (line ~ /^\[/) sub(/^\[[^]]*\][ \t]*/, "", line)
      split(line, f, /[ \t]+/)
      if (serves(f[2])) pick(f[1])
    }
    END { stanza() }
  ' "${files[@]}"
}
uri=$(apt_mirror /etc/apt)
[ -n "$uri" ] || {
  log "no Debian mirror in the machine's apt sources (/etc/apt/sources.list, sources.list.d/*.sources or *.list): add one, or install Python 3.14 and retry"
  exit 1
}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri sid main" > "$work/sources.list"
apt=(apt-get -qq -o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o Debug::NoLocking=1
     -o APT::Sandbox::User=root)
log "fetching python3.14 from Debian sid (the machine's apt mirror)"
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
