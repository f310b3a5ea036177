"""Stories for the prose component."""

from storyville import Story, Subject

from examples.huge.typography.prose.prose import Prose


def this_subject() -> Subject:
    """The prose and its stories."""
    return Subject(
        title="Prose",
        description="An article: title, optional byline and paragraphs of running text.",
        target=Prose,
        items=[
            Story(title="Essay"),
            Story(title="With a byline", props={"byline": "William Zinsser"}),
            Story(
                title="Lorem ipsum",
                props={
                    "title": "Lorem ipsum",
                    "paragraphs": (
                        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                        "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
                        "Ut enim ad minim veniam, quis nostrud exercitation.",
                    ),
                },
            ),
        ],
    )
