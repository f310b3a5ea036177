"""The text input component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class TextInput:
    """A single-line text box with a label and an optional character counter."""

    name: str = "title"
    label: str = "Title"
    value: str = ""
    placeholder: str = ""
    required: bool = False
    readonly: bool = False
    max_length: int | None = None

    def __call__(self):
        """Render the text input."""
        counter = (
            t'<small class="counter">{len(self.value)}/{self.max_length}</small>'
            if self.max_length
            else ""
        )
        return html(t"""
            <label class="text-input">
              <span>{self.label}</span>
              <input type="text" name={self.name} value={self.value}
                placeholder={self.placeholder or None} required={self.required}
                readonly={self.readonly} maxlength={self.max_length} />
              {counter}
            </label>
        """)
