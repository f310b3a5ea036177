"""Component `static/` folders: copied into the site, linked with `static_url()`, and a
change to one reloads the pages that use it."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

from tests.helpers import CatalogDir, new_catalog, run_cli
from tests.serving import ReloadClient, ServeProcess
from tests.test_pytest_plugin import run_pytest

CSS = "button { color: rebeccapurple; }\n"

FILES = {
    "stories.py": """
        from tdom import html
        from storyville import Catalog, static_url


        def themed_layout(story_title=None, children=None):
            return html(t'''<html><head><link rel="stylesheet" href={static_url("static/site.css")}></head>
        <body>{children}</body></html>''')


        def this_catalog() -> Catalog:
            return Catalog(title="Shop", themed_layout=themed_layout)
    """,
    "static/site.css": "body { margin: 0; }\n",
    "forms/stories.py": """
        from storyville import Section

        def this_section() -> Section:
            return Section(title="Forms")
    """,
    "forms/button/button.py": """
        from pathlib import Path

        from tdom import html
        from storyville import static_url

        HERE = Path(__file__).parent


        def Button(label: str = "OK"):
            css = static_url(HERE / "static" / "button.css")
            icon = static_url("forms/button/static/img/icon one.svg")
            return html(t'<link rel="stylesheet" href={css}><button><img src={icon} alt="">{label}</button>')
    """,
    "forms/button/static/button.css": CSS,
    "forms/button/static/img/icon one.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n",
    "forms/button/stories.py": """
        from storyville import Story, Subject
        from .button import Button


        def links_its_css(el):
            assert "static/forms/button/static/button.css" in str(el)


        def this_subject() -> Subject:
            return Subject(title="Button", target=Button, items=[Story(props={"label": "Buy"}, assertions=[links_its_css])])
    """,
    "badge/stories.py": """
        from tdom import html
        from storyville import Story, Subject, static_url


        def Badge():
            return html(t'<img src={static_url("badge/static/badge.png")} alt="badge">')


        def this_subject() -> Subject:
            return Subject(title="Badge", target=Badge, items=[Story()])
    """,
    "badge/static/badge.png": "not really a png\n",
    "plain/stories.py": """
        from tdom import html
        from storyville import Story, Subject

        def this_subject() -> Subject:
            return Subject(target=lambda: html(t"<p>no static files</p>"), items=[Story()])
    """,
}


def links(page: str) -> list[str]:
    """Every href/src in a page and in the story markup its canvases carry."""
    markup = page + "".join(html.unescape(m) for m in re.findall(r'srcdoc="([^"]*)"', page))
    return [html.unescape(u) for u in re.findall(r'(?:href|src)="([^"]*static/[^"]*)"', markup)]


def resolves(out: Path, page: str, url: str) -> Path:
    """The file a browser showing `page` of the site fetches for `url`."""
    target = urljoin(f"http://site/{page}", url)
    assert target.startswith("http://site/"), (page, url)
    return out / unquote(target.removeprefix("http://site/"))


def shop(tmp_path: Path) -> CatalogDir:
    catalog = new_catalog(tmp_path, FILES)
    for init in catalog.dir.rglob("static/**/__init__.py"):  # write_tree puts one everywhere
        init.unlink()
    return catalog


def test_build_copies_static_folders_and_static_url_resolves_from_every_page(
    tmp_path: Path,
) -> None:
    catalog = shop(tmp_path)
    out = tmp_path / "site"
    done = run_cli("build", catalog.package, str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "static/forms/button/static/button.css").read_text() == CSS
    assert (out / "static/forms/button/static/img/icon one.svg").is_file()
    assert (out / "static/badge/static/badge.png").is_file()
    assert (out / "static/static/site.css").is_file()  # the catalog's own static/ folder
    assert not list(out.glob("static/**/*.py"))

    expected = {
        "forms/button/0.html": {"button.css", "icon one.svg"},  # the story page
        "forms/button/index.html": {"button.css", "icon one.svg"},  # the subject page
        "forms/button/0.themed.html": {"button.css", "icon one.svg", "site.css"},
        "badge/0.html": {"badge.png"},
        "badge/0.themed.html": {"badge.png", "site.css"},
        "badge/index.html": {"badge.png"},
    }
    for page, names in expected.items():
        text = (out / page).read_text()
        found = {
            u for u in links(text) if "/_storyville/" not in u and not u.endswith(".themed.html")
        }
        assert found, page
        for url in found:
            assert not url.startswith("/"), url  # relative: works behind /proxy/PORT/ too
            assert resolves(out, page, url).is_file(), (page, url)
        assert {Path(unquote(u)).name for u in found} == names, page


def test_static_url_works_in_the_pytest_plugin(tmp_path: Path) -> None:
    catalog = shop(tmp_path)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    done = run_pytest(catalog.package, cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert "PASSED" in done.stdout and "links_its_css" in done.stdout


async def test_serve_copies_an_edited_static_file_and_reloads_its_pages(tmp_path: Path) -> None:
    catalog = shop(tmp_path)
    server = ServeProcess(tmp_path, catalog.package).start()
    try:
        assert server.get("static/forms/button/static/button.css").text == CSS
        mark = server.mark()
        async with ReloadClient(server.url) as client:
            (catalog.dir / "forms/button/static/button.css").write_text("button { color: red; }\n")
            message = await client.reload()
        pages = set(message["pages"])
        assert "static/forms/button/static/button.css" in pages
        assert {"forms/button/0.html", "forms/button/index.html"} <= pages  # they link to it
        assert "badge/0.html" not in pages and "plain/0.html" not in pages
        assert "color: red" in server.get("static/forms/button/static/button.css").text
        server.wait_for(r"\[static\]", after=mark)  # copied, nothing imported again

        async with ReloadClient(server.url) as client:
            (catalog.dir / "badge/static/new.css").write_text("p {}\n")  # a new file is copied
            message = await client.reload()
        assert "static/badge/static/new.css" in message["pages"]
        assert server.get("static/badge/static/new.css").status_code == 200
    finally:
        server.stop()
