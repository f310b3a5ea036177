"""The sidebar menu component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class SidebarMenu:
    """Grouped navigation links for an app's side column."""

    groups: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("Mail", ("Inbox", "Drafts", "Sent")),
        ("Labels", ("Work", "Family")),
    )
    current: str = "Inbox"
    collapsed: bool = False

    def __call__(self):
        """Render the sidebar menu."""
        blocks = []
        for heading, entries in self.groups:
            links = []
            for entry in entries:
                current = "page" if entry == self.current else None
                anchor = f"#{entry.lower()}"
                links.append(t"<li><a href={anchor} aria-current={current}>{entry}</a></li>")
            blocks.append(t"<h3>{heading}</h3><ul>{links}</ul>")
        classes = {"sidebar": True, "collapsed": self.collapsed}
        return html(t'<aside class={classes}><nav aria-label="Sidebar">{blocks}</nav></aside>')
