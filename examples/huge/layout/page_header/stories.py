"""Stories for the page header component."""

from storyville import Story, Subject

from examples.huge.layout.page_header.page_header import PageHeader


def this_subject() -> Subject:
    """The page header and its stories."""
    return Subject(
        title="Page header",
        description="The title row of a page, with a back link and page-level actions.",
        target=PageHeader,
        items=[
            Story(title="Projects"),
            Story(
                title="Project detail",
                props={
                    "title": "Website redesign",
                    "subtitle": "Updated 3 hours ago by Grace",
                    "actions": ("Share", "Edit"),
                    "back_href": "/projects",
                },
            ),
            Story(title="No actions", props={"title": "Settings", "actions": ()}),
        ],
    )
