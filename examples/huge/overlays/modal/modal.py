"""The modal component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Modal:
    """A dialog asking the user to confirm or cancel."""

    title: str = "Delete file?"
    body: str = "The file will stay in the bin for 30 days."
    confirm: str = "Delete"
    cancel: str = "Cancel"
    expanded: bool = True
    size: str = "md"

    def __call__(self):
        """Render the modal."""
        return html(t"""
            <dialog class="modal modal-{self.size}" open={self.expanded}
              aria-labelledby="modal-title">
              <h2 id="modal-title">{self.title}</h2>
              <p>{self.body}</p>
              <form method="dialog" class="modal-actions">
                <button value="cancel">{self.cancel}</button>
                <button value="confirm" class="primary">{self.confirm}</button>
              </form>
            </dialog>
        """)
