"""The command palette component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class CommandPalette:
    """A search box for commands, with the highlighted result announced."""

    query: str = "sett"
    results: tuple[str, ...] = ("Open settings", "Sync settings", "Reset settings")
    highlighted: int = 0

    def __call__(self):
        """Render the command palette."""
        options = []
        for index, result in enumerate(self.results):
            chosen = {"selected": index == self.highlighted}
            options.append(t'<li role="option" id="cmd-{index}" aria={chosen}>{result}</li>')
        active = f"cmd-{self.highlighted}" if self.results else None
        nothing = f"No commands match “{self.query}”"
        empty = t'<p class="empty">{nothing}</p>' if not self.results else ""
        return html(t"""
            <div class="command-palette" role="dialog" aria-label="Command palette">
              <input type="text" role="combobox" aria-expanded="true" aria-controls="cmd-list"
                aria-activedescendant={active} value={self.query}
                placeholder="Type a command…" />
              <ul id="cmd-list" role="listbox">{options}</ul>
              {empty}
            </div>
        """)
