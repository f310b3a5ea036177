"""Stories for the checkbox component."""

from storyville import Story, Subject

from examples.huge.inputs.checkbox.checkbox import Checkbox


def announces_mixed(el: object) -> None:
    """The mixed state is exposed to assistive technology."""
    markup = str(el)
    assert 'aria-checked="mixed"' in markup, "expected aria-checked=mixed"


def this_subject() -> Subject:
    """The checkbox and its stories."""
    return Subject(
        title="Checkbox",
        description="A checkbox with a label, an optional description and a mixed state.",
        target=Checkbox,
        items=[
            Story(title="Unchecked"),
            Story(
                title="Checked, with a description",
                props={
                    "label": "Email me about product updates",
                    "name": "updates",
                    "checked": True,
                    "description": "About once a month.",
                },
            ),
            Story(
                title="Mixed",
                description="Some, but not all, of the files below are selected.",
                props={"label": "Select all files", "name": "all", "mixed": True},
                assertions=[announces_mixed],
            ),
        ],
    )
