"""Stories for the date input component."""

from storyville import Story, Subject

from examples.huge.inputs.date_input.date_input import DateInput


def this_subject() -> Subject:
    """The date input and its stories."""
    return Subject(
        title="Date input",
        description="A native date (or date and time) picker with optional bounds.",
        target=DateInput,
        items=[
            Story(
                title="Date of birth",
                props={"name": "dob", "label": "Date of birth", "latest": "2008-12-31"},
            ),
            Story(
                title="Check-in within the season",
                props={
                    "name": "checkin",
                    "label": "Check-in",
                    "value": "2025-07-14",
                    "earliest": "2025-06-01",
                    "latest": "2025-09-30",
                },
            ),
            Story(
                title="Appointment",
                props={
                    "name": "slot",
                    "label": "Appointment",
                    "value": "2025-03-03T09:30",
                    "with_time": True,
                },
            ),
        ],
    )
