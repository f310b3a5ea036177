"""Stories for the empty state component."""

from storyville import Story, Subject

from examples.huge.feedback.empty_state.empty_state import EmptyState


def this_subject() -> Subject:
    """The empty state and its stories."""
    return Subject(
        title="Empty state",
        description="What to show when there is nothing to show, and what to do next.",
        target=EmptyState,
        items=[
            Story(title="Empty inbox"),
            Story(
                title="First project",
                props={
                    "icon": "🗂",
                    "title": "Create your first project",
                    "body": "Projects keep your files, tasks and people together.",
                    "action": "New project",
                },
            ),
            Story(
                title="No search results",
                props={
                    "icon": "🔍",
                    "title": "No results for “quantum toaster”",
                    "body": "Check the spelling or try a broader term.",
                },
            ),
        ],
    )
