"""The description list component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class DescriptionList:
    """Term and value pairs, side by side or stacked."""

    items: tuple[tuple[str, str], ...] = (
        ("Status", "Active"),
        ("Plan", "Team"),
        ("Renews", "1 March 2026"),
    )
    horizontal: bool = True

    def __call__(self):
        """Render the description list."""
        pairs = [t"<div><dt>{term}</dt><dd>{detail}</dd></div>" for term, detail in self.items]
        classes = {"description-list": True, "horizontal": self.horizontal}
        return html(t"<dl class={classes}>{pairs}</dl>")
