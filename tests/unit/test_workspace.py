"""Which catalog an editor's workspace holds: found by walking it, or named by `package`."""

from pathlib import Path

import pytest
from storyville.lsp.workspace import FoundCatalog, NoCatalog, find_catalogs, locate_catalog

CATALOG = "from storyville import Catalog\n\ndef this_catalog() -> Catalog:\n    return Catalog()\n"
ANNOTATED = "import storyville\n\ndef make() -> 'storyville.Catalog':\n    ...\n"
SECTION = "from storyville import Section\n\ndef this_section() -> Section:\n    ...\n"

# Each workspace: relative path -> text ("" for __init__.py and markers like pyvenv.cfg).
WORKSPACES: dict[str, dict[str, str]] = {
    "simple": {"shop/__init__.py": "", "shop/stories.py": CATALOG},
    "src layout": {"src/shop/__init__.py": "", "src/shop/stories.py": CATALOG},
    "in a package": {
        "app/__init__.py": "",
        "app/ui/__init__.py": "",
        "app/ui/stories.py": CATALOG,
    },
    "annotated factory": {"lab/__init__.py": "", "lab/stories.py": ANNOTATED},
    "namespace": {"ns/shop/stories.py": CATALOG},
    "section only": {"shop/__init__.py": "", "shop/stories.py": SECTION},
    "catalog below a catalog": {
        "shop/__init__.py": "",
        "shop/stories.py": CATALOG,
        "shop/inner/__init__.py": "",
        "shop/inner/stories.py": CATALOG,
    },
    "two catalogs": {
        "zeta/__init__.py": "",
        "zeta/stories.py": CATALOG,
        "alpha/__init__.py": "",
        "alpha/deep/__init__.py": "",
        "alpha/deep/stories.py": CATALOG,
        "beta/__init__.py": "",
        "beta/stories.py": CATALOG,
    },
    "skipped directories": {
        "node_modules/pkg/__init__.py": "",
        "node_modules/pkg/stories.py": CATALOG,
        ".venv/lib/site/__init__.py": "",
        ".venv/lib/site/stories.py": CATALOG,
        "env/pyvenv.cfg": "",  # a virtual environment under any name
        "env/lib/shop/__init__.py": "",
        "env/lib/shop/stories.py": CATALOG,
        "build/shop/__init__.py": "",
        "build/shop/stories.py": CATALOG,
        "dist/shop/__init__.py": "",
        "dist/shop/stories.py": CATALOG,
        "__pycache__/stories.py": CATALOG,
        "real/__init__.py": "",
        "real/stories.py": CATALOG,
    },
    "depth 6": {"a/b/c/d/e/shop/__init__.py": "", "a/b/c/d/e/shop/stories.py": CATALOG},
    "depth 7": {"a/b/c/d/e/f/shop/__init__.py": "", "a/b/c/d/e/f/shop/stories.py": CATALOG},
    "empty": {"README.md": "# nothing here\n"},
    "package without stories.py": {"shop/__init__.py": ""},
    "catalog with a section": {
        "shop/__init__.py": "",
        "shop/stories.py": CATALOG,
        "shop/widgets/__init__.py": "",
        "shop/widgets/stories.py": SECTION,
    },
    "hidden workspace": {".hidden/ws/shop/__init__.py": "", ".hidden/ws/shop/stories.py": CATALOG},
    "odd namespace": {"my-project/shop/stories.py": CATALOG},
}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every workspace, written once: finding and locating only read them."""
    base = tmp_path_factory.mktemp("workspaces")
    for name, files in WORKSPACES.items():
        for relative, text in files.items():
            path = base / name / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    return base


@pytest.mark.parametrize(
    ("workspace", "expected"),
    [
        ("simple", [("shop", "")]),
        ("src layout", [("shop", "src")]),
        ("in a package", [("app.ui", "")]),
        ("annotated factory", [("lab", "")]),
        ("namespace", [("ns.shop", "")]),  # named from the workspace folder
        ("section only", []),
        ("catalog below a catalog", [("shop", "")]),
        ("two catalogs", [("beta", ""), ("zeta", ""), ("alpha.deep", "")]),  # shallowest first
        ("skipped directories", [("real", "")]),
        ("depth 6", [("shop", "a/b/c/d/e")]),
        ("depth 7", []),  # too deep to look
        ("empty", []),
        ("package without stories.py", []),
        ("catalog with a section", [("shop", "")]),
    ],
)
def test_find_catalogs(root: Path, workspace: str, expected: list[tuple[str, str]]) -> None:
    folder = root / workspace
    assert find_catalogs([folder]) == [FoundCatalog(p, folder / where) for p, where in expected]


def test_find_catalogs_in_a_workspace_under_a_hidden_directory(root: Path) -> None:
    folder = root / "hidden workspace/.hidden/ws"
    assert find_catalogs([folder]) == [FoundCatalog("shop", folder)]


def test_find_catalogs_in_several_folders(root: Path) -> None:
    found = find_catalogs([root / "simple", root / "in a package", root / "empty"])
    assert found == [
        FoundCatalog("shop", root / "simple"),
        FoundCatalog("app.ui", root / "in a package"),
    ]


def test_find_catalogs_in_a_missing_folder(root: Path) -> None:
    assert find_catalogs([root / "no such folder"]) == []


def test_namespace_names_are_importable(root: Path) -> None:
    found = find_catalogs([root / "odd namespace"])
    assert all(part.isidentifier() for c in found for part in c.package.split("."))


# --- locate_catalog ------------------------------------------------------------------------


def test_locate_the_only_catalog(root: Path) -> None:
    located = locate_catalog([root / "src layout"], None)
    assert (located.package, located.search_path, located.note) == (
        "shop",
        (str(root / "src layout/src"),),
        None,
    )


def test_locate_chooses_the_shallowest_and_says_so(root: Path) -> None:
    located = locate_catalog([root / "two catalogs"], None)
    assert located.package == "beta"
    assert located.note == (
        "found 3 catalogs (beta, zeta, alpha.deep); using beta: set `package` to choose another"
    )


def test_locate_from_a_folder_inside_the_package(root: Path) -> None:
    """An editor opened on a subdirectory of the catalog package."""
    located = locate_catalog([root / "catalog with a section/shop/widgets"], None)
    assert (located.package, located.search_path) == (
        "shop",
        (str(root / "catalog with a section"),),
    )


@pytest.mark.parametrize("workspace", ["empty", "section only", "depth 7"])
def test_locate_without_a_catalog(root: Path, workspace: str) -> None:
    with pytest.raises(NoCatalog, match="no catalog in this workspace") as caught:
        locate_catalog([root / workspace], None)
    assert caught.value.error is False  # nothing to do, not a mistake


@pytest.mark.parametrize(
    ("workspace", "package", "search"),
    [
        ("simple", "shop", ""),
        ("in a package", "app.ui", ""),
        ("catalog with a section", "shop", ""),
        ("catalog with a section/shop/widgets", "shop", "../.."),  # found above the folder
        ("namespace", "ns.shop", ""),
        ("depth 7", "a.b.c.d.e.f.shop", ""),  # named, depth does not matter
        ("section only", "shop", ""),  # named: trusted even without this_catalog()
    ],
)
def test_locate_a_named_package(root: Path, workspace: str, package: str, search: str) -> None:
    located = locate_catalog([root / workspace], package)
    assert located.package == package
    assert located.search_path == (str((root / workspace / search).resolve()),)
    assert located.note is None


def test_locate_a_named_package_in_a_src_layout(root: Path) -> None:
    assert find_catalogs([root / "src layout"])[0].package == "shop"
    located = locate_catalog([root / "src layout"], "shop")
    assert located.search_path == (str((root / "src layout/src").resolve()),)


@pytest.mark.parametrize(
    ("workspace", "package", "message"),
    [
        ("simple", "nothere", "no package 'nothere' found"),
        ("simple", "shop.nothere", "no package 'shop.nothere' found"),
        ("package without stories.py", "shop", "'shop' is not a catalog"),
        ("simple", "not-a-name", "'not-a-name' is not a dotted Python package name"),
        ("simple", "shop..x", "is not a dotted Python package name"),
    ],
)
def test_locate_a_named_package_that_is_not_there(
    root: Path, workspace: str, package: str, message: str
) -> None:
    with pytest.raises(NoCatalog, match=message) as caught:
        locate_catalog([root / workspace], package)
    assert caught.value.error is True  # the user asked for it: an error
