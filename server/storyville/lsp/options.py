"""The language server's initialization options, validated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Options:
    package: str | None = None  # None: find the catalog in the workspace
    preview_port: int = 0
    use_subinterpreters: bool = True
    show_document: bool = True  # ask the client to open the preview (window/showDocument)
    with_assertions: bool = True
    time_limit: float = 30.0
    memory_limit: int | None = 4 * 2**30  # bytes; None: no limit


_FIELDS: dict[str, tuple[str, type | tuple[type, ...]]] = {
    "package": ("package", str),
    "previewPort": ("preview_port", int),
    "useSubinterpreters": ("use_subinterpreters", bool),
    "showDocument": ("show_document", bool),
    "withAssertions": ("with_assertions", bool),
    "timeLimit": ("time_limit", (int, float)),
    "memoryLimitMb": ("memory_limit", int),
}


def parse_options(raw: Any) -> tuple[Options, list[str]]:
    """Options from the client's JSON, and a message for each value that was ignored."""
    if raw is None or raw == []:  # Neovim 0.7 encodes an empty `init_options` table as []
        return Options(), []
    if not isinstance(raw, dict):
        return Options(), [f"initializationOptions must be an object, not {type(raw).__name__}"]
    values: dict[str, Any] = {}
    problems = []
    for key, value in raw.items():
        if key not in _FIELDS:
            problems.append(f"unknown initialization option {key!r} ignored")
            continue
        name, kind = _FIELDS[key]
        if value is None:
            continue
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            problems.append(f"initialization option {key!r} has the wrong type; ignored")
            continue
        values[name] = value
    port = values.get("preview_port", 0)
    if not 0 <= port <= 65535:
        problems.append(f"previewPort {port} is not a port; using 0")
        values["preview_port"] = 0
    if values.get("time_limit", 1) <= 0:
        problems.append(f"timeLimit {values.pop('time_limit')} is not a positive number of seconds")
    if "memory_limit" in values:
        megabytes = values.pop("memory_limit")
        if megabytes < 0:
            problems.append(f"memoryLimitMb {megabytes} is negative; using the default")
        else:
            values["memory_limit"] = megabytes * 2**20 or None
    if values.get("package") == "":
        del values["package"]
    return Options(**values), problems
