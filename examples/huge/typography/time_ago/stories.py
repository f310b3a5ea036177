"""Stories for the time ago component."""

from storyville import Story, Subject

from examples.huge.typography.time_ago.time_ago import TimeAgo


def this_subject() -> Subject:
    """The time ago and its stories."""
    return Subject(
        title="Time ago",
        description="A relative time, with the exact timestamp machine-readable and on hover.",
        target=TimeAgo,
        items=[
            Story(title="Hours ago"),
            Story(
                title="Edited",
                props={"iso": "2025-05-03T18:02:00Z", "relative": "yesterday", "prefix": "Edited"},
            ),
            Story(
                title="Long ago",
                props={"iso": "2019-03-14", "relative": "in March 2019", "prefix": "Joined"},
            ),
        ],
    )
