"""storyville.lsp.typing_syntax's debounce, and the "typing" share of a document's diagnostics."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types
from storyville.lsp.diagnostic_sets import DiagnosticSets
from storyville.lsp.typing_syntax import Debounce


class Clock:
    """A fake event loop: timers fire when time is advanced past them."""

    def __init__(self) -> None:
        self.now = 0.0
        self.timers: list[Timer] = []

    def later(self, delay: float, callback: Callable[[], None]) -> Timer:
        timer = Timer(self.now + delay, callback)
        self.timers.append(timer)
        return timer

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while due := sorted((t for t in self.timers if t.at <= end), key=lambda t: t.at):
            timer = due[0]
            self.timers.remove(timer)
            self.now = timer.at
            if not timer.cancelled:
                timer.callback()
        self.now = end


class Timer:
    def __init__(self, at: float, callback: Callable[[], None]) -> None:
        self.at, self.callback, self.cancelled = at, callback, False

    def cancel(self) -> None:
        self.cancelled = True


def debounce(clock: Clock, ran: list[tuple[float, str]]) -> Debounce[str]:
    return Debounce(
        lambda key: ran.append((clock.now, key)),
        0.3,
        1.0,
        later=clock.later,
        clock=lambda: clock.now,
    )


def test_runs_once_after_the_last_change_has_rested() -> None:
    clock, ran = Clock(), []
    d = debounce(clock, ran)
    for _ in range(3):
        d.poke("a")
        clock.advance(0.1)
    assert ran == []
    clock.advance(0.3)
    assert ran == [(0.5, "a")]  # 0.3 s after the third change, at 0.2
    assert d.pending() == set()


def test_continuous_typing_is_checked_at_least_every_max_wait() -> None:
    clock, ran = Clock(), []
    d = debounce(clock, ran)
    for _ in range(20):  # a change every 0.25 s for 5 s: never 0.3 s of rest
        d.poke("a")
        clock.advance(0.25)
    assert [t for t, _ in ran] == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_documents_wait_apart_and_cancel_drops_one() -> None:
    clock, ran = Clock(), []
    d = debounce(clock, ran)
    d.poke("a")
    clock.advance(0.2)
    d.poke("b")
    d.cancel("a")  # saved: no check of its text
    d.cancel("c")  # never poked: nothing happens
    clock.advance(1)
    assert ran == [(0.5, "b")]


def diagnostic(message: str, code: str) -> types.Diagnostic:
    return types.Diagnostic(
        types.Range(types.Position(0, 0), types.Position(0, 1)), message, code=code
    )


def test_typing_share_hides_the_saves_syntax_error_until_saved_again() -> None:
    sent: list[list[str]] = []
    sets = DiagnosticSets(lambda uri, found: sent.append([d.message for d in found]))
    on_save = diagnostic("saved syntax", "syntax-error")
    assertion = diagnostic("assertion", "assertion-failed")
    sets.replace("build", {"a": [on_save, assertion]})
    sets.typing("a", [])  # the text typed since parses: the save's syntax error is old
    sets.typing("a", [diagnostic("typed syntax", "syntax-error")])
    sets.typing("a", [diagnostic("typed syntax", "syntax-error")])  # the same: not sent again
    sets.typing("a", [])
    sets.typing("a", None)  # saved: the save's check speaks again
    assert sent == [
        ["saved syntax", "assertion"],
        ["assertion"],
        ["assertion", "typed syntax"],
        ["assertion"],
        ["saved syntax", "assertion"],
    ]
