"""The skip link component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class SkipLink:
    """A link for keyboard users to jump past the navigation."""

    target: str = "main"
    text: str = "Skip to main content"
    visible: bool = False

    def __call__(self):
        """Render the skip link."""
        classes = {"skip-link": True, "always-visible": self.visible}
        return html(t'<a class={classes} href="#{self.target}">{self.text}</a>')
