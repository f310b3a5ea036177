"""Stories for the carousel component."""

from storyville import Story, Subject

from examples.huge.media.carousel.carousel import Carousel


def this_subject() -> Subject:
    """The carousel and its stories."""
    return Subject(
        title="Carousel",
        description="Slides shown one at a time, with a dot for each slide.",
        target=Carousel,
        items=[
            Story(title="First slide"),
            Story(title="Second slide", props={"current": 1}),
            Story(
                title="Testimonials",
                props={
                    "slides": (
                        "“Changed how we work.” — Ana",
                        "“Five stars.” — Ben",
                        "“Our designers love it.” — Chloé",
                        "“Finally!” — Dev",
                    ),
                    "current": 3,
                    "label": "Testimonials",
                },
            ),
        ],
    )
