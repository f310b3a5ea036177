"""The error summary component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ErrorSummary:
    """A list of form errors at the top of the page, each linking to its field."""

    title: str = "There is a problem"
    errors: tuple[tuple[str, str], ...] = (("email", "Enter an email address"),)

    def __call__(self):
        """Render the error summary."""
        links = [t'<li><a href="#{field}">{message}</a></li>' for field, message in self.errors]
        return html(t"""
            <div class="error-summary" role="alert" tabindex="-1">
              <h2>{self.title}</h2>
              <ul>{links}</ul>
            </div>
        """)
