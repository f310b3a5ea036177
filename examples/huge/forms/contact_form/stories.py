"""Stories for the contact form component."""

from storyville import Story, Subject

from examples.huge.forms.contact_form.contact_form import ContactForm


def limits_the_message(el: object) -> None:
    """The textarea enforces the length limit."""
    markup = str(el)
    assert 'maxlength="140"' in markup, "expected maxlength=140 on the textarea"


def this_subject() -> Subject:
    """The contact form and its stories."""
    return Subject(
        title="Contact form",
        description="Name, email, topic and message, with an optional phone field.",
        target=ContactForm,
        items=[
            Story(title="Support request"),
            Story(
                title="With a phone number",
                props={"show_phone": True, "selected_topic": "Sales"},
            ),
            Story(
                title="Short messages",
                props={
                    "topics": ("Bug report", "Feature request"),
                    "selected_topic": "Bug report",
                    "max_length": 140,
                },
                assertions=[limits_the_message],
            ),
        ],
    )
