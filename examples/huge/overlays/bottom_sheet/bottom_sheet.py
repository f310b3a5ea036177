"""The bottom sheet component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class BottomSheet:
    """A mobile sheet that slides up from the bottom with a list of choices."""

    title: str = "Sort by"
    options: tuple[str, ...] = ("Relevance", "Price: low to high", "Price: high to low")
    selected: str = "Relevance"
    expanded: bool = True

    def __call__(self):
        """Render the bottom sheet."""
        choices = []
        for option in self.options:
            checked = {"checked": option == self.selected}
            choices.append(t'<li role="menuitemradio" aria={checked}>{option}</li>')
        return html(t"""
            <div class="sheet" role="dialog" aria-label={self.title} hidden={not self.expanded}>
              <div class="sheet-handle" aria-hidden="true"></div>
              <h2>{self.title}</h2>
              <ul role="menu">{choices}</ul>
            </div>
        """)
