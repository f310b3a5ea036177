"""The dropdown menu component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class DropdownMenu:
    """A disclosure menu of actions, built on details and summary."""

    label: str = "Options"
    items: tuple[str, ...] = ("Edit", "Duplicate", "Archive")
    danger_item: str | None = "Delete"
    expanded: bool = False

    def __call__(self):
        """Render the dropdown menu."""
        entries = [t'<li><button role="menuitem">{item}</button></li>' for item in self.items]
        danger = (
            t'<li><button class="danger" role="menuitem">{self.danger_item}</button></li>'
            if self.danger_item
            else ""
        )
        return html(t"""
            <details class="dropdown" open={self.expanded}>
              <summary aria-haspopup="menu">{self.label}</summary>
              <ul role="menu">{entries}{danger}</ul>
            </details>
        """)
