"""Stories for the color picker component."""

from storyville import Story, Subject

from examples.huge.inputs.color_picker.color_picker import ColorPicker


def this_subject() -> Subject:
    """The color picker and its stories."""
    return Subject(
        title="Color picker",
        description="A row of colour swatches that work like radio buttons.",
        target=ColorPicker,
        items=[
            Story(title="Brand colours"),
            Story(
                title="Pastels",
                props={
                    "name": "card_colour",
                    "label": "Card colour",
                    "swatches": ("#fde2e4", "#e2ece9", "#cddafd", "#fff1e6", "#dfe7fd"),
                    "value": "#e2ece9",
                },
            ),
            Story(
                title="Greys",
                props={
                    "name": "text_colour",
                    "label": "Text colour",
                    "swatches": ("#111827", "#6b7280", "#d1d5db"),
                    "value": "#111827",
                },
            ),
        ],
    )
