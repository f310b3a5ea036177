"""Stories for the link list component."""

from storyville import Story, Subject

from examples.huge.navigation.link_list.link_list import LinkList


def this_subject() -> Subject:
    """The link list and its stories."""
    return Subject(
        title="Link list",
        description="A headed column of links, as in a site footer.",
        target=LinkList,
        items=[
            Story(title="Company"),
            Story(
                title="Resources",
                props={
                    "heading": "Resources",
                    "links": (
                        ("Docs", "/docs"),
                        ("API reference", "/api"),
                        ("Status", "/status"),
                        ("Changelog", "/changelog"),
                    ),
                },
            ),
            Story(
                title="External links",
                description="Links leaving the site open in a new tab.",
                props={
                    "heading": "Follow us",
                    "links": (
                        ("Mastodon", "https://mastodon.social/@acme"),
                        ("GitHub", "https://github.com/acme"),
                    ),
                    "external": True,
                },
            ),
        ],
    )
