"""The avatar stack component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class AvatarStack:
    """Overlapping initials for a group of people, with a count of the rest."""

    names: tuple[str, ...] = ("Ada Lovelace", "Grace Hopper", "Alan Turing")
    max_visible: int = 3

    def __call__(self):
        """Render the avatar stack."""
        shown = self.names[: self.max_visible]
        hidden = len(self.names) - len(shown)
        faces = []
        for name in shown:
            initials = "".join(part[0] for part in name.split()[:2])
            faces.append(t"<li title={name}>{initials}</li>")
        more = t'<li class="more">+{hidden}</li>' if hidden else ""
        return html(t"""
            <ul class="avatar-stack" aria-label="{len(self.names)} people">{faces}{more}</ul>
        """)
