"""Structured access log: one JSON object per request on the `evidex.access` logger
(written by `evidex.ops.observe`).

By default the lines go to stderr through `AccessLineHandler`, which writes them in batches: a
line is written at most `FLUSH_SECONDS` after its request, or sooner once `FLUSH_BYTES` are
waiting, and at exit. Every request then costs a JSON line, not a log record, a lock and a write
of its own (together about as much as answering a stored page). Any other handler added to the
logger (a file, a collector, a test's capture) gets every record as usual.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import sys
import threading
import weakref
from datetime import UTC, datetime
from typing import Any, TextIO

ACCESS_LOGGER = "evidex.access"
FLUSH_SECONDS = 0.25
FLUSH_BYTES = 64 * 1024


class JsonLineFormatter(logging.Formatter):
    """The record's `fields` dict as one JSON line (other records: time, level, message)."""

    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "fields", None)
        if not isinstance(fields, dict):
            fields = {
                "ts": datetime.fromtimestamp(record.created, UTC).isoformat(
                    timespec="milliseconds"
                ),
                "level": record.levelname.lower(),
                "logger": record.name,
                "message": record.getMessage(),
            }
        return _json_line(fields)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # made once, not per line


def _json_line(fields: dict[str, Any]) -> str:
    return _ENCODER.encode(fields)


class AccessLineHandler(logging.StreamHandler):
    """JSON lines to a stream, written in batches (see the module's docstring)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(stream)
        self.setFormatter(JsonLineFormatter())
        self.waiting: list[str] = []
        self.waiting_bytes = 0
        self._timer: threading.Timer | None = None
        _open_handlers.add(self)

    def add_line(self, line: str) -> None:
        with self.lock:  # type: ignore[union-attr]
            self.waiting.append(line)
            self.waiting_bytes += len(line) + 1
            if self.waiting_bytes >= FLUSH_BYTES:
                self._write_waiting()
            elif self._timer is None:
                self._timer = threading.Timer(FLUSH_SECONDS, self.flush)
                self._timer.daemon = True
                self._timer.start()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.add_line(self.format(record))
        except Exception:
            self.handleError(record)

    def flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            self._write_waiting()

    def _write_waiting(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.waiting:
            lines, self.waiting, self.waiting_bytes = self.waiting, [], 0
            self.stream.write("\n".join(lines) + "\n")
        super().flush()


_open_handlers: weakref.WeakSet[AccessLineHandler] = weakref.WeakSet()


@atexit.register
def _flush_at_exit() -> None:
    for handler in list(_open_handlers):
        with contextlib.suppress(OSError, ValueError):  # as logging.shutdown: stream closed
            handler.flush()


def access_logger() -> logging.Logger:
    """The access logger, writing JSON lines to stderr unless a handler is already set."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        logger.addHandler(AccessLineHandler(sys.stderr))
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def log_access(logger: logging.Logger, fields: dict[str, Any]) -> None:
    """Emit one access record carrying `fields` (made directly: the caller's file and line,
    which `Logger.info` would look up by walking the stack, mean nothing here). When our own
    line handler is the only one, the line goes straight to it: no record is made at all."""
    if not logger.isEnabledFor(logging.INFO):
        return
    handlers = logger.handlers
    if (
        len(handlers) == 1
        and type(handlers[0]) is AccessLineHandler
        and handlers[0].level <= logging.INFO
        and not logger.filters
        and not handlers[0].filters
        and not logger.propagate
    ):
        handlers[0].add_line(_json_line(fields))
        return
    record = logger.makeRecord(
        logger.name, logging.INFO, "", 0, "access", (), None, extra={"fields": fields}
    )
    logger.handle(record)
