"""The catalog UI's assets are named by a hash of their bytes and served immutable (issue 12
item 1): pages link the hashed names (relative: file:// and any static server work), a
rebuild keeps them, an older site's plain names are removed, and the preview's headers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from storyville.preview.app import HASHED_ASSET
from storyville.site.ui.assets import FILES, HASHED, hashed_name, ui_assets

from tests.helpers import SIMPLE, new_catalog, run_cli
from tests.serving import ServeProcess

IMMUTABLE = "public, max-age=31536000, immutable"


def head_links(page: str) -> list[str]:
    head = page[: page.index("</head>")]
    return re.findall(r'(?:href|src)="([^"]*_storyville/[^"]*)"', head)


def test_hashed_names() -> None:
    assert hashed_name("pico.min.css", b"x") == "pico.min.2d711642b7.css"
    assert hashed_name("nav.js", b"x") != hashed_name("nav.js", b"y")
    for name, (path, data) in ui_assets().items():
        assert path == f"_storyville/{hashed_name(name, data)}"
        assert HASHED.fullmatch(path.rpartition("/")[2])
        assert HASHED_ASSET.fullmatch(path)  # the preview knows them for what they are
    assert not HASHED_ASSET.fullmatch("_storyville/catalog.js")


def test_a_build_links_hashed_names_and_a_rebuild_keeps_them(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    out = tmp_path / "site"
    done = run_cli("build", catalog.package, str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = "widgets/button/1.html"
    links = head_links((out / page).read_text())
    hashed = {urljoin(f"http://site/{page}", u).removeprefix("http://site/") for u in links}
    assert hashed == {path for path, _ in ui_assets().values()} | {"_storyville/catalog.js"}
    for url in links:
        assert url.startswith("../../_storyville/"), url  # relative to the page
    for path in hashed:
        assert (out / path).is_file(), path
    assert not any((out / "_storyville" / name).exists() for name in FILES)

    # A site an older storyville wrote, with the plain names: they go, the hashed ones stay.
    manifest = out / ".storyville-site.json"
    known = json.loads(manifest.read_text())
    (out / "_storyville/pico.min.css").write_text("old")
    known["files"]["_storyville/pico.min.css"] = "0"
    manifest.write_text(json.dumps(known))
    before = {p.name: p.stat().st_mtime_ns for p in (out / "_storyville").iterdir()}
    done = run_cli("build", catalog.package, str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert head_links((out / page).read_text()) == links
    after = {p.name: p.stat().st_mtime_ns for p in (out / "_storyville").iterdir()}
    assert "pico.min.css" not in after
    assert after == {k: v for k, v in before.items() if k != "pico.min.css"}  # not rewritten


def test_the_preview_serves_hashed_assets_immutable_and_pages_uncached(tmp_path: Path) -> None:
    catalog = new_catalog(tmp_path, SIMPLE)
    server = ServeProcess(tmp_path, catalog.package).start()
    try:
        page = server.get("widgets/button/1.html")
        assert page.status_code == 200
        assert page.headers["cache-control"] in ("no-store", "no-cache")
        links = head_links(page.text) + re.findall(r'src="([^"]*live[^"]*)"', page.text)
        assert len(links) == len(FILES) + 2  # the UI's assets, catalog.js and live.js
        for url in links:
            response = server.get(urljoin("widgets/button/1.html", url))
            assert response.status_code == 200, url
            assert response.headers["cache-control"] == IMMUTABLE, url
        catalog_link = next(u for u in links if "catalog.js" in u)
        assert re.search(r"catalog\.js\?v=[0-9a-f]{10}$", catalog_link)
        # The same name at a version that is not the current one, or without one: revalidated.
        assert server.get("_storyville/catalog.js?v=0123456789").headers["cache-control"] == (
            "no-cache"
        )
        assert server.get("_storyville/catalog.js").headers["cache-control"] == "no-cache"
        assert server.get("_storyville/live.js").headers["cache-control"] == "no-cache"
    finally:
        server.stop()
