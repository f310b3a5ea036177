"""The host settles memory after each full build without keeping the last build's garbage."""

from __future__ import annotations

import gc
import weakref

from storyville.host import memory


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the garbage collector frees it


def test_what_a_full_build_left_is_frozen_and_freed_by_the_next_one() -> None:
    try:
        kept = Node()
        memory.settle()
        assert gc.get_freeze_count() > 0
        alive = weakref.ref(kept)
        del kept
        gc.collect()
        assert alive() is not None  # frozen: later collections do not walk it
        memory.settle()  # the next full build
        assert alive() is None
    finally:
        gc.unfreeze()
