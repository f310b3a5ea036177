"""Stories for the context menu component."""

from storyville import Story, Subject

from examples.huge.overlays.context_menu.context_menu import ContextMenu


def disables_paste(el: object) -> None:
    """Paste is disabled when the clipboard is empty."""
    markup = str(el)
    assert 'aria-disabled="true">Paste' in markup, "Paste should be disabled"


def separates_delete(el: object) -> None:
    """A separator keeps Delete apart from the rest."""
    markup = str(el)
    assert 'role="separator"' in markup, "expected a separator"


def this_subject() -> Subject:
    """The context menu and its stories."""
    return Subject(
        title="Context menu",
        description="A right-click menu with shortcuts, separators and disabled items.",
        target=ContextMenu,
        items=[
            Story(title="Clipboard"),
            Story(
                title="Nothing to paste",
                props={"disabled": ("Paste",)},
                assertions=[disables_paste],
            ),
            Story(
                title="File actions",
                props={
                    "items": (("Open", "Enter"), ("Rename", "F2"), ("-", ""), ("Delete", "Del")),
                    "x": 300,
                    "y": 200,
                },
                assertions=[separates_delete],
            ),
        ],
    )
