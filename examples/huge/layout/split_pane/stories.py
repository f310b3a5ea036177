"""Stories for the split pane component."""

from storyville import Story, Subject

from examples.huge.layout.split_pane.split_pane import SplitPane


def this_subject() -> Subject:
    """The split pane and its stories."""
    return Subject(
        title="Split pane",
        description="A sidebar and a main area side by side, the sidebar on either side.",
        target=SplitPane,
        items=[
            Story(title="Sidebar on the left"),
            Story(
                title="Sidebar on the right",
                props={
                    "sidebar": "Table of contents",
                    "main": "Article",
                    "sidebar_width": 25,
                    "sidebar_side": "right",
                },
            ),
            Story(
                title="Wide filters",
                props={"sidebar": "Filters", "main": "Results", "sidebar_width": 40},
            ),
        ],
    )
