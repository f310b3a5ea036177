"""Text a catalog hands us that UTF-8 cannot encode: lone surrogates, shown as U+FFFD.

Python strings may hold surrogate code points (`"\\ud800"`, or a UTF-16 pair written as two
escapes) that no page, JSON message or pipe can encode. What the user's code produced is
cleaned once, where it leaves their code, so every page and message downstream encodes.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SURROGATES = re.compile("[\ud800-\udfff]+")


def surrogates(text: str) -> list[str]:
    """Each run of surrogates in `text`, in order (none for the usual, encodable text)."""
    return [] if text.isascii() else _SURROGATES.findall(text)


def encodable(text: str) -> str:
    """`text` with each surrogate replaced by U+FFFD."""
    return text if text.isascii() else _SURROGATES.sub(lambda m: REPLACEMENT * len(m[0]), text)


def utf8(text: str) -> bytes:
    """UTF-8 bytes of `text`; a surrogate that got this far becomes U+FFFD, never an error."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        return encodable(text).encode()


def meant(run: str) -> str | None:
    """What a run of surrogates written as UTF-16 pairs stands for (`"\\ud83d\\ude00"` is 😀),
    or None when it holds a lone one."""
    try:
        return run.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return None
