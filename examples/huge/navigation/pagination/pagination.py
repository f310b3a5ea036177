"""The pagination component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Pagination:
    """Previous and next links around a window of page numbers."""

    page: int = 1
    total_pages: int = 10
    window: int = 2
    base_url: str = "?page="

    def __call__(self):
        """Render the pagination."""
        first = max(1, self.page - self.window)
        last = min(self.total_pages, self.page + self.window)
        items = []
        for number in range(first, last + 1):
            current = "page" if number == self.page else None
            url = f"{self.base_url}{number}"
            items.append(t"<li><a href={url} aria-current={current}>{number}</a></li>")
        before = {"disabled": self.page <= 1}
        after = {"disabled": self.page >= self.total_pages}
        return html(t"""
            <nav class="pagination" aria-label="Pagination">
              <a rel="prev" href="{self.base_url}{self.page - 1}" aria={before}>Previous</a>
              <ol>{items}</ol>
              <a rel="next" href="{self.base_url}{self.page + 1}" aria={after}>Next</a>
            </nav>
        """)
