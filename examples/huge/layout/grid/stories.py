"""Stories for the grid component."""

from storyville import Story, Subject

from examples.huge.layout.grid.grid import Grid


def uses_three_columns(el: object) -> None:
    """The column count ends up in the grid template."""
    markup = str(el)
    assert "repeat(3, 1fr)" in markup, "expected three columns"


def this_subject() -> Subject:
    """The grid and its stories."""
    return Subject(
        title="Grid",
        description="Equal-width columns that wrap their children into rows.",
        target=Grid,
        items=[
            Story(title="Three columns", assertions=[uses_three_columns]),
            Story(
                title="Two columns, wide gap",
                props={
                    "columns": 2,
                    "gap": "2rem",
                    "items": ("Left", "Right", "Left again", "Right again"),
                },
            ),
            Story(
                title="Fruit gallery",
                props={
                    "columns": 4,
                    "gap": "4px",
                    "items": ("🍎", "🍐", "🍊", "🍋", "🍌", "🍉", "🍇", "🍓"),
                },
            ),
        ],
    )
