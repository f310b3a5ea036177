"""Stories for the blockquote component."""

from storyville import Story, Subject

from examples.huge.typography.blockquote.blockquote import Blockquote


def cites_the_source(el: object) -> None:
    """The blockquote points at its source and names the work."""
    markup = str(el)
    assert 'cite="https://peps.python.org/pep-0020/"' in markup, "the cite attribute is missing"


def names_the_work(el: object) -> None:
    """The work's title is marked up as a citation."""
    markup = str(el)
    assert "<cite>The Zen of Python</cite>" in markup, "the work is not in a <cite>"


def this_subject() -> Subject:
    """The blockquote and its stories."""
    return Subject(
        title="Blockquote",
        description="A quotation with its author and, optionally, the work and its address.",
        target=Blockquote,
        items=[
            Story(title="Dijkstra"),
            Story(
                title="With its source",
                props={
                    "quote": "The best way to predict the future is to invent it.",
                    "author": "Alan Kay",
                    "source": "PARC meeting, 1971",
                },
            ),
            Story(
                title="Linked",
                props={
                    "quote": "Beautiful is better than ugly.",
                    "author": "Tim Peters",
                    "source": "The Zen of Python",
                    "cite_url": "https://peps.python.org/pep-0020/",
                },
                assertions=[cites_the_source, names_the_work],
            ),
        ],
    )
