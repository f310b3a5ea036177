"""Stories for the error summary component."""

from storyville import Story, Subject

from examples.huge.forms.error_summary.error_summary import ErrorSummary


def lists_every_error(el: object) -> None:
    """Each error gets its own list item."""
    markup = str(el)
    assert markup.count("<li>") == 3, "expected three errors"


def links_to_the_field(el: object) -> None:
    """Each error links to the field it is about."""
    markup = str(el)
    assert 'href="#dob"' in markup, "the date of birth error does not link to its field"


def this_subject() -> Subject:
    """The error summary and its stories."""
    return Subject(
        title="Error summary",
        description="A list of form errors at the top of the page, each linking to its field.",
        target=ErrorSummary,
        items=[
            Story(title="One error"),
            Story(
                title="Several errors",
                props={
                    "errors": (
                        ("name", "Enter your full name"),
                        ("dob", "Date of birth must be in the past"),
                        ("postcode", "Enter a real postcode"),
                    ),
                },
                assertions=[lists_every_error, links_to_the_field],
            ),
            Story(
                title="Payment problem",
                props={
                    "title": "Your payment was not taken",
                    "errors": (("card-number", "Card number is too short"),),
                },
            ),
        ],
    )
