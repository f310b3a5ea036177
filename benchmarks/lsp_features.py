"""The source-reading editor features on examples/huge, in-process (no server, no client).

Each request is timed on the modules the server uses: document symbols, completion,
definition, the static story checks (what didOpen/didChange run, diagnostics included), a
quick fix, and the code lenses and hover (from the page reports of one real build of the
catalog, done first) on every subject's stories.py, with the text edited before each
request (so each one parses afresh, as while typing), and workspace symbols over the whole
catalog. Target: p95 ≤ 20 ms.
Usage: python -m benchmarks.lsp_features [-n 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace import Workspace
from storyville.collect.collector import BuildJob, collect
from storyville.lsp.code_lens import code_lenses
from storyville.lsp.completion import complete
from storyville.lsp.definition import definition
from storyville.lsp.diagnostic_sets import DiagnosticSets
from storyville.lsp.hover import hover
from storyville.lsp.source_index import SourceIndex
from storyville.lsp.story_checks_feature import StoryChecks
from storyville.lsp.symbols import document_symbols, workspace_symbols
from storyville.site.reports import page_reports

from benchmarks.stats import median, p95, table

REPO = Path(__file__).resolve().parent.parent
HUGE = REPO / "examples/huge"
QUERIES = ("button", "frm err", "Overlays › Modal", "zzz", "")


def _open(workspace: Workspace, path: Path, text: str, version: int) -> str:
    uri = from_fs_path(str(path)) or ""
    workspace.put_text_document(
        types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)
    )
    return uri


def _cursor(text: str, needle: str) -> types.Position:
    end = text.index(needle) + len(needle)
    line = text.count("\n", 0, end)
    return types.Position(line, end - (text.rfind("\n", 0, end) + 1))


def _time(samples: list[float], call: Callable[..., object], *args: object) -> object:
    start = time.perf_counter()
    result = call(*args)
    samples.append((time.perf_counter() - start) * 1000)
    return result


def _stats(samples: list[float]) -> tuple[int, float, float, float]:
    return len(samples), median(samples), p95(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=3, help="rounds over every file")
    rounds = parser.parse_args().n
    workspace = Workspace(from_fs_path(str(REPO)))
    index = SourceIndex(lambda: workspace, lambda: [REPO], lambda: HUGE)
    files = [p for p in sorted(HUGE.rglob("stories.py")) if '"label"' in p.read_text("utf-8")]
    published: dict[str, int] = {}
    checks = StoryChecks(
        index, DiagnosticSets(lambda uri, found: published.update({uri: len(found)}))
    )
    built = collect(BuildJob("examples.huge", (str(REPO),), (str(REPO),)))
    reports = page_reports(built.snapshot)
    url = "http://127.0.0.1:8080/"
    names = (
        "documentSymbol",
        "completion",
        "definition",
        "static checks",
        "codeAction",
        "codeLens",
        "hover",
    )
    times: dict[str, list[float]] = {k: [] for k in (*names, "workspace/symbol")}
    cold: list[float] = []
    walked: list[float] = []
    _time(cold, workspace_symbols, index, "button")
    answered = fixes = lenses = hovers = 0
    for round_ in range(rounds):
        for number, path in enumerate(files):
            # An edit before each request: the parse cache cannot answer from the last one.
            text = path.read_text("utf-8") + f"\n# edit {round_}.{number}\n"
            uri = _open(workspace, path, text, round_ * 1000 + number)
            _time(times["documentSymbol"], document_symbols, index, uri)
            typing = text.replace('"label"', '"l', 1)
            uri = _open(workspace, path, typing, round_ * 1000 + number + 1)
            items = _time(times["completion"], complete, index, uri, _cursor(typing, '"l'))
            answered += bool(items)
            uri = _open(workspace, path, text, round_ * 1000 + number + 2)
            _time(times["definition"], definition, index, uri, _cursor(text, '"la'))
            typo = text.replace('"label"', '"lable"', 1)
            uri = _open(workspace, path, typo, round_ * 1000 + number + 3)
            _time(times["static checks"], checks.refresh, uri)
            at = _cursor(typo, '"lable')
            actions = _time(times["codeAction"], checks.code_actions, uri, types.Range(at, at))
            fixes += bool(actions)
            uri = _open(workspace, path, text, round_ * 1000 + number + 4)
            lenses += bool(_time(times["codeLens"], code_lenses, index, uri, reports))
            story = _cursor(text, "Story(")
            on_story = types.Position(story.line, story.character - 3)
            shown = _time(times["hover"], hover, index, uri, on_story, reports, url)
            hovers += shown is not None
        for query in QUERIES:
            _time(times["workspace/symbol"], workspace_symbols, index, query)
            index.forget_walk()  # as when the walk has expired
            _time(walked, workspace_symbols, index, query)
    rows = [(name, *_stats(v)) for name, v in times.items()]
    rows.append(("workspace/symbol, walking the catalog again", *_stats(walked)))
    rows.append(("workspace/symbol, first (cold cache)", 1, cold[0], cold[0], cold[0]))
    print(f"examples/huge: {len(files)} stories.py files with a label prop, {rounds} rounds")
    print(f"completions answered: {answered} of {len(times['completion'])}")
    print(f"typos found: {sum(published.values())}, fixes offered: {fixes}")
    print(f"files with code lenses: {lenses}, hovers answered: {hovers}")
    print(table(("request", "n", "median ms", "p95 ms", "max ms"), rows))


if __name__ == "__main__":
    main()
