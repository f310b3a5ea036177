"""Stories for the code block component."""

from storyville import Story, Subject

from examples.huge.data_display.code_block.code_block import CodeBlock


def escapes_the_code(el: object) -> None:
    """Markup inside the code block is escaped."""
    markup = str(el)
    assert "&lt;button" in markup and "<button" not in markup, "the code was rendered as HTML"


def this_subject() -> Subject:
    """The code block and its stories."""
    return Subject(
        title="Code block",
        description="A block of source code, optionally titled with its file name.",
        target=CodeBlock,
        items=[
            Story(title="Hello, world"),
            Story(
                title="A Python file",
                props={
                    "lines": ("def greet(name: str) -> str:", '    return f"Hello, {name}!"'),
                    "filename": "greet.py",
                },
            ),
            Story(
                title="HTML is shown, not rendered",
                props={"lines": ('<button class="btn">Save</button>',), "language": "html"},
                assertions=[escapes_the_code],
            ),
        ],
    )
