"""Structured access log: one JSON object per request on the `evidex.access` logger
(written by `evidex.ops.observe`)."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

ACCESS_LOGGER = "evidex.access"


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
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def access_logger() -> logging.Logger:
    """The access logger, writing JSON lines to stderr unless a handler is already set."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLineFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def log_access(logger: logging.Logger, fields: dict[str, Any]) -> None:
    """Emit one access record carrying `fields` (made directly: the caller's file and line,
    which `Logger.info` would look up by walking the stack, mean nothing here)."""
    if logger.isEnabledFor(logging.INFO):
        record = logger.makeRecord(
            logger.name, logging.INFO, "", 0, "access", (), None, extra={"fields": fields}
        )
        logger.handle(record)
