"""storyville.site.reports: what a publish tells the editor, proportional to what it rebuilt."""

from __future__ import annotations

from storyville.catalog.source import SourceRef
from storyville.collect.snapshot import AssertionOutcome, NodeData, NodeKind, Snapshot, StoryData
from storyville.results import PageReport
from storyville.site.reports import HTML_LIMIT, page_reports, reports_update


def subject(path: str, *htmls: str, failing: bool = False) -> NodeData:
    stories = tuple(
        StoryData(
            i,
            f"S{i}",
            html,
            assertions=(AssertionOutcome("check", not failing, "no\nmore lines"),),
            source=SourceRef(f"/cat/{path}/stories.py", 10 + i),
        )
        for i, html in enumerate(htmls)
    )
    return NodeData(
        path,
        NodeKind.SUBJECT,
        path.title(),
        f"cat.{path}",
        f"/cat/{path}/stories.py",
        stories=stories,
    )


def test_reports_name_pages_lines_and_outcomes() -> None:
    snapshot = Snapshot(
        "cat", {"a": subject("a", "<b>x</b>", "y" * (HTML_LIMIT + 50), failing=True)}
    )
    page, first, second = page_reports(snapshot)
    assert (page.page, page.index, page.stories, page.line) == ("a/index.html", None, 2, None)
    assert [a.passed for a in page.assertions] == [False, False]
    assert (first.title, first.page, first.line, first.html) == (
        "A › S0",
        "a/0.html",
        10,
        "<b>x</b>",
    )
    assert first.assertions[0].message == "no"  # the first line
    assert second.html.endswith("…") and len(second.html) == HTML_LIMIT + 1


def test_an_update_carries_only_the_nodes_a_publish_rebuilt() -> None:
    sent: dict[str, NodeData] = {}
    a, b = subject("a", "<i>1</i>"), subject("b", "<i>2</i>")
    first = reports_update(Snapshot("cat", {"a": a, "b": b}), sent)
    assert first.full and set(first.nodes) == {"a", "b"}

    newer = subject("a", "<i>changed</i>")
    second = reports_update(Snapshot("cat", {"a": newer, "b": b}), sent)
    assert not second.full and set(second.nodes) == {"a"} and second.gone == ()

    third = reports_update(Snapshot("cat", {"a": newer}), sent)
    assert third.nodes == {} and third.gone == ("b",)

    known: dict[str, tuple[PageReport, ...]] = {}
    for update in (first, second, third):
        update.apply(known)
    assert list(known) == ["a"] and known["a"][1].html == "<i>changed</i>"
