"""The language server's initialization options: what is taken, what is ignored and why."""

from dataclasses import replace
from typing import Any

import pytest
from storyville.lsp.options import Options, parse_options, parse_settings

DEFAULTS = Options()
WRONG_TYPE = "initialization option {!r} has the wrong type; ignored"


def test_defaults() -> None:
    assert Options() == Options(
        package=None,
        preview_port=0,
        use_subinterpreters=True,
        show_document=True,
        with_assertions=True,
        time_limit=30.0,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(None, DEFAULTS, id="None"),
        pytest.param({}, DEFAULTS, id="empty"),
        pytest.param([], DEFAULTS, id="empty list: Neovim 0.7's empty table"),
        pytest.param({"package": "shop.ui"}, Options(package="shop.ui"), id="package"),
        pytest.param({"package": ""}, DEFAULTS, id="empty package: find it"),
        pytest.param({"previewPort": 8080}, Options(preview_port=8080), id="port"),
        pytest.param({"previewPort": 0}, DEFAULTS, id="port 0"),
        pytest.param({"previewPort": 65535}, Options(preview_port=65535), id="highest port"),
        pytest.param(
            {"useSubinterpreters": False}, Options(use_subinterpreters=False), id="in-process"
        ),
        pytest.param({"showDocument": False}, Options(show_document=False), id="showDocument"),
        pytest.param(
            {"withAssertions": False}, Options(with_assertions=False), id="withAssertions"
        ),
        pytest.param({"timeLimit": 2.5}, Options(time_limit=2.5), id="float time limit"),
        pytest.param({"timeLimit": 5}, Options(time_limit=5), id="int time limit"),
        pytest.param({"package": None, "previewPort": None}, DEFAULTS, id="null values"),
        pytest.param(
            {
                "package": "shop",
                "previewPort": 9000,
                "useSubinterpreters": False,
                "showDocument": False,
                "withAssertions": False,
                "timeLimit": 10,
            },
            Options("shop", 9000, False, False, False, 10),
            id="everything",
        ),
    ],
)
def test_valid_options(raw: Any, expected: Options) -> None:
    assert parse_options(raw) == (expected, [])


@pytest.mark.parametrize(
    ("raw", "expected", "problems"),
    [
        pytest.param(
            [1], DEFAULTS, ["initializationOptions must be an object, not list"], id="list"
        ),
        pytest.param(
            "shop", DEFAULTS, ["initializationOptions must be an object, not str"], id="string"
        ),
        pytest.param(
            3, DEFAULTS, ["initializationOptions must be an object, not int"], id="number"
        ),
        pytest.param(
            {"pakage": "shop"},
            DEFAULTS,
            ["unknown initialization option 'pakage' ignored"],
            id="unknown key",
        ),
        pytest.param(
            {"preview_port": 80},
            DEFAULTS,
            ["unknown initialization option 'preview_port' ignored"],
            id="Python name instead of the JSON one",
        ),
        pytest.param({"package": 3}, DEFAULTS, [WRONG_TYPE.format("package")], id="int package"),
        pytest.param(
            {"package": ["shop"]}, DEFAULTS, [WRONG_TYPE.format("package")], id="list package"
        ),
        pytest.param(
            {"previewPort": "8080"},
            DEFAULTS,
            [WRONG_TYPE.format("previewPort")],
            id="port as a string",
        ),
        pytest.param(
            {"previewPort": 8080.0},
            DEFAULTS,
            [WRONG_TYPE.format("previewPort")],
            id="port as a float",
        ),
        pytest.param(
            {"previewPort": True},
            DEFAULTS,
            [WRONG_TYPE.format("previewPort")],
            id="bool is not an int",
        ),
        pytest.param(
            {"timeLimit": False},
            DEFAULTS,
            [WRONG_TYPE.format("timeLimit")],
            id="bool is not a number",
        ),
        pytest.param(
            {"timeLimit": "30"},
            DEFAULTS,
            [WRONG_TYPE.format("timeLimit")],
            id="time limit as a string",
        ),
        pytest.param(
            {"useSubinterpreters": 0},
            DEFAULTS,
            [WRONG_TYPE.format("useSubinterpreters")],
            id="int is not a bool",
        ),
        pytest.param(
            {"showDocument": "false"},
            DEFAULTS,
            [WRONG_TYPE.format("showDocument")],
            id="string is not a bool",
        ),
        pytest.param(
            {"previewPort": 70000},
            DEFAULTS,
            ["previewPort 70000 is not a port; using 0"],
            id="port too high",
        ),
        pytest.param(
            {"previewPort": -1},
            DEFAULTS,
            ["previewPort -1 is not a port; using 0"],
            id="negative port",
        ),
        pytest.param(
            {"package": "shop", "previewPort": "x", "extra": 1, "withAssertions": False},
            Options(package="shop", with_assertions=False),
            [WRONG_TYPE.format("previewPort"), "unknown initialization option 'extra' ignored"],
            id="good values kept beside bad ones",
        ),
    ],
)
def test_problems(raw: Any, expected: Options, problems: list[str]) -> None:
    assert parse_options(raw) == (expected, problems)


@pytest.mark.parametrize("limit", [0, -1, -0.5])
def test_non_positive_time_limit_is_refused(limit: float) -> None:
    options, problems = parse_options({"timeLimit": limit})
    assert options.time_limit == DEFAULTS.time_limit
    assert problems


def test_settings_change_only_what_they_name() -> None:
    current = Options(package="shop", show_document=False, time_limit=10)
    changed, problems = parse_settings({"timeLimit": 2, "logLevel": "info"}, current)
    assert changed == replace(current, time_limit=2, log_level="info")
    assert problems == []


def test_settings_as_vscode_sends_them_nested_with_its_own_keys() -> None:
    section = {
        "interpreter": "/usr/bin/python3",  # the editor's own: left alone, unmentioned
        "preview": {"port": 8123, "openOnStart": True},
        "package": " shop ",
        "useSubinterpreters": False,
        "memoryLimitMb": 0,
        "withAssertions": None,  # null: unchanged
    }
    changed, problems = parse_settings(section, DEFAULTS)
    assert changed == Options(
        package="shop", preview_port=8123, use_subinterpreters=False, memory_limit=None
    )
    assert problems == []


def test_bad_settings_keep_the_value_and_say_why() -> None:
    changed, problems = parse_settings(
        {"timeLimit": -1, "logLevel": "loud", "withAssertions": 1}, DEFAULTS
    )
    assert changed == DEFAULTS
    assert problems == [
        "setting 'withAssertions' has the wrong type; ignored",
        "timeLimit -1 is not a positive number of seconds",
        "logLevel 'loud' is not one of off, error, warning, info, log; ignored",
    ]
    assert parse_settings(["x"], DEFAULTS) == (
        DEFAULTS,
        ["the storyville settings must be an object, not list"],
    )
