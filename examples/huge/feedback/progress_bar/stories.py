"""Stories for the progress bar component."""

from storyville import Story, Subject

from examples.huge.feedback.progress_bar.progress_bar import ProgressBar


def shows_the_percentage(el: object) -> None:
    """The percentage is written out."""
    markup = str(el)
    assert "40%</span>" in markup, "expected 40% next to the bar"


def this_subject() -> Subject:
    """The progress bar and its stories."""
    return Subject(
        title="Progress bar",
        description="A labelled progress bar with an optional percentage.",
        target=ProgressBar,
        items=[
            Story(title="Uploading", assertions=[shows_the_percentage]),
            Story(title="Almost done", props={"value": 97, "label": "Installing dependencies"}),
            Story(
                title="Steps, no percentage",
                props={"value": 3, "maximum": 8, "label": "Step 3 of 8", "show_percent": False},
            ),
        ],
    )
