"""The forms section."""

from storyville import Section


def this_section() -> Section:
    """Forms: 10 components."""
    return Section(
        title="Forms",
        description="Buttons and whole forms: signing in, signing up, getting in touch.",
    )
