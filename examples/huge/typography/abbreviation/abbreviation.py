"""The abbreviation component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Abbreviation:
    """An abbreviation with its expansion, spelled out on first use if asked."""

    short: str = "HTML"
    full: str = "HyperText Markup Language"
    expand_first: bool = False

    def __call__(self):
        """Render the abbreviation."""
        abbr = t"<abbr title={self.full}>{self.short}</abbr>"
        if self.expand_first:
            return html(t'<span class="abbreviation">{self.full} ({abbr})</span>')
        return html(abbr)
