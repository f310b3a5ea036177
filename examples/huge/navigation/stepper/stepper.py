"""The stepper component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Stepper:
    """Numbered steps of a wizard, with finished steps ticked off."""

    steps: tuple[str, ...] = ("Account", "Profile", "Confirm")
    current: int = 0

    def __call__(self):
        """Render the stepper."""
        items = []
        for index, step in enumerate(self.steps):
            if index < self.current:
                state, marker = "done", "✓"
            elif index == self.current:
                state, marker = "current", str(index + 1)
            else:
                state, marker = "todo", str(index + 1)
            here = "step" if state == "current" else None
            label = f"{marker} {step}"
            items.append(t'<li class="step step-{state}" aria-current={here}>{label}</li>')
        return html(t'<ol class="stepper" aria-label="Progress">{items}</ol>')
