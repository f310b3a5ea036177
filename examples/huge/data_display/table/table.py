"""The table component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Table:
    """A captioned data table with header cells and an empty state."""

    caption: str = "Team members"
    columns: tuple[str, ...] = ("Name", "Role", "Location")
    rows: tuple[tuple[str, ...], ...] = (
        ("Ada Lovelace", "Engineer", "London"),
        ("Grace Hopper", "Admiral", "Arlington"),
    )
    striped: bool = True

    def __call__(self):
        """Render the table."""
        head = [t'<th scope="col">{column}</th>' for column in self.columns]
        body = [t"<tr>{[t'<td>{cell}</td>' for cell in row]}</tr>" for row in self.rows]
        if not self.rows:
            body = [t"<tr><td colspan={len(self.columns)}>Nothing to show</td></tr>"]
        classes = {"table": True, "table-striped": self.striped}
        return html(t"""
            <table class={classes}>
              <caption>{self.caption}</caption>
              <thead><tr>{head}</tr></thead>
              <tbody>{body}</tbody>
            </table>
        """)
