"""The stack component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class Stack:
    """Children in a row or a column with even spacing."""

    direction: str = "vertical"
    gap: int = 8
    align: str = "stretch"
    items: tuple[str, ...] = ("First", "Second", "Third")
    divided: bool = False

    def __call__(self):
        """Render the stack."""
        style = {
            "display": "flex",
            "flex-direction": "column" if self.direction == "vertical" else "row",
            "gap": f"{self.gap}px",
            "align-items": self.align,
        }
        classes = {"stack": True, "stack-divided": self.divided}
        children = [t"<div>{item}</div>" for item in self.items]
        return html(t"<div class={classes} style={style}>{children}</div>")
