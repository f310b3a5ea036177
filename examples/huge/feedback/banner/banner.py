"""The banner component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Banner:
    """A full-width announcement strip at the top of the page."""

    text: str = "We've updated our privacy policy."
    link_text: str | None = "Read what changed"
    href: str = "/privacy"
    tone: str = "neutral"

    def __call__(self):
        """Render the banner."""
        link = t"<a href={self.href}>{self.link_text}</a>" if self.link_text else ""
        return html(t"""
            <div class="banner banner-{self.tone}" role="region" aria-label="Announcement">
              <p>{self.text} {link}</p>
            </div>
        """)
