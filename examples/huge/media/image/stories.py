"""Stories for the image component."""

from storyville import Story, Subject

from examples.huge.media.image.image import Image
from examples.huge.placeholders import picture


def describes_the_image(el: object) -> None:
    """The alt text describes the picture."""
    markup = str(el)
    assert 'alt="A misty forest at dawn"' in markup, "the alt text is missing"


def loads_lazily(el: object) -> None:
    """Images below the fold load lazily."""
    markup = str(el)
    assert 'loading="lazy"' in markup, "expected loading=lazy"


def this_subject() -> Subject:
    """The image and its stories."""
    return Subject(
        title="Image",
        description="A responsive image with explicit dimensions and an optional caption.",
        target=Image,
        items=[
            Story(title="Lazy loaded", assertions=[describes_the_image, loads_lazily]),
            Story(
                title="With a caption",
                props={
                    "src": picture("Harbour", 640, 360, "#3f6e8c"),
                    "alt": "Fishing boats in a harbour",
                    "caption": "Porto, early morning.",
                },
            ),
            Story(
                title="Decorative, above the fold",
                description="An empty alt hides a purely decorative image from screen readers.",
                props={"alt": "", "width": 320, "height": 180, "lazy": False},
            ),
        ],
    )
