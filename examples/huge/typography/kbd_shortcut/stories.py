"""Stories for the kbd shortcut component."""

from storyville import Story, Subject

from examples.huge.typography.kbd_shortcut.kbd_shortcut import KbdShortcut


def this_subject() -> Subject:
    """The kbd shortcut and its stories."""
    return Subject(
        title="Kbd shortcut",
        description="A keyboard shortcut, with a Mac variant.",
        target=KbdShortcut,
        items=[
            Story(title="Command palette"),
            Story(title="On a Mac", props={"mac": True}),
            Story(title="Three keys", props={"keys": ("Ctrl", "Shift", "P"), "description": None}),
        ],
    )
