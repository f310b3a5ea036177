"""Stories for the heading component."""

from storyville import Story, Subject

from examples.huge.typography.heading.heading import Heading


def this_subject() -> Subject:
    """The heading and its stories."""
    return Subject(
        title="Heading",
        description="A heading at a chosen level, with an optional eyebrow and anchor link.",
        target=Heading,
        items=[
            Story(title="Level two"),
            Story(
                title="Page title",
                props={"text": "Release notes", "level": 1, "eyebrow": "Changelog"},
            ),
            Story(
                title="With an anchor",
                description="Hovering shows a # link to copy the section's address.",
                props={"text": "Configuration", "level": 3, "anchor": "configuration"},
            ),
        ],
    )
