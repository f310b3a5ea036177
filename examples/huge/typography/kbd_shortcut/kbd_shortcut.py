"""The kbd shortcut component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class KbdShortcut:
    """A keyboard shortcut, with a Mac variant."""

    keys: tuple[str, ...] = ("Ctrl", "K")
    description: str | None = "Open the command palette"
    mac: bool = False

    def __call__(self):
        """Render the kbd shortcut."""
        parts = []
        for index, key in enumerate(self.keys):
            if index:
                parts.append(t"<span>+</span>")
            shown = "⌘" if self.mac and key == "Ctrl" else key
            parts.append(t"<kbd>{shown}</kbd>")
        label = t' <span class="label">{self.description}</span>' if self.description else ""
        return html(t'<span class="shortcut"><kbd class="combo">{parts}</kbd>{label}</span>')
