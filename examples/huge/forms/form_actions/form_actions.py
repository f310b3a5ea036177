"""The form actions component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class FormActions:
    """The buttons that end a form: submit, cancel and perhaps a destructive action."""

    primary: str = "Save"
    secondary: str | None = "Cancel"
    destructive: str | None = None
    align: str = "end"

    def __call__(self):
        """Render the form actions."""
        secondary = (
            t'<a class="btn btn-link" href="..">{self.secondary}</a>' if self.secondary else ""
        )
        danger = (
            t'<button type="button" class="btn btn-danger">{self.destructive}</button>'
            if self.destructive
            else ""
        )
        return html(t"""
            <div class="form-actions form-actions-{self.align}">
              {danger}
              {secondary}
              <button type="submit" class="btn btn-primary">{self.primary}</button>
            </div>
        """)
