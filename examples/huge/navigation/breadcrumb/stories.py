"""Stories for the breadcrumb component."""

from storyville import Story, Subject

from examples.huge.navigation.breadcrumb.breadcrumb import Breadcrumb


def marks_the_current_page(el: object) -> None:
    """The last crumb is the current page, not a link."""
    markup = str(el)
    assert '<li aria-current="page">Install</li>' in markup, "the current page is not marked"


def this_subject() -> Subject:
    """The breadcrumb and its stories."""
    return Subject(
        title="Breadcrumb",
        description="The trail from the home page to the current page.",
        target=Breadcrumb,
        items=[
            Story(title="Documentation", assertions=[marks_the_current_page]),
            Story(
                title="Deep in the shop",
                props={
                    "crumbs": (
                        ("Shop", "/shop"),
                        ("Shoes", "/shop/shoes"),
                        ("Running", "/shop/shoes/running"),
                        ("Pegasus 41", "/p/pegasus-41"),
                    ),
                    "separator": "›",
                },
            ),
            Story(title="Top level", props={"crumbs": (("Dashboard", "/"),)}),
        ],
    )
