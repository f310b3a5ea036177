"""storyville.site.writer: a save rewrites what changed, and what a person deleted."""

from __future__ import annotations

import shutil
from pathlib import Path

from storyville.site.writer import SiteWriter


def site(pages: int) -> dict[str, bytes]:
    files = {"index.html": b"<p>top</p>"}
    for n in range(pages):
        files[f"s{n % 3}/sub{n}/0.html"] = f"<p>{n}</p>".encode()
    return files


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
