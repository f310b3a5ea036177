"""The bullet list component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class BulletList:
    """A bulleted or numbered list."""

    items: tuple[str, ...] = ("Flour", "Butter", "Sugar", "Eggs")
    ordered: bool = False
    start: int = 1
    compact: bool = False

    def __call__(self):
        """Render the bullet list."""
        entries = [t"<li>{item}</li>" for item in self.items]
        classes = {"list": True, "list-compact": self.compact}
        if self.ordered:
            return html(t"<ol class={classes} start={self.start}>{entries}</ol>")
        return html(t"<ul class={classes}>{entries}</ul>")
