"""Stories for the stat component."""

from storyville import Story, Subject

from examples.huge.data_display.stat.stat import Stat


def this_subject() -> Subject:
    """The stat and its stories."""
    return Subject(
        title="Stat",
        description="A key figure with its change since the last period.",
        target=Stat,
        items=[
            Story(title="Revenue up"),
            Story(title="Churn down", props={"label": "Churn", "value": "2.1%", "delta": -0.4}),
            Story(
                title="No comparison",
                props={"label": "Active users", "value": "12,408", "delta": None},
            ),
        ],
    )
