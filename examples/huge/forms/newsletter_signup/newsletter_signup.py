"""The newsletter signup component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class NewsletterSignup:
    """A short pitch and an email box, replaced by a thank-you once subscribed."""

    heading: str = "Get the weekly digest"
    blurb: str = "One email a week. No spam, unsubscribe any time."
    placeholder: str = "you@example.com"
    subscribed: bool = False

    def __call__(self):
        """Render the newsletter signup."""
        if self.subscribed:
            body = t'<p role="status">Thanks! Check your inbox to confirm.</p>'
        else:
            body = t"""<form method="post" action="/newsletter">
                  <input type="email" name="email" placeholder={self.placeholder} required />
                  <button type="submit">Subscribe</button>
                </form>"""
        return html(t"""
            <section class="newsletter">
              <h2>{self.heading}</h2>
              <p>{self.blurb}</p>
              {body}
            </section>
        """)
