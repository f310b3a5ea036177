"""Stories for the fieldset component."""

from storyville import Story, Subject

from examples.huge.forms.fieldset.fieldset import Fieldset


def this_subject() -> Subject:
    """The fieldset and its stories."""
    return Subject(
        title="Fieldset",
        description="A group of checkboxes under a legend.",
        target=Fieldset,
        items=[
            Story(title="Notifications"),
            Story(
                title="Dietary requirements",
                props={
                    "legend": "Dietary requirements",
                    "name": "diet",
                    "options": ("Vegetarian", "Vegan", "Gluten-free", "Nut allergy"),
                    "checked": (),
                },
            ),
            Story(
                title="Disabled",
                description="Disabling the fieldset disables every checkbox in it.",
                props={
                    "legend": "Newsletter topics",
                    "name": "topics",
                    "options": ("Releases", "Security advisories"),
                    "checked": ("Security advisories",),
                    "disabled": True,
                },
            ),
        ],
    )
