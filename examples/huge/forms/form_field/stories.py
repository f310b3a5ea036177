"""Stories for the form field component."""

from storyville import Story, Subject

from examples.huge.forms.form_field.form_field import FormField


def marks_the_input_invalid(el: object) -> None:
    """The input says it is invalid."""
    markup = str(el)
    assert 'aria-invalid="true"' in markup, "expected aria-invalid=true"


def links_the_error(el: object) -> None:
    """The error message describes the input."""
    markup = str(el)
    assert 'aria-describedby="username-error"' in markup, "the error is not linked to the input"


def this_subject() -> Subject:
    """The form field and its stories."""
    return Subject(
        title="Form field",
        description="A labelled input with an optional hint and error, wired up with ARIA.",
        target=FormField,
        items=[
            Story(
                title="Email with a hint",
                props={
                    "label": "Email address",
                    "kind": "email",
                    "hint": "We'll never share it.",
                    "required": True,
                },
            ),
            Story(
                title="With an error",
                description="The error is linked to the input so screen readers read it out.",
                props={
                    "label": "Username",
                    "name": "username",
                    "value": "ad",
                    "error": "Must be at least 3 characters.",
                },
                assertions=[marks_the_input_invalid, links_the_error],
            ),
            Story(
                title="Password",
                props={
                    "label": "Password",
                    "name": "password",
                    "kind": "password",
                    "hint": "At least 12 characters.",
                },
            ),
        ],
    )
