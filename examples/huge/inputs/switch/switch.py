"""The switch component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Switch:
    """An on/off toggle built on a button with role=switch."""

    label: str = "Dark mode"
    on: bool = False
    disabled: bool = False
    on_text: str = "On"
    off_text: str = "Off"

    def __call__(self):
        """Render the switch."""
        state = self.on_text if self.on else self.off_text
        checked = {"checked": self.on}
        return html(t"""
            <button type="button" role="switch" class="switch" aria={checked}
              disabled={self.disabled}>
              <span class="switch-label">{self.label}</span>
              <span class="switch-state" aria-hidden="true">{state}</span>
            </button>
        """)
