"""The preview's Host and Origin checks and its URL-to-file mapping, without a server."""

from pathlib import Path

import pytest
from storyville.preview.security import AccessPolicy, resolve

from tests.helpers import hostile_site

LOCAL = AccessPolicy("127.0.0.1", 8000)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.0.0.1:8000",
        "127.0.0.1:3000",  # an editor's port-forwarding proxy uses its own port
        "localhost",
        "localhost:8000",
        "LocalHost",
        "LocalHost:8000",
        "[::1]",
        "[::1]:8000",
    ],
)
def test_loopback_hosts_are_allowed(host: str) -> None:
    assert LOCAL.host_ok(host)


@pytest.mark.parametrize(
    "host",
    [
        None,
        "",
        "evil.example",
        "evil.example:8000",
        # DNS rebinding: names that resolve to 127.0.0.1 but are not ours
        "localhost.evil.example",
        "localhost.evil.example:8000",
        "127.0.0.1.nip.io:8000",
        "127-0-0-1.sslip.io",
        "127.0.0.2:8000",
        "0.0.0.0:8000",
        "::1",  # an IPv6 Host must be bracketed
        "[::1",
        "[::2]:8000",
        "localhost:8000:8000",
        "localhost:port",
        "localhost:",
        "user@localhost:8000",
        "localhost:8000@evil.example",
        "local host",
    ],
)
def test_other_hosts_are_refused(host: str | None) -> None:
    assert not LOCAL.host_ok(host)


@pytest.mark.parametrize(
    ("bound", "extra", "host", "ok"),
    [
        pytest.param("192.168.1.5", (), "192.168.1.5:8000", True, id="bound address"),
        pytest.param("192.168.1.5", (), "localhost:8000", True, id="loopback still ok"),
        pytest.param("192.168.1.5", (), "192.168.1.6:8000", False, id="other address"),
        pytest.param("fe80::1", (), "[fe80::1]:8000", True, id="bound IPv6 bracketed"),
        pytest.param("fe80::1", (), "[fe80::2]:8000", False, id="other IPv6"),
        pytest.param("localhost", (), "[::1]:8000", True, id="bound to localhost"),
        pytest.param("::1", (), "[::1]:8000", True, id="bound to ::1"),
        pytest.param("127.0.0.1", ("devbox",), "devbox:8000", True, id="extra host"),
        pytest.param("127.0.0.1", ("devbox",), "devbox2:8000", False, id="not an extra host"),
        pytest.param("0.0.0.0", (), "evil.example", True, id="bound to every IPv4 address"),
        pytest.param("::", (), "anything:1", True, id="bound to every IPv6 address"),
        pytest.param("0.0.0.0", (), None, True, id="any host, even none"),
    ],
)
def test_host_depends_on_the_bound_address(
    bound: str, extra: tuple[str, ...], host: str | None, ok: bool
) -> None:
    assert AccessPolicy(bound, 8000, extra).host_ok(host) is ok


@pytest.mark.parametrize("host", ["mybox.local:8000", "MyBox.local:8000"])
def test_host_names_are_case_insensitive(host: str) -> None:
    assert AccessPolicy("MyBox.local", 8000).host_ok(host)


@pytest.mark.parametrize(
    ("origin", "ok"),
    [
        (None, True),  # non-browser clients may send none
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("https://localhost", True),
        ("http://[::1]:8000", True),
        ("vscode-webview://1bc3fk0e2hg", True),
        ("vscode-file://vscode-app", True),
        ("http://evil.example", False),
        ("https://localhost.evil.example", False),
        ("http://127.0.0.1.nip.io:8000", False),
        ("null", False),  # sandboxed frames and file:// pages
        ("", False),
        ("file://", False),
        ("ftp://localhost", False),
        ("ws://localhost:8000", False),
    ],
)
def test_origin(origin: str | None, ok: bool) -> None:
    assert LOCAL.origin_ok(origin) is ok


# --- resolve -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One site for the module: resolving only reads it."""
    return hostile_site(tmp_path_factory.mktemp("security"))


@pytest.mark.parametrize(
    ("url_path", "expected"),
    [
        ("", "index.html"),
        ("/", "index.html"),
        ("index.html", "index.html"),
        ("/index.html", "index.html"),
        ("./index.html", "index.html"),
        ("inner", "inner/index.html"),
        ("inner/", "inner/index.html"),
        ("inner//page.html", "inner/page.html"),
        ("inner/page.html", "inner/page.html"),
        ("style.css", "style.css"),
        ("%2e%2e/odd.html", "%2e%2e/odd.html"),  # already decoded: % here is a character
        ("alias.html", "index.html"),  # a symlink inside the site is followed
        ("aliasdir/page.html", "inner/page.html"),
        ("aliasdir", "inner/index.html"),
    ],
)
def test_resolve_finds_files_in_the_site(site: Path, url_path: str, expected: str) -> None:
    assert resolve(site, url_path) == (site / expected).resolve()


@pytest.mark.parametrize(
    "url_path",
    [
        "..",
        "../secret.txt",
        "/../secret.txt",
        "inner/../../secret.txt",
        "inner/../index.html",  # even a `..` that stays inside
        "inner/..",
        "..\\secret.txt",
        "inner\\page.html",
        "index.html\0",
        "%2e%2e/secret.txt",
        "..%2fsecret.txt",
        "missing.html",
        "inner/missing.html",
        "empty",  # a directory without index.html
        "empty/",
        "leak.txt",
        "leakdir",
        "leakdir/index.html",
        "dangling.html",
    ],
)
def test_resolve_refuses(site: Path, url_path: str) -> None:
    assert resolve(site, url_path) is None


def test_trailing_slash_on_a_file_still_finds_it(site: Path) -> None:
    assert resolve(site, "index.html/") == (site / "index.html").resolve()


def test_absolute_paths_stay_inside_the_site(site: Path) -> None:
    secret = site.parent / "secret.txt"
    assert resolve(site, str(secret)) is None
    assert resolve(site, "/" + str(secret)) is None  # `//…` is an absolute POSIX path
    assert resolve(site, "/etc/passwd") is None


def test_site_reached_through_a_symlink(site: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(site)  # a symlink to the site, beside it: `..` must still be refused
    assert resolve(link, "inner/page.html") == (site / "inner/page.html").resolve()
    assert resolve(link, "../secret.txt") is None


def test_missing_site(tmp_path: Path) -> None:
    assert resolve(tmp_path / "nothing", "") is None
    assert resolve(tmp_path / "nothing", "index.html") is None
