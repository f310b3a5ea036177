"""The navbar component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Navbar:
    """The site header: brand, main links and the account entry point."""

    brand: str = "Acme"
    links: tuple[str, ...] = ("Products", "Pricing", "Docs", "Blog")
    active: str | None = None
    signed_in: bool = False

    def __call__(self):
        """Render the navbar."""
        items = []
        for link in self.links:
            current = "page" if link == self.active else None
            href = "/" + link.lower()
            items.append(t"<li><a href={href} aria-current={current}>{link}</a></li>")
        account = (
            t'<a class="avatar-link" href="/account">My account</a>'
            if self.signed_in
            else t'<a class="btn" href="/login">Sign in</a>'
        )
        return html(t"""
            <header class="navbar">
              <a class="brand" href="/">{self.brand}</a>
              <nav aria-label="Main"><ul>{items}</ul></nav>
              {account}
            </header>
        """)
