"""Through the language server on examples.huge (issue 4):

- didSave → publishDiagnostics for a syntax error (checked in the server, no build), and
- didSave → WebSocket reload for a story's text change (a build in a fresh interpreter).

The same run measures the server with `useSubinterpreters: false` as the comparison.
Usage: python -m benchmarks.lsp_latency [-n 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import websockets
from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from benchmarks.stats import median, p95, table

REPO = Path(__file__).resolve().parent.parent
TARGET = "examples/huge/forms/button/stories.py"


class Client:
    """A bare LSP client that timestamps what the server sends."""

    def __init__(self) -> None:
        self.events: dict[str, asyncio.Event] = {}
        self.preview: str = ""
        self.last_diagnostics: list[Any] = []

    async def start(self, workspace: Path, options: dict[str, Any]) -> LanguageClient:
        def factory() -> LanguageClient:
            client = LanguageClient(converter_factory=default_converter)

            @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            def diagnostics(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
                if params.uri.endswith(TARGET):
                    self.last_diagnostics = list(params.diagnostics)
                    self._fire("diagnostics")

            @client.feature("storyville/preview")
            def preview(_: LanguageClient, params: Any) -> None:
                self.preview = params.url
                self._fire("preview")

            @client.feature("storyville/buildFinished")
            def built(_: LanguageClient, params: Any) -> None:
                self._fire("build")

            return client

        config = ClientServerConfig(
            [sys.executable, "-m", "storyville", "lsp"], client_factory=factory
        )
        client = await config.start()
        assert isinstance(client, LanguageClient)
        await client.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities("visual-studio-code"),
                workspace_folders=[
                    types.WorkspaceFolder(uri=from_fs_path(str(workspace)) or "", name="bench")
                ],
                initialization_options={
                    **options,
                    "package": "examples.huge",
                    "showDocument": False,
                },
            )
        )
        return client

    def _fire(self, name: str) -> None:
        self.events.setdefault(name, asyncio.Event()).set()

    def arm(self, name: str) -> asyncio.Event:
        self.events[name] = asyncio.Event()
        return self.events[name]


async def measure(options: dict[str, Any], runs: int) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory(prefix="storyville-lsp-bench-") as scratch:
        workspace = Path(scratch)
        shutil.copytree(
            REPO / "examples", workspace / "examples", ignore=shutil.ignore_patterns("__pycache__")
        )
        target = workspace / TARGET
        original = target.read_text()
        uri = from_fs_path(str(target)) or ""
        recorder = Client()
        built = recorder.arm("build")
        client = await recorder.start(workspace, options)
        await asyncio.wait_for(built.wait(), 120)

        def did_save() -> None:
            client.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
            )

        syntax, reload = [], []
        async with websockets.connect(recorder.preview.replace("http", "ws") + "ws/reload") as ws:
            await ws.recv()  # hello
            for n in range(runs):
                # A syntax error: published by the server's own check, before any build.
                target.write_text(
                    original.replace(
                        "def this_subject() -> Subject:", "def this_subject( -> Subject:"
                    )
                )
                shown = recorder.arm("diagnostics")
                started = time.perf_counter()
                did_save()
                await asyncio.wait_for(shown.wait(), 30)
                syntax.append(time.perf_counter() - started)
                assert recorder.last_diagnostics, "expected the syntax error"
                # The fix and a text change: a build, then the reload message.
                target.write_text(original.replace('title="Primary"', f'title="Primary {n}"'))
                started = time.perf_counter()
                did_save()
                while json.loads(await asyncio.wait_for(ws.recv(), 30))["type"] != "reload":
                    pass
                reload.append(time.perf_counter() - started)
                await asyncio.sleep(0.3)  # a person's pause between saves
        await client.shutdown_session()
        return syntax, reload


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--runs", type=int, default=20)
    args = parser.parse_args()
    variants = {
        "storyville lsp (fresh subinterpreter per build)": {"useSubinterpreters": True},
        "storyville lsp, fresh-process mode": {"useSubinterpreters": False},
    }
    results = {name: asyncio.run(measure(options, args.runs)) for name, options in variants.items()}
    base = results["storyville lsp, fresh-process mode"]
    rows = [
        [
            name,
            f"{median(s) * 1000:.1f}",
            f"{p95(s) * 1000:.1f}",
            f"{median(r) * 1000:.0f}",
            f"{p95(r) * 1000:.0f}",
            f"{median(base[1]) / median(r):.1f}x",
        ]
        for name, (s, r) in results.items()
    ]
    print(f"didSave latency on examples.huge, {args.runs} saves each (ms)\n")
    print(
        table(
            [
                "server",
                "syntax error → diagnostic median",
                "p95",
                "text change → reload median",
                "p95",
                "reload vs fresh-process",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
