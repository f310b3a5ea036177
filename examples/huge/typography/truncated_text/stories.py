"""Stories for the truncated text component."""

from storyville import Story, Subject

from examples.huge.typography.truncated_text.truncated_text import TruncatedText


def offers_the_rest(el: object) -> None:
    """Cut text links to the full version."""
    markup = str(el)
    assert "Read more</a>" in markup, "expected a Read more link"


def leaves_short_text_alone(el: object) -> None:
    """Short text is shown whole, without a link."""
    markup = str(el)
    assert "Read more" not in markup, "short text should not be truncated"


def this_subject() -> Subject:
    """The truncated text and its stories."""
    return Subject(
        title="Truncated text",
        description="Long text cut at a word boundary, with a link to the rest.",
        target=TruncatedText,
        items=[
            Story(title="Truncated", assertions=[offers_the_rest]),
            Story(
                title="Short enough",
                props={"text": "Fits on one line."},
                assertions=[leaves_short_text_alone],
            ),
            Story(title="Very tight", props={"max_chars": 30, "more_href": "/about"}),
        ],
    )
