"""Stories for the tabs component."""

from storyville import Story, Subject

from examples.huge.navigation.tabs.tabs import Tabs


def selects_one_tab(el: object) -> None:
    """Exactly one tab is selected."""
    markup = str(el)
    assert markup.count('aria-selected="true"') == 1, "expected exactly one selected tab"


def this_subject() -> Subject:
    """The tabs and its stories."""
    return Subject(
        title="Tabs",
        description="A tab list that switches between panels, with roving tabindex.",
        target=Tabs,
        items=[
            Story(title="First tab"),
            Story(
                title="Reviews",
                props={"active": 2, "panel": "4.6 out of 5 from 212 reviews."},
                assertions=[selects_one_tab],
            ),
            Story(
                title="Settings",
                props={
                    "labels": ("Profile", "Security", "Billing", "Notifications"),
                    "active": 1,
                    "panel": "Two-factor authentication is on.",
                },
            ),
        ],
    )
