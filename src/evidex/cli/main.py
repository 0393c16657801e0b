"""The `evidex` command line: a thin layer over library functions."""

from __future__ import annotations

import typer

from evidex.cli import (
    content_cmds,
    evidence_cmds,
    extract_cmds,
    import_cmds,
    ops_cmds,
    search_cmds,
    source_cmds,
    stack_cmds,
    vendor_cmds,
    web_cmds,
)

app = typer.Typer(
    name="evidex",
    help="Evidex: an evidence-graded reference for peptides, drugs and supplements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (
    content_cmds,
    import_cmds,
    source_cmds,
    evidence_cmds,
    extract_cmds,
    web_cmds,
    search_cmds,
    stack_cmds,
    vendor_cmds,
    ops_cmds,
):
    module.register(app)
