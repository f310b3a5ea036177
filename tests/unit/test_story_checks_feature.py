"""storyville.lsp.story_checks_feature: what is published as a document is edited."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace import Workspace
from storyville.lsp.diagnostic_sets import DiagnosticSets
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.story_checks_feature import StoryChecks

STORIES = """\
from storyville import Story, Subject


def Button(label: str = ""):
    return label


def this_subject() -> Subject:
    return Subject(target=Button, items=[Story(props={"lable": "Buy"})])
"""


def test_findings_stay_while_the_text_does_not_parse_and_go_on_close(tmp_path: Path) -> None:
    path = tmp_path / "shop/stories.py"
    path.parent.mkdir()
    path.write_text(STORIES)
    uri = from_fs_path(str(path)) or ""
    workspace = Workspace(from_fs_path(str(tmp_path)))
    sent: list[list[str]] = []
    checks = StoryChecks(
        SourceIndex(lambda: workspace, lambda: [tmp_path]),
        DiagnosticSets(lambda _, found: sent.append([str(d.code) for d in found])),
    )

    def edit(text: str, version: int) -> None:
        workspace.put_text_document(types.TextDocumentItem(uri, "python", version, text))
        checks.refresh(uri)

    edit(STORIES, 1)
    edit(STORIES.replace("items=[", "items=[("), 2)  # being typed: does not parse
    assert sent == [["unknown-prop"]]
    everywhere = types.Range(types.Position(0, 0), types.Position(99, 0))
    assert checks.code_actions(uri, everywhere) == []  # no edit against text it cannot read
    edit(STORIES, 3)
    (action,) = checks.code_actions(uri, everywhere)
    assert action.title == "Change to `label`"
    assert checks.code_actions(uri, types.Range(types.Position(0, 0), types.Position(0, 4))) == []
    checks.closed(uri)
    assert sent == [["unknown-prop"], []]
