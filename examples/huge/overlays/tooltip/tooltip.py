"""The tooltip component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Tooltip:
    """A short hint attached to a control with aria-describedby."""

    trigger: str = "Hover me"
    text: str = "More information"
    placement: str = "top"
    tip_id: str = "tip-1"

    def __call__(self):
        """Render the tooltip."""
        return html(t"""
            <span class="tooltip-wrap">
              <button type="button" aria-describedby={self.tip_id}>{self.trigger}</button>
              <span role="tooltip" id={self.tip_id} class="tooltip tooltip-{self.placement}">
                {self.text}
              </span>
            </span>
        """)
