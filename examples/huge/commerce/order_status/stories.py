"""Stories for the order status component."""

from storyville import Story, Subject

from examples.huge.commerce.order_status.order_status import OrderStatus


def this_subject() -> Subject:
    """The order status and its stories."""
    return Subject(
        title="Order status",
        description="An order's progress from placed to delivered, with tracking details.",
        target=OrderStatus,
        items=[
            Story(title="Shipped"),
            Story(
                title="Just placed",
                props={"number": "A-10431", "status": "placed", "carrier": None, "tracking": None},
            ),
            Story(
                title="Cancelled",
                description="A cancelled order reaches none of the stages.",
                props={"number": "A-10388", "status": "cancelled", "tracking": None},
            ),
        ],
    )
