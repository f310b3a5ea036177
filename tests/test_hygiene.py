"""No hand-written file names a package-registry or mirror host.

Scripts and docs must go through the machine's own package configuration (its apt sources,
its npm and pip indexes), which may be a proxy or a local mirror: a hard-coded public host
bypasses it, and a link to a registry's page is better made to the project's own page.
Generated lock files are the exception: they record where each artifact was resolved.

The forbidden hosts are derived at test time rather than listed, because a list would itself
name them, and would miss the mirrors and proxies of the machine at hand. They are the hosts
the lock files were resolved against, the machine's apt sources and its npm, pip and uv index
settings: whatever the project's tooling actually fetches from.
"""

import configparser
import ipaddress
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import REPO

LOCK_FILES = frozenset({"uv.lock", "package-lock.json"})
MAX_BYTES = 1 << 20  # larger tracked files are generated data, not prose
APT = Path("/etc/apt")
INDEX_ENV = ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "UV_INDEX_URL", "UV_EXTRA_INDEX_URL")
INDEX_ENV_LISTS = ("UV_DEFAULT_INDEX", "UV_INDEX")  # entries are `url` or `name=url`


@dataclass(frozen=True)
class Hit:
    path: str
    line: int
    host: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.host}"


def _host(url: str) -> str | None:
    """The URL's hostname if it can name a remote registry (not loopback, an IP or one label)."""
    try:
        host = urlsplit(url if "://" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host.rstrip(".")
    return None


def _hosts(urls: Iterable[str]) -> set[str]:
    return {host for url in urls if (host := _host(url))}


def _tracked_files() -> list[str]:
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=10
        )
    except OSError, subprocess.SubprocessError:
        pytest.skip("not a git checkout: no tracked files to scan")
    return [name for name in done.stdout.decode().split("\0") if name]


def _lock_urls(tracked: Iterable[str]) -> Iterator[str]:
    """The registry and artifact URLs of the lock files (not git sources or funding links)."""
    for name in tracked:
        path = REPO / name
        if not path.is_file():
            continue
        if path.name == "uv.lock":
            for package in tomllib.loads(path.read_text()).get("package", []):
                source = package.get("source", {})
                if "registry" not in source:
                    continue
                yield source["registry"]
                artifacts = [package.get("sdist", {}), *package.get("wheels", [])]
                yield from (a["url"] for a in artifacts if "url" in a)
        elif path.name == "package-lock.json":
            # A registry tarball's path has the `/-/` segment; a git or URL dependency has not.
            text = path.read_text()
            yield from re.findall(r'"resolved":\s*"(https?://[^"]*/-/[^"]*)"', text)


def _apt_urls(root: Path = APT) -> Iterator[str]:
    """The URIs of apt's one-line `deb` entries and of its deb822 `URIs:` fields."""
    lists = [root / "sources.list", *sorted(root.glob("sources.list.d/*.list"))]
    for path in lists:
        for line in _read_lines(path):
            words = re.sub(r"\[[^]]*\]", " ", line.split("#", 1)[0]).split()
            if len(words) > 1 and words[0] in {"deb", "deb-src"}:
                yield words[1]
    for path in sorted(root.glob("sources.list.d/*.sources")):
        text = "\n".join(_read_lines(path))
        for field in re.findall(r"(?im)^uris:(.*(?:\n[ \t].*)*)", text):
            yield from field.split()


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(errors="replace").splitlines()
    except OSError:
        return []


def _pip_uv_urls() -> Iterator[str]:
    """The indexes and trusted hosts of pip's configuration files and pip's and uv's env vars."""
    xdg_config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    xdg_dirs = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    files = [
        *(Path(d) / "pip/pip.conf" for d in xdg_dirs.split(":") if d),
        Path("/etc/pip.conf"),
        Path.home() / ".pip/pip.conf",
        Path(xdg_config) / "pip/pip.conf",
        Path(sys.prefix) / "pip.conf",
    ]
    if config_file := os.environ.get("PIP_CONFIG_FILE"):
        files.append(Path(config_file))
    for path in files:
        config = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            config.read(path)
        except OSError, configparser.Error:
            continue
        for section in config.sections():
            for key in ("index-url", "extra-index-url", "trusted-host"):
                yield from config.get(section, key, fallback="").split()
    for name in (*INDEX_ENV, "PIP_TRUSTED_HOST"):
        yield from os.environ.get(name, "").split()
    for name in INDEX_ENV_LISTS:
        yield from (entry.rpartition("=")[2] for entry in os.environ.get(name, "").split())


def _start_npm() -> subprocess.Popen[str] | None:
    """`npm config get registry`, started early: npm takes a few tenths of a second to answer."""
    if not (npm := shutil.which("npm")):
        return None
    env = {**os.environ, "npm_config_update_notifier": "false"}
    try:
        return subprocess.Popen(
            [npm, "config", "get", "registry"],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
    except OSError:
        return None


def _npm_urls(npm: subprocess.Popen[str] | None) -> list[str]:
    if npm is None:
        return []
    try:
        out, _ = npm.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        npm.kill()
        npm.communicate()
        return []
    return out.split() if npm.returncode == 0 else []


def _matcher(hosts: Iterable[str]) -> re.Pattern[str]:
    """Any of the hosts, or a subdomain of one, as a whole hostname (not inside a longer one)."""
    alternatives = "|".join(re.escape(h) for h in sorted(hosts, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-]|\.[\w-])", re.IGNORECASE)


def _scan(tracked: Iterable[str], pattern: re.Pattern[str]) -> list[Hit]:
    hits: list[Hit] = []
    for name in tracked:
        path = REPO / name
        if path.name in LOCK_FILES:
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            data = path.read_bytes()
        except OSError:  # tracked, but moved or deleted in the working tree
            continue
        if b"\0" in data[:8192]:
            continue  # binary
        text = data.decode(errors="replace")
        if not pattern.search(text):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            hits.extend(Hit(name, number, m.group().lower()) for m in pattern.finditer(line))
    return hits


def test_no_hand_written_file_names_a_registry_or_mirror_host() -> None:
    npm = _start_npm()
    tracked = _tracked_files()
    hosts = _hosts([*_lock_urls(tracked), *_apt_urls(), *_pip_uv_urls()])
    hosts |= _hosts(_npm_urls(npm))
    assert hosts, "no registry or mirror host could be derived: nothing to check against"
    hits = _scan(tracked, _matcher(hosts))
    assert not hits, (
        "registry or mirror hosts in hand-written files (link to the project's own page, or "
        "derive the host from the machine's configuration):\n" + "\n".join(map(str, hits))
    )


def test_lock_files_yield_the_hosts_they_were_resolved_against() -> None:
    """Guards the derivation: a lock format change must not make the scan pass vacuously."""
    tracked = _tracked_files()
    if "uv.lock" in tracked:
        assert _hosts(_lock_urls(["uv.lock"]))


def test_matcher_finds_hostnames_not_look_alikes() -> None:
    pattern = _matcher(["pkgs.example.test"])
    named = ["see https://pkgs.example.test/x", "PKGS.Example.test.", "a.pkgs.example.test:80"]
    assert all(pattern.search(line) for line in named)
    unnamed = ["mypkgs.example.test", "pkgs.example.tests", "pkgs.example.test.other", "pkgs-x"]
    assert not any(pattern.search(line) for line in unnamed)


def test_apt_sources_in_both_formats(tmp_path: Path) -> None:
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list").write_text(
        "# deb http://commented.example.test/debian sid main\n"
        "deb [arch=amd64 signed-by=/k.gpg] http://one.example.test/debian sid main\n"
    )
    (tmp_path / "sources.list.d/b.sources").write_text(
        "Types: deb\nURIs: http://two.example.test/debian\n http://three.example.test/d\n"
        "Suites: sid\n"
    )
    (tmp_path / "sources.list.d/c.list.disabled").write_text(
        "deb http://off.example.test/d sid main\n"
    )
    assert _hosts(_apt_urls(tmp_path)) == {
        "one.example.test",
        "two.example.test",
        "three.example.test",
    }
