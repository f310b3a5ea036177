"""Stories for the stepper component."""

from storyville import Story, Subject

from examples.huge.navigation.stepper.stepper import Stepper


def this_subject() -> Subject:
    """The stepper and its stories."""
    return Subject(
        title="Stepper",
        description="Numbered steps of a wizard, with finished steps ticked off.",
        target=Stepper,
        items=[
            Story(title="Just started"),
            Story(title="Halfway", props={"current": 1}),
            Story(
                title="Onboarding",
                props={
                    "steps": ("Welcome", "Connect repo", "Invite team", "Deploy", "Celebrate"),
                    "current": 3,
                },
            ),
        ],
    )
