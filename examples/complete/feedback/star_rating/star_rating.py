"""Star ratings from customer reviews."""

from dataclasses import dataclass

from tdom import html


@dataclass
class StarRating:
    """A row of stars with an accessible label and an optional review count.

    Attributes:
        value: The average rating, e.g. ``4.5``.
        out_of: How many stars make a perfect score.
        reviews: How many reviews the average is based on.
    """

    value: float = 5.0
    out_of: int = 5
    reviews: int | None = None

    def __call__(self):
        """Render the stars."""
        filled = round(self.value)
        stars = "★" * filled + "☆" * (self.out_of - filled)
        label = f"Rated {self.value:g} out of {self.out_of}"
        count = (
            t'<span class="rating__count">({self.reviews} reviews)</span>'
            if self.reviews is not None
            else ""
        )
        return html(t"""<span class="rating" role="img" aria-label={label}>
<span class="rating__stars" aria-hidden="true">{stars}</span>{count}
</span>""")
