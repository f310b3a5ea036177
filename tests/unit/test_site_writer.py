"""storyville.site.writer: a save rewrites what changed, and what a person deleted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from storyville.site.writer import MANIFEST, SiteWriter


def site(pages: int) -> dict[str, bytes]:
    files = {"index.html": b"<p>top</p>"}
    for n in range(pages):
        files[f"s{n % 3}/sub{n}/0.html"] = f"<p>{n}</p>".encode()
    return files


def manifest(root: Path) -> dict[str, str]:
    return json.loads((root / MANIFEST).read_text())["files"]


def test_unchanged_files_are_not_written_again(tmp_path: Path) -> None:
    writer = SiteWriter(tmp_path / "out")
    files = site(9)
    assert len(writer.write(files.items()).changed) == 10
    assert writer.write(files.items()).changed == ()
    files["s1/sub4/0.html"] = b"<p>new</p>"
    assert writer.write(files.items()).changed == ("s1/sub4/0.html",)


def test_a_private_site_trusts_what_it_wrote_and_keeps_its_manifest(tmp_path: Path) -> None:
    """storyville's own temporary site (the language server's, `serve` without --output)
    is not looked through for deleted files on every save; the manifest stays current for
    the next writer (a replaced build host)."""
    out = tmp_path / "out"
    writer = SiteWriter(out, private=True)
    files = site(9)
    writer.write(files.items())
    (out / "s2/sub5/0.html").unlink()
    files["index.html"] = b"<p>changed</p>"
    assert writer.write(files.items()).changed == ("index.html",)
    assert not (out / "s2/sub5/0.html").exists()
    assert SiteWriter(out, private=True).write(files.items()).changed == ("s2/sub5/0.html",)


def test_files_and_directories_deleted_by_hand_are_written_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    writer = SiteWriter(out)
    files = site(9)
    writer.write(files.items())
    (out / "s2/sub5/0.html").unlink()
    shutil.rmtree(out / "s0")
    (out / "index.html").unlink()
    again = writer.write(files.items()).changed
    assert again == (
        "index.html",
        "s0/sub0/0.html",
        "s0/sub3/0.html",
        "s0/sub6/0.html",
        "s2/sub5/0.html",
    )
    assert all((out / name).is_file() for name in files)
    assert writer.write(files.items()).changed == ()


def test_told_what_changed_a_private_site_writes_the_same_as_comparing_everything(
    tmp_path: Path,
) -> None:
    """`write_changes` hashes only the names the renderer says are new or gone; through
    edits, additions and removals it writes, removes and reports what `write` would."""
    told = SiteWriter(tmp_path / "told", private=True)
    compared = SiteWriter(tmp_path / "compared", private=True)
    files = site(9)
    steps: list[tuple[dict[str, bytes], list[str], set[str]]] = [(dict(files), list(files), set())]
    edited = dict(files) | {"s1/sub4/0.html": b"<p>edited</p>", "s0/sub9/0.html": b"<p>new</p>"}
    steps.append((edited, ["s1/sub4/0.html", "s0/sub9/0.html"], set()))
    removed = {n: d for n, d in edited.items() if n != "s2/sub5/0.html"}
    steps.append((removed, [], {"s2/sub5/0.html"}))
    same_bytes = dict(removed) | {"index.html": bytes(removed["index.html"])}  # a new object
    steps.append((same_bytes, ["index.html"], set()))
    for step, fresh, gone in steps:
        a = told.write_changes(step, fresh, gone)
        b = compared.write(step.items())
        assert (a.pages, a.changed) == (b.pages, b.changed)
        on_disk = {
            p.relative_to(told.root).as_posix(): p.read_bytes() for p in told.root.rglob("*.html")
        }
        assert on_disk == step
        assert manifest(told.root) == manifest(compared.root)  # kept as entries, not dumped
    assert not (told.root / "s2/sub5").exists()  # its emptied directory went too
    # A new writer (a replaced build host) finds the manifest current.
    assert SiteWriter(told.root, private=True).write(same_bytes.items()).changed == ()
