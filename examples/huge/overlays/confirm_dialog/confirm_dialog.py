"""The confirm dialog component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ConfirmDialog:
    """An alert dialog for destructive actions, optionally asking to type a name."""

    action: str = "Delete repository"
    consequence: str = "This cannot be undone. Issues and pull requests will be lost."
    confirm_text: str | None = None

    def __call__(self):
        """Render the confirm dialog."""
        guard = (
            t"""<label>Type <strong>{self.confirm_text}</strong> to confirm
                <input name="confirm" autocomplete="off" pattern={self.confirm_text} required />
              </label>"""
            if self.confirm_text
            else ""
        )
        return html(t"""
            <div class="confirm" role="alertdialog" aria-modal="true"
              aria-labelledby="confirm-title">
              <h2 id="confirm-title">{self.action}?</h2>
              <p>{self.consequence}</p>
              {guard}
              <button type="button">Cancel</button>
              <button type="submit" class="danger">{self.action}</button>
            </div>
        """)
