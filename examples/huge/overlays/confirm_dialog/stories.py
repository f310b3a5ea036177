"""Stories for the confirm dialog component."""

from storyville import Story, Subject

from examples.huge.overlays.confirm_dialog.confirm_dialog import ConfirmDialog


def this_subject() -> Subject:
    """The confirm dialog and its stories."""
    return Subject(
        title="Confirm dialog",
        description="An alert dialog for destructive actions, optionally asking to type a name.",
        target=ConfirmDialog,
        items=[
            Story(title="Delete a repository"),
            Story(
                title="Type to confirm",
                description="For the most dangerous actions, the user types the name first.",
                props={"confirm_text": "acme/website"},
            ),
            Story(
                title="Sign out everywhere",
                props={
                    "action": "Sign out of all devices",
                    "consequence": "You will need to sign in again on your phone and laptop.",
                },
            ),
        ],
    )
