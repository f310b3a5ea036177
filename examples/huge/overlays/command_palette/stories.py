"""Stories for the command palette component."""

from storyville import Story, Subject

from examples.huge.overlays.command_palette.command_palette import CommandPalette


def tracks_the_highlight(el: object) -> None:
    """The input points at the highlighted result."""
    markup = str(el)
    assert 'aria-activedescendant="cmd-0"' in markup, "the highlighted result is not announced"


def says_nothing_matched(el: object) -> None:
    """An empty result list says so."""
    markup = str(el)
    assert "No commands match" in markup, "expected the no-match message"


def this_subject() -> Subject:
    """The command palette and its stories."""
    return Subject(
        title="Command palette",
        description="A search box for commands, with the highlighted result announced.",
        target=CommandPalette,
        items=[
            Story(title="Searching settings", assertions=[tracks_the_highlight]),
            Story(
                title="Second result highlighted",
                props={
                    "query": "git",
                    "results": ("Git: commit", "Git: push", "Git: pull", "Git: stash"),
                    "highlighted": 1,
                },
            ),
            Story(
                title="No matches",
                props={"query": "xyzzy", "results": ()},
                assertions=[says_nothing_matched],
            ),
        ],
    )
