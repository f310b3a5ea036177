"""Stories for the search input component."""

from storyville import Story, Subject

from examples.huge.inputs.search_input.search_input import SearchInput


def offers_every_suggestion(el: object) -> None:
    """Each suggestion becomes an option of the datalist."""
    markup = str(el)
    assert markup.count("<option") == 3, "expected three suggestions"


def connects_the_list(el: object) -> None:
    """The input points at the datalist."""
    markup = str(el)
    assert 'list="search-suggestions"' in markup, "the input is not connected to its suggestions"


def this_subject() -> Subject:
    """The search input and its stories."""
    return Subject(
        title="Search input",
        description="A search box in a search landmark, with optional suggestions.",
        target=SearchInput,
        items=[
            Story(title="Empty"),
            Story(title="With a query", props={"query": "tdom components"}),
            Story(
                title="With suggestions",
                props={
                    "placeholder": "Search recipes",
                    "suggestions": ("Ratatouille", "Risotto", "Ramen"),
                    "action": "/recipes",
                },
                assertions=[offers_every_suggestion, connects_the_list],
            ),
        ],
    )
