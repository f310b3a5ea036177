"""Stories for the cookie consent component."""

from storyville import Story, Subject

from examples.huge.overlays.cookie_consent.cookie_consent import CookieConsent


def this_subject() -> Subject:
    """The cookie consent and its stories."""
    return Subject(
        title="Cookie consent",
        description="The cookie banner: accept, reject or customise.",
        target=CookieConsent,
        items=[
            Story(title="Default"),
            Story(title="Accept or reject only", props={"allow_customize": False}),
            Story(
                title="German",
                props={
                    "message": "Wir verwenden Cookies, um unsere Website zu verbessern.",
                    "policy_href": "/de/datenschutz",
                },
            ),
        ],
    )
