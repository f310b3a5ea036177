from storyville import Story, Subject

from examples.complete.feedback.star_rating.star_rating import StarRating


def has_accessible_label(el: object) -> None:
    """Screen readers hear the number, not a row of symbols."""
    assert 'aria-label="Rated ' in str(el), "missing the aria-label"


def counts_reviews(el: object) -> None:
    """The review count is shown in brackets."""
    assert "(128 reviews)" in str(el), "the review count is missing"


def rounds_half_stars_up(el: object) -> None:
    """A 4.5 average should show five filled stars.

    DELIBERATELY FAILING: this assertion is here so the catalog shows a red badge.
    StarRating uses Python's round(), which rounds halves to even (round(4.5) == 4),
    so only four stars are filled. Do not "fix" either side.
    """
    assert str(el).count("★") == 5, "expected 5 filled stars for a 4.5 rating"


def this_subject() -> Subject:
    """Stories for the star rating."""
    return Subject(
        title="Star rating",
        description="The average review score as stars, with a label for screen readers.",
        target=StarRating,
        items=[
            Story(
                title="Perfect score",
                props={"value": 5},
                assertions=[has_accessible_label],
            ),
            Story(
                title="With review count",
                description="How the rating appears under each product in the shop.",
                props={"value": 4.2, "reviews": 128},
                assertions=[has_accessible_label, counts_reviews],
            ),
            Story(
                title="Half stars (deliberately failing assertion)",
                description=(
                    "This story's assertion fails on purpose, to show a red badge: "
                    "4.5 rounds to even, so four stars are filled, not five."
                ),
                props={"value": 4.5, "reviews": 37},
                assertions=[rounds_half_stars_up],
            ),
            Story(
                title="Out of ten",
                props={"value": 8, "out_of": 10, "reviews": 12},
            ),
        ],
    )
