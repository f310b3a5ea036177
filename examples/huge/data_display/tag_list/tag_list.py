"""The tag list component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class TagList:
    """A row of tags, optionally removable one by one."""

    tags: tuple[str, ...] = ("python", "html", "templates")
    removable: bool = False
    label: str = "Tags"

    def __call__(self):
        """Render the tag list."""
        items = []
        for tag in self.tags:
            remove = (
                t'<button type="button" aria-label="Remove {tag}">×</button>'
                if self.removable
                else ""
            )
            items.append(t'<li class="tag">{tag}{remove}</li>')
        return html(t'<ul class="tag-list" aria-label={self.label}>{items}</ul>')
