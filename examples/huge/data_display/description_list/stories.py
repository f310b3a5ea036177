"""Stories for the description list component."""

from storyville import Story, Subject

from examples.huge.data_display.description_list.description_list import DescriptionList


def this_subject() -> Subject:
    """The description list and its stories."""
    return Subject(
        title="Description list",
        description="Term and value pairs, side by side or stacked.",
        target=DescriptionList,
        items=[
            Story(title="Subscription"),
            Story(
                title="Server details",
                props={
                    "items": (
                        ("Hostname", "web-01.eu"),
                        ("IP address", "10.0.4.17"),
                        ("OS", "Debian 13"),
                        ("Uptime", "41 days"),
                    ),
                    "horizontal": False,
                },
            ),
            Story(title="A single pair", props={"items": (("Author", "Mary Shelley"),)}),
        ],
    )
