"""The feedback section."""

from storyville import Section


def this_section() -> Section:
    """Feedback: 10 components."""
    return Section(
        title="Feedback",
        description="Telling people what happened and what is happening.",
    )
