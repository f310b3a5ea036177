"""A build host's death, told at the user's line: exit statuses and faulthandler text.

faulthandler writes a dying thread's Python frames (most recent first) as
`  File "/path/x.py", line 2 in render`; the innermost frame in the user's files is where
the editor should point. Shared by the host (a stuck thread's stack) and its supervisor
(a crash).
"""

from __future__ import annotations

import re
import signal
from dataclasses import dataclass

from storyville.catalog.files import UserFiles
from storyville.catalog.source import SourceRef
from storyville.results import BuildError, ErrorKind

_FRAME = re.compile(r'^\s*File "(?P<file>.+)", line (?P<line>\d+) in (?P<function>.*)$')
_NAMES = {
    signal.SIGSEGV: "segmentation fault",
    signal.SIGBUS: "bus error",
    signal.SIGILL: "illegal instruction",
    signal.SIGFPE: "floating-point exception",
    signal.SIGABRT: "abort",
    signal.SIGKILL: "killed",
    signal.SIGTERM: "terminated",
}


@dataclass(frozen=True, slots=True)
class StackFrame:
    file: str
    line: int
    function: str


def first_stack(text: str) -> list[StackFrame]:
    """The frames of the thread that crashed: faulthandler's "Current thread" block, else
    the first block (a dump asked of one thread, or os._exit's note)."""
    blocks: list[tuple[bool, list[StackFrame]]] = []
    for line in text.splitlines():
        if (match := _FRAME.match(line)) is not None:
            if not blocks:
                blocks.append((False, []))
            blocks[-1][1].append(StackFrame(match["file"], int(match["line"]), match["function"]))
        elif line.startswith(("Current thread", "Thread 0x", "Stack (")):
            blocks.append((line.startswith("Current thread"), []))
    current = [frames for is_current, frames in blocks if is_current and frames]
    others = [frames for _, frames in blocks if frames]
    return (current or others or [[]])[0]


def user_frame(text: str, user: UserFiles) -> SourceRef | None:
    """The innermost frame of the user's code in a faulthandler dump."""
    for frame in first_stack(text):
        if frame.file in user:
            return SourceRef(frame.file, frame.line, 0)
    return None


def how_it_died(returncode: int) -> str:
    """`segmentation fault (SIGSEGV)` for -11, `exit status 3` for 3."""
    if returncode < 0:
        try:
            number = signal.Signals(-returncode)
        except ValueError:
            return f"signal {-returncode}"
        name = _NAMES.get(number) or signal.strsignal(number) or number.name
        return f"{name.lower()} ({number.name})"
    return f"exit status {returncode}"


def crash_error(returncode: int, dump: str, activity: str, user: UserFiles) -> BuildError:
    """What the editor shows when the build host died during a build."""
    where = user_frame(dump, user)
    during = f" while {activity}" if activity else ""
    exited = re.search(r"the build called os\._exit\((-?\d+)\)", dump)
    if exited is not None or (returncode >= 0 and "os._exit" in dump):
        status = exited[1] if exited is not None else str(returncode)
        message = f"the build called os._exit({status}){during}"
    else:
        message = f"build crashed: {how_it_died(returncode)}{during}"
    if where is not None:
        message += f" — {_short(where.file, user)}:{where.line}"
    module = activity.removeprefix("importing ") if activity.startswith("importing ") else None
    return BuildError(
        ErrorKind.CRASH, message, where, "crash", story=_story(activity), module=module
    )


def _story(activity: str) -> str | None:
    return activity.removeprefix("rendering ") if activity.startswith("rendering ") else None


def _short(file: str, user: UserFiles) -> str:
    """The file as the user sees it: relative to its workspace root."""
    for root in user.roots:
        if file.startswith(root):
            return file[len(root) :]
    return file
