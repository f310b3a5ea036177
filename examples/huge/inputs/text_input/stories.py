"""Stories for the text input component."""

from storyville import Story, Subject

from examples.huge.inputs.text_input.text_input import TextInput


def this_subject() -> Subject:
    """The text input and its stories."""
    return Subject(
        title="Text input",
        description="A single-line text box with a label and an optional character counter.",
        target=TextInput,
        items=[
            Story(title="With a placeholder", props={"placeholder": "Give it a name"}),
            Story(
                title="With a counter",
                props={
                    "name": "bio",
                    "label": "Short bio",
                    "value": "Mathematician and writer.",
                    "max_length": 80,
                },
            ),
            Story(
                title="Read-only",
                props={
                    "name": "id",
                    "label": "Project ID",
                    "value": "prj_4f9a2c",
                    "readonly": True,
                },
            ),
        ],
    )
