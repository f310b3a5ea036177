"""The contact form component."""

from dataclasses import dataclass

from tdom import html


@dataclass
class ContactForm:
    """Name, email, topic and message, with an optional phone field."""

    topics: tuple[str, ...] = ("Sales", "Support", "Press")
    selected_topic: str = "Support"
    max_length: int = 500
    show_phone: bool = False

    def __call__(self):
        """Render the contact form."""
        options = [
            t"<option selected={topic == self.selected_topic}>{topic}</option>"
            for topic in self.topics
        ]
        tel = t'<label>Phone <input type="tel" name="phone" /></label>'
        phone = tel if self.show_phone else ""
        return html(t"""
            <form class="contact" method="post" action="/contact">
              <label>Name <input name="name" autocomplete="name" required /></label>
              <label>Email <input type="email" name="email" required /></label>
              {phone}
              <label>Topic <select name="topic">{options}</select></label>
              <label>Message
                <textarea name="message" rows="5" maxlength={self.max_length}></textarea>
              </label>
              <button type="submit">Send message</button>
            </form>
        """)
