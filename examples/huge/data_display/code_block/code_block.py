"""The code block component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class CodeBlock:
    """A block of source code, optionally titled with its file name."""

    lines: tuple[str, ...] = ("print('hello, world')",)
    language: str = "python"
    filename: str | None = None

    def __call__(self):
        """Render the code block."""
        caption = t"<figcaption>{self.filename}</figcaption>" if self.filename else ""
        source = "\n".join(self.lines)
        return html(t"""
            <figure class="code-block">
              {caption}
              <pre><code class="language-{self.language}">{source}</code></pre>
            </figure>
        """)
