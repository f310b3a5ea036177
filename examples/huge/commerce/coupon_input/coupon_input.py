"""The coupon input component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class CouponInput:
    """A discount code box that shows errors and the applied discount."""

    code: str = ""
    applied: bool = False
    error: str | None = None
    discount_text: str = "10% off"

    def __call__(self):
        """Render the coupon input."""
        if self.applied:
            return html(t"""
                <div class="coupon coupon-applied" role="status">
                  <span>Code <strong>{self.code}</strong> applied: {self.discount_text}</span>
                  <button type="button">Remove</button>
                </div>
            """)
        error_id = "coupon-error" if self.error else None
        invalid = "true" if self.error else None
        error = t'<p id={error_id} class="error">{self.error}</p>' if self.error else ""
        return html(t"""
            <form class="coupon">
              <label for="coupon">Discount code</label>
              <input id="coupon" name="coupon" value={self.code} aria-invalid={invalid}
                aria-describedby={error_id} />
              <button type="submit">Apply</button>
              {error}
            </form>
        """)
