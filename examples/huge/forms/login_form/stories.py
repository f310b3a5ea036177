"""Stories for the login form component."""

from storyville import Story, Subject

from examples.huge.forms.login_form.login_form import LoginForm


def this_subject() -> Subject:
    """The login form and its stories."""
    return Subject(
        title="Login form",
        description="Email and password sign-in, with an error slot and optional single sign-on.",
        target=LoginForm,
        items=[
            Story(title="Empty"),
            Story(
                title="Wrong password",
                props={"email": "ada@example.com", "error": "That password is incorrect."},
            ),
            Story(
                title="With single sign-on",
                description="Offered by workspaces that connect an identity provider.",
                props={"sso_providers": ("GitHub", "Google"), "remember": False},
            ),
        ],
    )
