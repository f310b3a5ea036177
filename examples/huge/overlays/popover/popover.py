"""The popover component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Popover:
    """A panel of choices opened by a button, using the HTML popover attribute."""

    trigger: str = "Share"
    title: str = "Share this page"
    links: tuple[str, ...] = ("Copy link", "Email", "Mastodon")
    popover_id: str = "share-popover"

    def __call__(self):
        """Render the popover."""
        items = [t'<li><button type="button">{link}</button></li>' for link in self.links]
        return html(t"""
            <div class="popover-wrap">
              <button type="button" popovertarget={self.popover_id}>{self.trigger}</button>
              <div id={self.popover_id} popover="auto" class="popover">
                <h3>{self.title}</h3>
                <ul>{items}</ul>
              </div>
            </div>
        """)
