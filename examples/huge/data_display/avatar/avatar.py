"""The avatar component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Avatar:
    """A person's photo, or their initials when there is no photo."""

    name: str = "Ada Lovelace"
    image: str | None = None
    size: int = 40
    status: str | None = None

    def __call__(self):
        """Render the avatar."""
        initials = "".join(part[0] for part in self.name.split()[:2]).upper()
        face = (
            t'<img src={self.image} alt="" width={self.size} height={self.size} />'
            if self.image
            else t'<span class="initials" aria-hidden="true">{initials}</span>'
        )
        dot = t'<span class="presence presence-{self.status}"></span>' if self.status else ""
        return html(t"""
            <span class="avatar" role="img" aria-label={self.name}
              style="--size: {self.size}px">
              {face}{dot}
            </span>
        """)
