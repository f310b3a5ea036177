"""Stories for the select component."""

from storyville import Story, Subject

from examples.huge.inputs.select.select import Select


def selects_the_plan(el: object) -> None:
    """The chosen option is selected."""
    markup = str(el)
    assert '<option value="Team" selected>' in markup, "the Team option is not selected"


def this_subject() -> Subject:
    """The select and its stories."""
    return Subject(
        title="Select",
        description="A drop-down list with a placeholder option.",
        target=Select,
        items=[
            Story(title="Nothing chosen yet"),
            Story(
                title="Preselected plan",
                props={
                    "name": "plan",
                    "label": "Plan",
                    "options": ("Free", "Team", "Enterprise"),
                    "selected": "Team",
                },
                assertions=[selects_the_plan],
            ),
            Story(
                title="Disabled",
                props={
                    "name": "region",
                    "label": "Region",
                    "options": ("eu-west-1",),
                    "selected": "eu-west-1",
                    "disabled": True,
                },
            ),
        ],
    )
