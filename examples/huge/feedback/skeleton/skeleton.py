"""The skeleton component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Skeleton:
    """Grey placeholder shapes shown while content loads."""

    lines: int = 3
    avatar: bool = False
    animated: bool = True

    def __call__(self):
        """Render the skeleton."""
        widths = (100, 92, 76, 88, 60)
        bars = [
            t'<span class="skeleton-line" style="width: {widths[i % len(widths)]}%"></span>'
            for i in range(self.lines)
        ]
        avatar = t'<span class="skeleton-avatar"></span>' if self.avatar else ""
        classes = {"skeleton": True, "animated": self.animated}
        return html(t"""
            <div class={classes} aria-busy="true" aria-label="Loading">{avatar}{bars}</div>
        """)
