"""Stories for the table of contents component."""

from storyville import Story, Subject

from examples.huge.navigation.table_of_contents.table_of_contents import TableOfContents


def this_subject() -> Subject:
    """The table of contents and its stories."""
    return Subject(
        title="Table of contents",
        description="Links to the headings of a long page, indented by level.",
        target=TableOfContents,
        items=[
            Story(title="Documentation page"),
            Story(title="Reading the usage section", props={"active": "Usage"}),
            Story(
                title="Long article",
                props={
                    "title": "Contents",
                    "entries": (
                        (2, "Background"),
                        (2, "Method"),
                        (3, "Data collection"),
                        (3, "Analysis"),
                        (2, "Results"),
                        (2, "Conclusion"),
                    ),
                },
            ),
        ],
    )
