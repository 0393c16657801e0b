"""CLI commands for the import area (registered by evidex.cli.main):
`evidex import article FILE --out DIR` and `evidex synth`."""

from __future__ import annotations

from pathlib import Path

import typer

from evidex.cli.common import check_output_folder, console, fail

import_app = typer.Typer(help="Turn outside text into library files.", no_args_is_help=True)
_err = console(stderr=True)
_SHOW_PROGRESS_FROM = 500  # files; smaller libraries are written before a bar would draw


@import_app.command("article")
def import_article_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Page text or markdown."),
    out: Path = typer.Option(Path("content/research"), "--out", help="Folder for <slug>.md."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing article."),
    goals_file: Path = typer.Option(
        Path("content/goals.yaml"), "--goals", help="Goals vocabulary to map the title's goal."
    ),
) -> None:
    """Import a research deep dive copied from a web page as content/research/<slug>.md."""
    from evidex.content.diagnostics import ContentError
    from evidex.content.importer import import_article
    from evidex.content.models import Goal
    from evidex.content.vocab import parse_goals
    from evidex.content.yamlload import decode_text

    try:
        text = decode_text(file.read_bytes(), str(file))
    except ContentError as exc:
        _err.print(str(exc.diagnostic), style="red", markup=False, highlight=False)
        raise typer.Exit(1) from None
    except OSError as exc:
        raise fail(f"{file}: cannot read: {exc.strerror or exc}", 1) from None
    if not text.strip():
        raise fail(f"{file} is empty: nothing to import", 1)
    check_output_folder(out)
    goals: list[Goal] = []
    if goals_file.is_file():
        goals, problems = parse_goals(goals_file.read_text(encoding="utf-8"), str(goals_file))
        for problem in problems:
            _err.print(str(problem), style="yellow", markup=False, highlight=False)
    imported = import_article(text, source=str(file), goals=goals)
    target = out / f"{imported.slug}.md"
    if target.exists() and not force:
        raise fail(f"{target} exists; use --force to overwrite", 1)
    twins = same_subject_articles(out, imported.compound, imported.goal, target)
    out.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.markdown, encoding="utf-8")
    for warning in imported.warnings:
        _err.print(f"warning: {warning}", style="yellow", markup=False, highlight=False)
    for twin in twins:
        _err.print(
            f"warning: {twin} is already an article on {imported.compound} for "
            f"{imported.goal}; both are kept: merge them (the evidence page links only one)",
            style="yellow",
            markup=False,
            highlight=False,
        )
    typer.echo(str(target))


def same_subject_articles(folder: Path, compound: str, goal: str, target: Path) -> list[Path]:
    """Articles already in `folder` on the same compound and goal (other than `target`)."""
    from evidex.content.diagnostics import ContentError
    from evidex.content.names import fold_name
    from evidex.content.yamlload import split_frontmatter

    found = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path == target:
            continue
        try:
            meta = split_frontmatter(path.read_text(encoding="utf-8"), str(path)).meta.data
        except (ContentError, OSError, UnicodeDecodeError):
            continue
        if not isinstance(meta, dict):
            continue
        same_goal = str(meta.get("goal", "")) == goal
        if same_goal and fold_name(str(meta.get("compound", ""))) == fold_name(compound):
            found.append(path)
    return found


def synth_command(
    compounds: int = typer.Option(100, "--compounds", min=0, help="Number of compound profiles."),
    articles: int = typer.Option(50, "--articles", min=0, help="Number of research articles."),
    out: Path = typer.Option(..., "--out", help="Folder to write the library into."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same library."),
) -> None:
    """Write a synthetic content library (same formats as content/) for benchmarks."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from evidex.synth import generate_library

    check_output_folder(out)
    total = compounds + articles
    if total < _SHOW_PROGRESS_FROM:
        generate_library(out, compounds, articles, seed=seed)
    else:
        columns = (
            *Progress.get_default_columns()[:1],
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=_err) as bar:
            task = bar.add_task("writing files", total=total)
            generate_library(
                out,
                compounds,
                articles,
                seed=seed,
                progress=lambda done: bar.advance(task, done),
            )
    typer.echo(f"wrote {compounds} compounds and {articles} articles to {out}")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    app.add_typer(import_app, name="import")
    app.command("synth")(synth_command)
