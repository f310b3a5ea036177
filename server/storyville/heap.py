"""Give memory that Python freed but malloc still holds back to the system.

After a full build both processes have freed megabytes that glibc keeps for reuse: at 3,000
stories about 7 MB in the build host and 5 MB in the supervisor, which received the build's
reports. `malloc_trim` returns them; elsewhere (not glibc) this does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache


def trim() -> None:
    """A few milliseconds at 3,000 stories: after full builds only, off a save's path."""
    if release := _malloc_trim():
        release(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes  # only once a build is done: not on every start-up

    try:
        return ctypes.CDLL(None).malloc_trim
    except AttributeError, OSError, TypeError:  # not glibc (Windows has no CDLL(None))
        return None
