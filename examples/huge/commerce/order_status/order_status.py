"""The order status component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class OrderStatus:
    """An order's progress from placed to delivered, with tracking details."""

    number: str = "A-10427"
    status: str = "shipped"
    carrier: str | None = "DHL"
    tracking: str | None = "JD014600006281234"

    def __call__(self):
        """Render the order status."""
        stages = ("placed", "packed", "shipped", "delivered")
        reached = stages.index(self.status) if self.status in stages else -1
        track = []
        for index, stage in enumerate(stages):
            state = {"stage": True, "reached": index <= reached}
            track.append(t"<li class={state}>{stage.capitalize()}</li>")
        code = t"<code>{self.tracking}</code>"
        tracking = t"<p>Tracking: {self.carrier} {code}</p>" if self.tracking else ""
        cancelled = (
            t'<p class="cancelled" role="status">This order was cancelled.</p>'
            if self.status == "cancelled"
            else ""
        )
        return html(t"""
            <section class="order-status">
              <h3>Order {self.number}</h3>
              <ol class="stages">{track}</ol>
              {tracking}{cancelled}
            </section>
        """)
