"""The drawer component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Drawer:
    """A panel that slides in from the side of the screen."""

    title: str = "Menu"
    side: str = "left"
    items: tuple[str, ...] = ("Home", "Explore", "Saved", "Settings")
    expanded: bool = True

    def __call__(self):
        """Render the drawer."""
        links = [t'<li><a href="#">{item}</a></li>' for item in self.items]
        return html(t"""
            <aside class="drawer drawer-{self.side}" aria-label={self.title}
              hidden={not self.expanded}>
              <header>
                <h2>{self.title}</h2>
                <button type="button" aria-label="Close">×</button>
              </header>
              <nav><ul>{links}</ul></nav>
            </aside>
        """)
