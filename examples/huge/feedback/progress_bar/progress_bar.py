"""The progress bar component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ProgressBar:
    """A labelled progress bar with an optional percentage."""

    value: float = 40
    maximum: float = 100
    label: str = "Uploading"
    show_percent: bool = True

    def __call__(self):
        """Render the progress bar."""
        percent = round(100 * self.value / self.maximum)
        text = t'<span class="progress-percent">{percent}%</span>' if self.show_percent else ""
        return html(t"""
            <div class="progress">
              <label>{self.label}
                <progress value={self.value} max={self.maximum}>{percent}%</progress>
              </label>
              {text}
            </div>
        """)
