"""Stories for the avatar component."""

from storyville import Story, Subject

from examples.huge.data_display.avatar.avatar import Avatar
from examples.huge.placeholders import picture


def shows_initials(el: object) -> None:
    """Without a photo, the initials stand in."""
    markup = str(el)
    assert ">AL</span>" in markup, "expected the initials AL"


def is_named(el: object) -> None:
    """The avatar is announced by the person's name."""
    markup = str(el)
    assert 'aria-label="Ada Lovelace"' in markup, "the avatar has no accessible name"


def this_subject() -> Subject:
    """The avatar and its stories."""
    return Subject(
        title="Avatar",
        description="A person's photo, or their initials when there is no photo.",
        target=Avatar,
        items=[
            Story(title="Initials", assertions=[shows_initials, is_named]),
            Story(
                title="Photo",
                props={
                    "name": "Grace Hopper",
                    "image": picture("GH", 128, 128, "#6b4f8c"),
                    "size": 64,
                },
            ),
            Story(
                title="Small, online",
                props={"name": "Alan Turing", "size": 24, "status": "online"},
            ),
        ],
    )
