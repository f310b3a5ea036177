"""Stories for the dropdown menu component."""

from storyville import Story, Subject

from examples.huge.navigation.dropdown_menu.dropdown_menu import DropdownMenu


def this_subject() -> Subject:
    """The dropdown menu and its stories."""
    return Subject(
        title="Dropdown menu",
        description="A disclosure menu of actions, built on details and summary.",
        target=DropdownMenu,
        items=[
            Story(title="Closed"),
            Story(title="Open", props={"expanded": True}),
            Story(
                title="Sort order",
                props={
                    "label": "Sort by",
                    "items": ("Newest", "Oldest", "Most popular"),
                    "danger_item": None,
                    "expanded": True,
                },
            ),
        ],
    )
