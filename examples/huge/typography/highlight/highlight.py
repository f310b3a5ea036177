"""The highlight component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Highlight:
    """Text with every occurrence of a search term marked."""

    text: str = "Storyville renders every story of every component."
    term: str = "story"
    case_sensitive: bool = False

    def __call__(self):
        """Render the highlight."""
        haystack = self.text if self.case_sensitive else self.text.lower()
        needle = self.term if self.case_sensitive else self.term.lower()
        parts = []
        start = 0
        while needle and (found := haystack.find(needle, start)) != -1:
            end = found + len(needle)
            parts.append(t"{self.text[start:found]}<mark>{self.text[found:end]}</mark>")
            start = end
        parts.append(t"{self.text[start:]}")
        return html(t'<p class="highlight">{parts}</p>')
