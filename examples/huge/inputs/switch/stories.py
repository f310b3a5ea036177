"""Stories for the switch component."""

from storyville import Story, Subject

from examples.huge.inputs.switch.switch import Switch


def this_subject() -> Subject:
    """The switch and its stories."""
    return Subject(
        title="Switch",
        description="An on/off toggle built on a button with role=switch.",
        target=Switch,
        items=[
            Story(title="Off"),
            Story(title="On", props={"label": "Email notifications", "on": True}),
            Story(
                title="Disabled, custom wording",
                description="Locked by the workspace administrator.",
                props={
                    "label": "Beta features",
                    "on_text": "Enabled",
                    "off_text": "Disabled",
                    "disabled": True,
                },
            ),
        ],
    )
