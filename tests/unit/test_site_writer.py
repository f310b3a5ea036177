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
