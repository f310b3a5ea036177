"""Stories for the skeleton component."""

from storyville import Story, Subject

from examples.huge.feedback.skeleton.skeleton import Skeleton


def this_subject() -> Subject:
    """The skeleton and its stories."""
    return Subject(
        title="Skeleton",
        description="Grey placeholder shapes shown while content loads.",
        target=Skeleton,
        items=[
            Story(title="Paragraph"),
            Story(title="Profile", props={"lines": 2, "avatar": True}),
            Story(
                title="Static",
                description="For people who prefer reduced motion.",
                props={"lines": 5, "animated": False},
            ),
        ],
    )
