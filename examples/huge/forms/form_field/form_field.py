"""The form field component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class FormField:
    """A labelled input with an optional hint and error, wired up with ARIA."""

    label: str = "Email"
    name: str = "email"
    kind: str = "text"
    value: str = ""
    hint: str | None = None
    error: str | None = None
    required: bool = False

    def __call__(self):
        """Render the form field."""
        hint_id, error_id = f"{self.name}-hint", f"{self.name}-error"
        hint = t'<p class="hint" id={hint_id}>{self.hint}</p>' if self.hint else ""
        error = t'<p class="error" id={error_id}>{self.error}</p>' if self.error else ""
        notes = ((hint_id, self.hint), (error_id, self.error))
        described_by = " ".join(note_id for note_id, text in notes if text)
        classes = {"field": True, "has-error": bool(self.error)}
        invalid = "true" if self.error else None
        marker = t'<abbr title="required">*</abbr>' if self.required else ""
        return html(t"""
            <div class={classes}>
              <label for={self.name}>{self.label} {marker}</label>
              <input id={self.name} name={self.name} type={self.kind} value={self.value}
                required={self.required} aria-invalid={invalid}
                aria-describedby={described_by or None} />
              {hint}{error}
            </div>
        """)
