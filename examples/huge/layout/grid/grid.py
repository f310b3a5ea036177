"""The grid component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Grid:
    """Equal-width columns that wrap their children into rows."""

    columns: int = 3
    gap: str = "1rem"
    items: tuple[str, ...] = ("One", "Two", "Three", "Four", "Five", "Six")

    def __call__(self):
        """Render the grid."""
        columns = f"repeat({self.columns}, 1fr)"
        style = f"display: grid; grid-template-columns: {columns}; gap: {self.gap}"
        cells = [t'<div class="grid-cell">{item}</div>' for item in self.items]
        return html(t'<div class="grid" style={style}>{cells}</div>')
