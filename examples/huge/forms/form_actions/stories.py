"""Stories for the form actions component."""

from storyville import Story, Subject

from examples.huge.forms.form_actions.form_actions import FormActions


def this_subject() -> Subject:
    """The form actions and its stories."""
    return Subject(
        title="Form actions",
        description="The buttons that end a form: submit, cancel and perhaps a destructive action.",
        target=FormActions,
        items=[
            Story(title="Save or cancel"),
            Story(
                title="Publish",
                props={"primary": "Publish", "secondary": "Save as draft", "align": "between"},
            ),
            Story(
                title="With a destructive action",
                description="The destructive action sits apart, on the far side.",
                props={"primary": "Update", "destructive": "Delete project", "align": "between"},
            ),
        ],
    )
