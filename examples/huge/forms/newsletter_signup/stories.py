"""Stories for the newsletter signup component."""

from storyville import Story, Subject

from examples.huge.forms.newsletter_signup.newsletter_signup import NewsletterSignup


def this_subject() -> Subject:
    """The newsletter signup and its stories."""
    return Subject(
        title="Newsletter signup",
        description="A short pitch and an email box, replaced by a thank-you once subscribed.",
        target=NewsletterSignup,
        items=[
            Story(title="Default"),
            Story(title="Subscribed", props={"subscribed": True}),
            Story(
                title="Release notes",
                props={
                    "heading": "Release notes in your inbox",
                    "blurb": "Be the first to hear about new versions.",
                    "placeholder": "name@company.com",
                },
            ),
        ],
    )
