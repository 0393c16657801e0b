"""The access log's own handler: the same JSON lines, written in batches."""

from __future__ import annotations

import io
import json
import logging
import time

import pytest

from evidex.ops import logging as access
from evidex.ops.logging import AccessLineHandler, JsonLineFormatter, log_access

FIELDS = {"ts": "2026-01-01T00:00:00.000+00:00", "method": "GET", "path": '/a\u00e9"b', "ms": 0.1}


def _logger(name: str, handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(name)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def test_lines_wait_until_flushed_and_then_read_as_the_formatter_writes_them() -> None:
    stream = io.StringIO()
    logger = _logger("evidex.test.batched", AccessLineHandler(stream))
    for number in range(3):
        log_access(logger, {**FIELDS, "n": number})
    assert stream.getvalue() == ""
    logger.handlers[0].flush()
    lines = stream.getvalue().splitlines()
    record = logging.makeLogRecord({"fields": {**FIELDS, "n": 0}})
    assert lines[0] == JsonLineFormatter().format(record)
    assert [json.loads(line)["n"] for line in lines] == [0, 1, 2]


def test_a_waiting_line_is_written_within_the_flush_interval(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(access, "FLUSH_SECONDS", 0.05)
    stream = io.StringIO()
    log_access(_logger("evidex.test.timed", AccessLineHandler(stream)), FIELDS)
    deadline = time.monotonic() + 5
    while not stream.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert json.loads(stream.getvalue())["path"] == FIELDS["path"]


def test_a_full_batch_is_written_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(access, "FLUSH_BYTES", 500)
    stream = io.StringIO()
    logger = _logger("evidex.test.full", AccessLineHandler(stream))
    for _ in range(10):
        log_access(logger, FIELDS)
    written = len(stream.getvalue().splitlines())
    assert 0 < written < 10
    logger.handlers[0].flush()
    assert len(stream.getvalue().splitlines()) == 10


def test_another_handler_beside_it_gets_every_record() -> None:
    stream = io.StringIO()
    logger = _logger("evidex.test.both", AccessLineHandler(stream))
    seen: list[logging.LogRecord] = []
    catcher = logging.Handler()
    catcher.emit = seen.append  # type: ignore[method-assign]
    logger.addHandler(catcher)
    log_access(logger, FIELDS)
    logger.handlers[0].flush()
    assert [r.fields for r in seen] == [FIELDS]  # type: ignore[attr-defined]
    assert json.loads(stream.getvalue()) == FIELDS
