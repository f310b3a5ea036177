"""Stories for the navbar component."""

from storyville import Story, Subject

from examples.huge.navigation.navbar.navbar import Navbar


def this_subject() -> Subject:
    """The navbar and its stories."""
    return Subject(
        title="Navbar",
        description="The site header: brand, main links and the account entry point.",
        target=Navbar,
        items=[
            Story(title="Signed out"),
            Story(title="On the pricing page", props={"active": "Pricing"}),
            Story(
                title="Signed in",
                props={
                    "brand": "Northwind",
                    "links": ("Orders", "Customers", "Reports"),
                    "active": "Orders",
                    "signed_in": True,
                },
            ),
        ],
    )
