"""The tabs component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Tabs:
    """A tab list that switches between panels, with roving tabindex."""

    labels: tuple[str, ...] = ("Overview", "Specs", "Reviews")
    active: int = 0
    panel: str = "Everything you need to know, at a glance."

    def __call__(self):
        """Render the tabs."""
        tabs = []
        for index, label in enumerate(self.labels):
            is_active = index == self.active
            aria = {"selected": is_active, "controls": "tab-panel"}
            tabs.append(
                t"""<button type="button" role="tab" aria={aria}
                    tabindex={0 if is_active else -1}>{label}</button>"""
            )
        current = self.labels[self.active]
        return html(t"""
            <div class="tabs">
              <div role="tablist" aria-label="Sections">{tabs}</div>
              <section id="tab-panel" role="tabpanel" aria-label={current}>
                {self.panel}
              </section>
            </div>
        """)
