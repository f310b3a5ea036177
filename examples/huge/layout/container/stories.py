"""Stories for the container component."""

from storyville import Story, Subject

from examples.huge.layout.container.container import Container


def this_subject() -> Subject:
    """The container and its stories."""
    return Subject(
        title="Container",
        description="Centres content and caps its width for comfortable reading.",
        target=Container,
        items=[
            Story(title="Default"),
            Story(
                title="Narrow measure",
                props={
                    "max_width": "40rem",
                    "content": "A comfortable measure for long-form reading.",
                },
            ),
            Story(
                title="Full bleed",
                props={
                    "max_width": "none",
                    "padding": "0",
                    "centered": False,
                    "content": "Edge to edge.",
                },
            ),
        ],
    )
