"""The shipping option component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ShippingOption:
    """Delivery choices as radio buttons, each with its speed and cost."""

    options: tuple[tuple[str, str, float], ...] = (
        ("Standard", "3–5 working days", 4.95),
        ("Express", "Next working day", 9.95),
        ("Collect", "From a pickup point", 0.0),
    )
    selected: str = "Standard"

    def __call__(self):
        """Render the shipping option."""
        choices = []
        for name, eta, cost in self.options:
            price = f"€{cost:.2f}" if cost else "Free"
            value = name.lower()
            checked = name == self.selected
            choices.append(
                t"""<label class="shipping-option">
                    <input type="radio" name="shipping" value={value} checked={checked} />
                    <span class="name">{name}</span> <span class="eta">{eta}</span>
                    <span class="cost">{price}</span>
                  </label>"""
            )
        return html(t"""
            <fieldset class="shipping-options">
              <legend>Delivery</legend>
              {choices}
            </fieldset>
        """)
