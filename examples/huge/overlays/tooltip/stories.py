"""Stories for the tooltip component."""

from storyville import Story, Subject

from examples.huge.overlays.tooltip.tooltip import Tooltip


def this_subject() -> Subject:
    """The tooltip and its stories."""
    return Subject(
        title="Tooltip",
        description="A short hint attached to a control with aria-describedby.",
        target=Tooltip,
        items=[
            Story(title="Above"),
            Story(
                title="To the right",
                props={
                    "trigger": "ⓘ",
                    "text": "Your API key is shown only once.",
                    "placement": "right",
                    "tip_id": "api-key-tip",
                },
            ),
            Story(
                title="Below",
                props={
                    "trigger": "Shortcuts",
                    "text": "Press ? to see every shortcut",
                    "placement": "bottom",
                    "tip_id": "shortcuts-tip",
                },
            ),
        ],
    )
