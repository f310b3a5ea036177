"""The breadcrumb component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Breadcrumb:
    """The trail from the home page to the current page."""

    crumbs: tuple[tuple[str, str], ...] = (
        ("Home", "/"),
        ("Docs", "/docs"),
        ("Install", "/docs/install"),
    )
    separator: str = "/"

    def __call__(self):
        """Render the breadcrumb."""
        *parents, (current, _) = self.crumbs
        separator = t'<span aria-hidden="true">{self.separator}</span>'
        links = [t"<li><a href={href}>{text}</a>{separator}</li>" for text, href in parents]
        return html(t"""
            <nav aria-label="Breadcrumb" class="breadcrumb">
              <ol>{links}<li aria-current="page">{current}</li></ol>
            </nav>
        """)
