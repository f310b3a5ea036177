"""The language server's options, validated: the initialization options, and the same names
as settings (`workspace/didChangeConfiguration`, section `storyville`) while it runs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

# window/logMessage types by name: a message is sent when its type is at most the level's.
LOG_LEVELS = {"off": 0, "error": 1, "warning": 2, "info": 3, "log": 4}


@dataclass(frozen=True, slots=True)
class Options:
    package: str | None = None  # None: find the catalog in the workspace
    preview_port: int = 0
    use_subinterpreters: bool = True
    show_document: bool = True  # ask the client to open the preview (window/showDocument)
    with_assertions: bool = True
    time_limit: float = 30.0
    memory_limit: int | None = 4 * 2**30  # bytes; None: no limit
    log_level: str = "log"  # which window/logMessage messages are sent (LOG_LEVELS)


_FIELDS: dict[str, tuple[str, type | tuple[type, ...]]] = {
    "package": ("package", str),
    "previewPort": ("preview_port", int),
    "useSubinterpreters": ("use_subinterpreters", bool),
    "showDocument": ("show_document", bool),
    "withAssertions": ("with_assertions", bool),
    "timeLimit": ("time_limit", (int, float)),
    "memoryLimitMb": ("memory_limit", int),
    "logLevel": ("log_level", str),
}


def parse_options(raw: Any) -> tuple[Options, list[str]]:
    """Options from the client's JSON, and a message for each value that was ignored."""
    if raw is None or raw == []:  # Neovim 0.7 encodes an empty `init_options` table as []
        return Options(), []
    if not isinstance(raw, dict):
        return Options(), [f"initializationOptions must be an object, not {type(raw).__name__}"]
    values, problems = _values(raw, "initialization option", strict=True)
    return Options(**values), problems


def parse_settings(raw: Any, current: Options) -> tuple[Options, list[str]]:
    """`current` with the settings the client changed: the `storyville` section, under the
    initialization options' names (`previewPort`) or nested as VS Code sends them
    (`preview.port`). A setting absent or null keeps its value; settings the server does not
    know (the editor's own, such as VS Code's `interpreter`) are left to the editor."""
    if not isinstance(raw, dict):
        return current, [f"the storyville settings must be an object, not {type(raw).__name__}"]
    values, problems = _values(_flatten(raw), "setting", strict=False)
    return replace(current, **values), problems


def _flatten(raw: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """`{"preview": {"port": 1}}` → `{"previewPort": 1}`."""
    flat: dict[str, Any] = {}
    for key, value in raw.items():
        name = prefix + key[:1].upper() + key[1:] if prefix else key
        if isinstance(value, dict) and name not in _FIELDS:
            flat |= _flatten(value, name)
        else:
            flat[name] = value
    return flat


def _values(raw: dict[str, Any], what: str, *, strict: bool) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    problems = []
    for key, value in raw.items():
        if key not in _FIELDS:
            if strict:
                problems.append(f"unknown {what} {key!r} ignored")
            continue
        name, kind = _FIELDS[key]
        if value is None:
            continue
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            problems.append(f"{what} {key!r} has the wrong type; ignored")
            continue
        values[name] = value
    if not 0 <= values.get("preview_port", 0) <= 65535:
        problems.append(f"previewPort {values['preview_port']} is not a port; using 0")
        values["preview_port"] = 0
    if values.get("time_limit", 1) <= 0:
        problems.append(f"timeLimit {values.pop('time_limit')} is not a positive number of seconds")
    if "memory_limit" in values:
        megabytes = values.pop("memory_limit")
        if megabytes < 0:
            problems.append(f"memoryLimitMb {megabytes} is negative; using the default")
        else:
            values["memory_limit"] = megabytes * 2**20 or None
    if "log_level" in values and values["log_level"] not in LOG_LEVELS:
        level = values.pop("log_level")
        problems.append(f"logLevel {level!r} is not one of {', '.join(LOG_LEVELS)}; ignored")
    if "package" in values:
        values["package"] = values["package"].strip() or None  # "": find the catalog
    return values, problems
