"""Stories for the highlight component."""

from storyville import Story, Subject

from examples.huge.typography.highlight.highlight import Highlight


def marks_every_match(el: object) -> None:
    """Both “Story” and “story” are marked."""
    markup = str(el)
    assert markup.count("<mark>") == 2, "expected two matches"


def respects_case(el: object) -> None:
    """Only the lower-case “story” is marked."""
    markup = str(el)
    assert markup.count("<mark>") == 1, "expected one match"


def this_subject() -> Subject:
    """The highlight and its stories."""
    return Subject(
        title="Highlight",
        description="Text with every occurrence of a search term marked.",
        target=Highlight,
        items=[
            Story(title="Ignoring case", assertions=[marks_every_match]),
            Story(
                title="Matching case",
                props={"case_sensitive": True},
                assertions=[respects_case],
            ),
            Story(
                title="Search result",
                props={
                    "text": "Python templates with t-strings: safe, fast, composable templates.",
                    "term": "templates",
                },
            ),
        ],
    )
