"""Stories for the pagination component."""

from storyville import Story, Subject

from examples.huge.navigation.pagination.pagination import Pagination


def cannot_go_back(el: object) -> None:
    """On page one, Previous is disabled."""
    markup = str(el)
    assert 'aria-disabled="true">Previous</a>' in markup, "Previous should be disabled on page one"


def this_subject() -> Subject:
    """The pagination and its stories."""
    return Subject(
        title="Pagination",
        description="Previous and next links around a window of page numbers.",
        target=Pagination,
        items=[
            Story(title="First page", assertions=[cannot_go_back]),
            Story(title="In the middle", props={"page": 6, "total_pages": 12}),
            Story(
                title="Last page of the blog",
                props={"page": 24, "total_pages": 24, "window": 1, "base_url": "/blog/page/"},
            ),
        ],
    )
