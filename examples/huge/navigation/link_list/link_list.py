"""The link list component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class LinkList:
    """A headed column of links, as in a site footer."""

    heading: str = "Company"
    links: tuple[tuple[str, str], ...] = (
        ("About", "/about"),
        ("Careers", "/careers"),
        ("Press", "/press"),
    )
    external: bool = False

    def __call__(self):
        """Render the link list."""
        rel = "noopener" if self.external else None
        target = "_blank" if self.external else None
        items = [
            t"<li><a href={href} rel={rel} target={target}>{text}</a></li>"
            for text, href in self.links
        ]
        return html(t'<div class="link-list"><h4>{self.heading}</h4><ul>{items}</ul></div>')
