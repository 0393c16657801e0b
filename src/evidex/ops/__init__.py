"""Operations: build identity, health, metrics, access logs, abuse limits and `doctor`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from evidex.storage.db import Database


def install_ops(app: FastAPI, db: Database, **options: Any) -> None:
    """See evidex.ops.install.install_ops (imported lazily to keep this package light)."""
    from evidex.ops.install import install_ops as install

    install(app, db, **options)
