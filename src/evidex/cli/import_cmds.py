"""CLI commands for the import area (registered by evidex.cli.main)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
