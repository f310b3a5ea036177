"""Where a catalog imports from, with and without `__init__.py` files."""

from __future__ import annotations

from pathlib import Path

from storyville.catalog.discovery import catalog_import_root

CATALOG = "from storyville import Catalog\n\ndef this_catalog() -> Catalog: ...\n"


def tree(root: Path, *files: str) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CATALOG if name.endswith("shop/stories.py") else "")


def test_regular_packages_follow_their_init_files(tmp_path: Path) -> None:
    tree(tmp_path, "shop/__init__.py", "shop/stories.py", "shop/a/__init__.py", "shop/a/stories.py")
    assert catalog_import_root(tmp_path / "shop/a", tmp_path.parent) == (tmp_path, "shop.a")


def test_a_namespace_catalog_is_named_from_the_base(tmp_path: Path) -> None:
    tree(tmp_path, "projects/shop/stories.py", "projects/shop/a/b/stories.py")
    here = tmp_path / "projects/shop/a/b"
    assert catalog_import_root(here, tmp_path) == (tmp_path, "projects.shop.a.b")


def test_outside_the_base_or_without_one_it_is_named_from_its_own_directory(
    tmp_path: Path,
) -> None:
    tree(tmp_path, "projects/shop/stories.py", "projects/shop/a/stories.py")
    here = tmp_path / "projects/shop/a"
    assert catalog_import_root(here) == (tmp_path / "projects", "shop.a")
    assert catalog_import_root(here, tmp_path / "elsewhere") == (tmp_path / "projects", "shop.a")
    assert catalog_import_root(here, tmp_path / "projects/shop") == (
        tmp_path / "projects",
        "shop.a",
    )


def test_a_base_path_that_is_no_dotted_name_is_not_used(tmp_path: Path) -> None:
    tree(tmp_path, "my-projects/shop/stories.py")
    here = tmp_path / "my-projects/shop"
    assert catalog_import_root(here, tmp_path) == (tmp_path / "my-projects", "shop")


def test_no_catalog_above_is_no_package(tmp_path: Path) -> None:
    tree(tmp_path, "loose/stories.py")
    assert catalog_import_root(tmp_path / "loose")[1] == ""
