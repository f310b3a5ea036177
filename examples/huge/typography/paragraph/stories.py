"""Stories for the paragraph component."""

from storyville import Story, Subject

from examples.huge.typography.paragraph.paragraph import Paragraph


def this_subject() -> Subject:
    """The paragraph and its stories."""
    return Subject(
        title="Paragraph",
        description="Body text, with lead and muted variants.",
        target=Paragraph,
        items=[
            Story(title="Body text"),
            Story(
                title="Lead",
                props={"text": "Storyville shows every component in every state.", "lead": True},
            ),
            Story(
                title="Muted and centred",
                props={"text": "Last updated 2 hours ago", "muted": True, "align": "center"},
            ),
        ],
    )
