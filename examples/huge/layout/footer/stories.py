"""Stories for the footer component."""

from storyville import Story, Subject

from examples.huge.layout.footer.footer import Footer


def this_subject() -> Subject:
    """The footer and its stories."""
    return Subject(
        title="Footer",
        description="The bottom of every page: links, social profiles and the copyright line.",
        target=Footer,
        items=[
            Story(title="Default"),
            Story(title="With social links", props={"show_social": True}),
            Story(title="Minimal", props={"company": "Tiny Studio", "year": 2024, "links": ()}),
        ],
    )
