"""JSON-RPC as LSP specifies it, where pygls 2 leaves gaps.

pygls drops a request whose params do not structure (the client waits for ever), handles
requests before `initialize` and a second `initialize` as if nothing were wrong, silently
drops requests after `shutdown`, and ends the process on `exit` by raising SystemExit inside
a handler (the status is lost, always 0, and the catalog's site directory stays behind). This
protocol answers each of those requests with the error the spec names, and hands `exit` to the
transport, which stops the catalog before the process ends. Everything else is pygls's.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Generator
from typing import Any

import cattrs
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import (
    JsonRPCNotification,
    JsonRPCRequestMessage,
    LanguageServerProtocol,
    lsp_method,
)

from storyville.lsp.writer import FrameWriter

log = logging.getLogger("storyville.lsp")

_HEADER = b"Content-Length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"


class StoryvilleProtocol(LanguageServerProtocol):
    def __init__(self, server: Any, converter: cattrs.Converter) -> None:
        super().__init__(server, converter)
        self.initialize_seen = False
        self.initialized_seen = False
        self.shutdown_seen = False  # received, perhaps still stopping: the spec's condition
        self.on_exit: Callable[[int], None] | None = None  # set by the transport

    # --- receiving --------------------------------------------------------------------------

    def receive(self, data: Any) -> None:
        """One JSON value from the client: dispatched, or answered with the spec's error."""
        if not isinstance(data, dict):
            log.warning("dropped a message that is not a JSON object: %.200r", data)
            return
        method, msg_id = data.get("method"), _request_id(data)
        if data.get("jsonrpc") != "2.0" or not isinstance(method, str | None):
            if msg_id is not None and method is not None:
                self._refuse(msg_id, types.ErrorCodes.InvalidRequest, "not JSON-RPC 2.0")
            else:
                log.warning("dropped a message that is not JSON-RPC 2.0: %.200r", data)
            return
        if method is None:
            self._receive_response(data, data.get("id"))
            return
        if "id" in data:
            if msg_id is None:
                log.warning("dropped a %s request whose id is not a number or string", method)
                return
            if (refusal := self._lifecycle_refusal(method)) is not None:
                self._refuse(msg_id, *refusal)
                return
        elif not self._accepts_notification(method):
            log.info("dropped a %s notification (server lifecycle)", method)
            return
        fallback = JsonRPCNotification if msg_id is None else JsonRPCRequestMessage
        try:
            message: Any = self._converter.structure(
                data, self.get_message_type(method) or fallback
            )
        except Exception as exc:  # noqa: BLE001 - whatever cattrs raises, the params were wrong
            detail = _detail(exc)
            if msg_id is not None:
                self._refuse(msg_id, types.ErrorCodes.InvalidParams, f"{method}: {detail}")
            else:
                log.warning("dropped a %s notification: %s", method, detail)
            return
        if method == types.INITIALIZE:
            self.initialize_seen = True
        elif method == types.INITIALIZED:
            self.initialized_seen = True
        elif method == types.SHUTDOWN:
            self.shutdown_seen = True
        self.handle_message(message)

    def _lifecycle_refusal(self, method: str) -> tuple[types.ErrorCodes, str] | None:
        if method == types.INITIALIZE and self.initialize_seen:
            return types.ErrorCodes.InvalidRequest, "the server is already initialized"
        if not self.initialize_seen and method != types.INITIALIZE:
            return types.ErrorCodes.ServerNotInitialized, "the server is not initialized yet"
        if self.shutdown_seen:
            return types.ErrorCodes.InvalidRequest, "the server is shutting down"
        return None

    def _accepts_notification(self, method: str) -> bool:
        if method == types.EXIT:
            return True
        if not self.initialize_seen or self.shutdown_seen:
            return False  # the spec: dropped before initialize; pygls: after shutdown
        return not (method == types.INITIALIZED and self.initialized_seen)

    def _receive_response(self, data: dict[str, Any], msg_id: Any) -> None:
        try:
            message: Any = self.structure_message(data)
        except JsonRpcException as exc:
            # The request waiting for it must not wait for ever: it gets the error instead.
            if (future := self._request_futures.pop(msg_id, None)) is not None:
                future.set_exception(exc)
            log.warning("a malformed response to %r: %s", msg_id, _detail(exc))
            return
        self.handle_message(message)

    def _refuse(self, msg_id: int | str, code: types.ErrorCodes, message: str) -> None:
        log.warning("answered request %r with an error: %s", msg_id, message)
        self._send_response(msg_id, error=types.ResponseError(code=code, message=message))

    @lsp_method(types.EXIT)
    def lsp_exit(self, *args: Any) -> Generator[Any, Any]:
        """Exit status 0 after `shutdown`, 1 without (the spec); the transport ends the process."""
        if self.on_exit is None:
            yield from super().lsp_exit(*args)
            return
        self.on_exit(0 if self.shutdown_seen else 1)

    # --- sending ----------------------------------------------------------------------------

    def _send_data(self, data: Any) -> None:
        """pygls's, but queued for the writer thread, log lines marked as the first to drop."""
        if not data:
            return
        if self.writer is None:
            log.error("no transport to send %r on", data)
            return
        try:
            body = json.dumps(data, default=self._serialize_message).encode()
        except TypeError, ValueError:
            log.exception("could not serialise %r", data)
            return
        frame = _HEADER % len(body) + body if self._include_headers else body
        if isinstance(self.writer, FrameWriter):
            self.writer.put(frame, droppable=_droppable(data))
        else:  # pygls's own start_io / start_tcp, should anything still call them
            self.writer.write(frame)


def _request_id(data: dict[str, Any]) -> int | str | None:
    """The id an answer can carry: a number or a string (JSON-RPC); None for anything else."""
    msg_id = data.get("id")
    return msg_id if isinstance(msg_id, int | str) and not isinstance(msg_id, bool) else None


def _droppable(data: Any) -> bool:
    """What an editor that stopped reading can do without: log lines and progress reports
    (never a progress begin or end: the editor would show a build that never ends)."""
    match data:
        case types.LogMessageNotification():
            return True
        case types.ProgressNotification(params=types.ProgressParams(value=value)):
            return isinstance(value, types.WorkDoneProgressReport)
    return False


def _detail(exc: BaseException) -> str:
    """cattrs's account of what did not fit, e.g. `required field missing @ $.params.command`."""
    if isinstance(exc, JsonRpcException) and exc.__cause__ is not None:
        exc = exc.__cause__
    if isinstance(exc, cattrs.ClassValidationError):
        return "; ".join(cattrs.transform_error(exc))
    return f"{type(exc).__name__}: {exc}"
