"""The split pane component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class SplitPane:
    """A sidebar and a main area side by side, the sidebar on either side."""

    sidebar: str = "Navigation"
    main: str = "Content"
    sidebar_width: int = 30
    sidebar_side: str = "left"

    def __call__(self):
        """Render the split pane."""
        aside = t'<aside class="pane">{self.sidebar}</aside>'
        main = t'<main class="pane">{self.main}</main>'
        if self.sidebar_side == "left":
            columns, panes = f"{self.sidebar_width}% 1fr", [aside, main]
        else:
            columns, panes = f"1fr {self.sidebar_width}%", [main, aside]
        return html(t"""
            <div class="split" style="display: grid; grid-template-columns: {columns}">
              {panes}
            </div>
        """)
