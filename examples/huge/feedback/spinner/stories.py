"""Stories for the spinner component."""

from storyville import Story, Subject

from examples.huge.feedback.spinner.spinner import Spinner


def this_subject() -> Subject:
    """The spinner and its stories."""
    return Subject(
        title="Spinner",
        description="An animated loading indicator with a hidden text label.",
        target=Spinner,
        items=[
            Story(title="Default"),
            Story(title="Small, inline", props={"label": "Saving", "size": "sm", "inline": True}),
            Story(title="Large", props={"label": "Preparing your report", "size": "lg"}),
        ],
    )
