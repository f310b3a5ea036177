"""The page header component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class PageHeader:
    """The title row of a page, with a back link and page-level actions."""

    title: str = "Projects"
    subtitle: str | None = None
    actions: tuple[str, ...] = ("New project",)
    back_href: str | None = None

    def __call__(self):
        """Render the page header."""
        back = t'<a class="back" href={self.back_href}>← Back</a>' if self.back_href else ""
        subtitle = t'<p class="subtitle">{self.subtitle}</p>' if self.subtitle else ""
        buttons = [t'<button type="button">{action}</button>' for action in self.actions]
        return html(t"""
            <header class="page-header">
              {back}
              <div><h1>{self.title}</h1>{subtitle}</div>
              <div class="actions">{buttons}</div>
            </header>
        """)
