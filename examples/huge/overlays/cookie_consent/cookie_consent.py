"""The cookie consent component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class CookieConsent:
    """The cookie banner: accept, reject or customise."""

    message: str = "We use cookies to understand how you use our site."
    policy_href: str = "/cookies"
    allow_customize: bool = True

    def __call__(self):
        """Render the cookie consent."""
        button = t'<button type="button" class="link">Customize</button>'
        customize = button if self.allow_customize else ""
        return html(t"""
            <div class="cookie-consent" role="dialog" aria-label="Cookie consent">
              <p>{self.message} <a href={self.policy_href}>Learn more</a></p>
              <div class="actions">
                <button type="button">Reject all</button>
                {customize}
                <button type="button" class="primary">Accept all</button>
              </div>
            </div>
        """)
