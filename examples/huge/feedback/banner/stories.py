"""Stories for the banner component."""

from storyville import Story, Subject

from examples.huge.feedback.banner.banner import Banner


def this_subject() -> Subject:
    """The banner and its stories."""
    return Subject(
        title="Banner",
        description="A full-width announcement strip at the top of the page.",
        target=Banner,
        items=[
            Story(title="Policy update"),
            Story(
                title="Maintenance",
                props={
                    "text": "Scheduled maintenance on Sunday, 02:00–04:00 UTC.",
                    "link_text": None,
                    "tone": "warning",
                },
            ),
            Story(
                title="Launch",
                props={
                    "text": "Version 2.0 is here 🎉",
                    "link_text": "See what's new",
                    "href": "/blog/v2",
                    "tone": "brand",
                },
            ),
        ],
    )
