"""The file input component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class FileInput:
    """A file chooser that lists the files already picked."""

    name: str = "attachment"
    label: str = "Attach a file"
    accept: str | None = None
    multiple: bool = False
    files: tuple[str, ...] = ()

    def __call__(self):
        """Render the file input."""
        chosen = (
            t'<ul class="file-list">{[t"<li>{file}</li>" for file in self.files]}</ul>'
            if self.files
            else t'<p class="file-empty">No file chosen</p>'
        )
        return html(t"""
            <div class="file-input">
              <label>{self.label}
                <input type="file" name={self.name} accept={self.accept}
                  multiple={self.multiple} />
              </label>
              {chosen}
            </div>
        """)
