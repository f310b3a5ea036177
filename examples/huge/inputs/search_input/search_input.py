"""The search input component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class SearchInput:
    """A search box in a search landmark, with optional suggestions."""

    placeholder: str = "Search…"
    query: str = ""
    suggestions: tuple[str, ...] = ()
    action: str = "/search"

    def __call__(self):
        """Render the search input."""
        options = [t"<option value={suggestion}></option>" for suggestion in self.suggestions]
        list_id = "search-suggestions" if self.suggestions else None
        datalist = t"<datalist id={list_id}>{options}</datalist>" if self.suggestions else ""
        return html(t"""
            <form role="search" class="search" action={self.action}>
              <input type="search" name="q" value={self.query} placeholder={self.placeholder}
                aria-label="Search" list={list_id} />
              {datalist}
              <button type="submit">Search</button>
            </form>
        """)
