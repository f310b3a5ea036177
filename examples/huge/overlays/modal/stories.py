"""Stories for the modal component."""

from storyville import Story, Subject

from examples.huge.overlays.modal.modal import Modal


def is_an_open_dialog(el: object) -> None:
    """The modal is a native dialog, open."""
    markup = str(el)
    assert "<dialog" in markup and " open " in markup, "expected an open <dialog>"


def is_labelled_by_its_title(el: object) -> None:
    """The dialog's accessible name is its heading."""
    markup = str(el)
    assert 'aria-labelledby="modal-title"' in markup, "the dialog is not labelled by its title"


def this_subject() -> Subject:
    """The modal and its stories."""
    return Subject(
        title="Modal",
        description="A dialog asking the user to confirm or cancel.",
        target=Modal,
        items=[
            Story(title="Delete a file", assertions=[is_an_open_dialog, is_labelled_by_its_title]),
            Story(
                title="Large, new terms",
                props={
                    "title": "Terms of service",
                    "body": "Please read and accept the updated terms to continue.",
                    "confirm": "Accept",
                    "cancel": "Decline",
                    "size": "lg",
                },
            ),
            Story(title="Closed", props={"expanded": False}),
        ],
    )
