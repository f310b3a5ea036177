from dataclasses import dataclass

from tdom import html


@dataclass
class Greeting:
    """Says hello to someone."""

    name: str = "World"

    def __call__(self):
        return html(t'<p class="greeting">Hello, {self.name}!</p>')
