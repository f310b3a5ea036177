"""Stories for the avatar stack component."""

from storyville import Story, Subject

from examples.huge.data_display.avatar_stack.avatar_stack import AvatarStack


def counts_the_rest(el: object) -> None:
    """People who do not fit are counted."""
    markup = str(el)
    assert ">+2</li>" in markup, "expected +2 for the two hidden people"


def this_subject() -> Subject:
    """The avatar stack and its stories."""
    return Subject(
        title="Avatar stack",
        description="Overlapping initials for a group of people, with a count of the rest.",
        target=AvatarStack,
        items=[
            Story(title="Three people"),
            Story(
                title="More than fit",
                props={
                    "names": (
                        "Ada Lovelace",
                        "Grace Hopper",
                        "Alan Turing",
                        "Katherine Johnson",
                        "Edsger Dijkstra",
                        "Barbara Liskov",
                    ),
                    "max_visible": 4,
                },
                assertions=[counts_the_rest],
            ),
            Story(title="Just one", props={"names": ("Linus Torvalds",)}),
        ],
    )
