"""The accordion component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Accordion:
    """Questions that expand to show their answers, one open at a time."""

    items: tuple[tuple[str, str], ...] = (
        ("What is Storyville?", "A catalog of your components and their stories."),
        ("Does it need JavaScript?", "No. The pages are static HTML."),
    )
    open_index: int | None = 0
    exclusive: bool = True

    def __call__(self):
        """Render the accordion."""
        name = "accordion" if self.exclusive else None
        panels = [
            t"""<details name={name} open={index == self.open_index}>
                <summary>{question}</summary><p>{answer}</p>
              </details>"""
            for index, (question, answer) in enumerate(self.items)
        ]
        return html(t'<div class="accordion">{panels}</div>')
