"""Stories for the skip link component."""

from storyville import Story, Subject

from examples.huge.navigation.skip_link.skip_link import SkipLink


def this_subject() -> Subject:
    """The skip link and its stories."""
    return Subject(
        title="Skip link",
        description="A link for keyboard users to jump past the navigation.",
        target=SkipLink,
        items=[
            Story(title="To the main content"),
            Story(title="To the search", props={"target": "search", "text": "Skip to search"}),
            Story(
                title="Always visible",
                description="Normally the link only appears when it receives focus.",
                props={"text": "Jump to content", "visible": True},
            ),
        ],
    )
