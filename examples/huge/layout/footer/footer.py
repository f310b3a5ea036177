"""The footer component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Footer:
    """The bottom of every page: links, social profiles and the copyright line."""

    company: str = "Acme Inc."
    year: int = 2025
    links: tuple[str, ...] = ("Privacy", "Terms", "Contact")
    show_social: bool = False

    def __call__(self):
        """Render the footer."""
        items = [t'<li><a href="/{link.lower()}">{link}</a></li>' for link in self.links]
        social = (
            t'<p class="social"><a href="#mastodon">Mastodon</a></p>' if self.show_social else ""
        )
        return html(t"""
            <footer class="site-footer">
              <ul class="footer-links">{items}</ul>
              {social}
              <p>© {self.year} {self.company}</p>
            </footer>
        """)
