"""Stories for the file input component."""

from storyville import Story, Subject

from examples.huge.inputs.file_input.file_input import FileInput


def this_subject() -> Subject:
    """The file input and its stories."""
    return Subject(
        title="File input",
        description="A file chooser that lists the files already picked.",
        target=FileInput,
        items=[
            Story(title="Nothing chosen"),
            Story(
                title="Photos",
                props={
                    "name": "photos",
                    "label": "Upload photos",
                    "accept": "image/*",
                    "multiple": True,
                    "files": ("beach.jpg", "sunset.png"),
                },
            ),
            Story(
                title="Résumé",
                props={
                    "name": "cv",
                    "label": "Your CV (PDF)",
                    "accept": ".pdf",
                    "files": ("ada-lovelace-cv.pdf",),
                },
            ),
        ],
    )
