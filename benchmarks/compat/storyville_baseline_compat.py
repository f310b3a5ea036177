"""Loaded (via a .pth file) only in the Storyville 0.1.1 baseline environment.

On Python 3.14.10, `HTMLParser.feed()` may keep the tail of its input pending until
`close()`. tdom 0.1.13's `TemplateParser.close()` validates the parse (open tags, unused
placeholders) before calling `HTMLParser.close()`, so that tail is never parsed and every
template ending in an interpolated attribute fails. Flushing first, then validating, lets
Storyville 0.1.1 run here, so it can be measured beside storyville in the same run.
"""

from html.parser import HTMLParser

from tdom import parser


def _close_then_validate(self: parser.TemplateParser) -> None:
    HTMLParser.close(self)
    if self.stack:
        raise ValueError("Invalid HTML structure: unclosed tags remain.")
    if not self.placeholders.is_empty:
        raise ValueError("Some placeholders were never resolved.")


parser.TemplateParser.close = _close_then_validate  # type: ignore[method-assign]
