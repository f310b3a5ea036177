"""The context menu component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ContextMenu:
    """A right-click menu with shortcuts, separators and disabled items."""

    items: tuple[tuple[str, str], ...] = (
        ("Cut", "Ctrl+X"),
        ("Copy", "Ctrl+C"),
        ("Paste", "Ctrl+V"),
    )
    disabled: tuple[str, ...] = ()
    x: int = 120
    y: int = 80

    def __call__(self):
        """Render the context menu."""
        entries = []
        for label, shortcut in self.items:
            if label == "-":
                entries.append(t'<li role="separator"></li>')
                continue
            off = {"disabled": label in self.disabled}
            entries.append(t'<li role="menuitem" aria={off}>{label} <kbd>{shortcut}</kbd></li>')
        position = f"left: {self.x}px; top: {self.y}px"
        return html(t'<ul class="context-menu" role="menu" style={position}>{entries}</ul>')
