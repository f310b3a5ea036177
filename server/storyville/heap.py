"""Keep what malloc holds for freed memory small (glibc; elsewhere these do nothing).

After a full build both processes have freed megabytes that glibc keeps for reuse: at 3,000
stories about 7 MB in the build host and 5 MB in the supervisor, which received the build's
reports. `malloc_trim` returns them. And glibc gives each new thread that allocates its own
arena, up to eight a core: the build host runs each save's interpreter on a new thread, so
over a few hundred saves its arenas fragmented and its RSS grew by a fifth at 3,000 stories.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def trim() -> None:
    """After full builds only: ~0.1 ms, plus ~2 ms the first time (loading ctypes). The
    build host trims after its reply is sent; the supervisor before it passes the result on."""
    if malloc_trim := _libc("malloc_trim"):
        malloc_trim(0)


def share_arenas(count: int = 2) -> None:
    """At most `count` malloc arenas for the threads started after this (M_ARENA_MAX)."""
    if mallopt := _libc("mallopt"):
        mallopt(_M_ARENA_MAX, count)


@cache
def _libc(name: str) -> Callable[..., int] | None:
    import ctypes  # only when first used: not on every start-up

    try:
        return getattr(ctypes.CDLL(None), name)
    except AttributeError, OSError, TypeError:  # not glibc (Windows has no CDLL(None))
        return None
