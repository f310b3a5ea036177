"""The radio group component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class RadioGroup:
    """A set of mutually exclusive options under a legend."""

    name: str = "size"
    legend: str = "Size"
    options: tuple[tuple[str, str], ...] = (("s", "Small"), ("m", "Medium"), ("l", "Large"))
    value: str = "m"
    inline: bool = True

    def __call__(self):
        """Render the radio group."""
        radios = [
            t"""<label><input type="radio" name={self.name} value={key}
                checked={key == self.value} /> {text}</label>"""
            for key, text in self.options
        ]
        classes = {"radio-group": True, "inline": self.inline}
        return html(t"""
            <fieldset class={classes}>
              <legend>{self.legend}</legend>
              {radios}
            </fieldset>
        """)
