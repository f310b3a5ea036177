from storyville import Story, Subject

from examples.minimal.components.greeting.greeting import Greeting


def this_subject() -> Subject:
    return Subject(
        title="Greeting",
        description="A friendly paragraph.",
        target=Greeting,
        items=[
            Story(title="Default"),
            Story(title="Named", props={"name": "Ada"}),
        ],
    )
