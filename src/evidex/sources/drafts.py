"""Writing imports without destroying an editor's work.

A file is compared field by field (a record's top-level keys; a profile's frontmatter keys and
body sections) with what is already there: the same fields again write nothing; different fields
are listed and the new import is written beside the file as `<name>.new`, which the build never
reads; `accept` takes the chosen fields from the import into the file itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from evidex.content.diagnostics import ContentError
from evidex.content.yamlload import split_frontmatter

_SECTION = re.compile(r"^## ", re.MULTILINE)
_SHOWN_CHARS = 100

Status = Literal["written", "unchanged", "changed", "accepted"]


@dataclass
class FieldChange:
    field: str
    old: Any
    new: Any

    def __str__(self) -> str:
        if self.old is None:
            return f"  + {self.field}: {_short(self.new)}"
        if self.new is None:
            return f"  - {self.field}: {_short(self.old)}"
        return f"  ~ {self.field}: {_short(self.old)} -> {_short(self.new)}"


@dataclass
class WriteResult:
    status: Status
    path: Path  # the file written, or the existing file when nothing was written
    changes: list[FieldChange] = field(default_factory=list)
    draft: Path | None = None  # the new draft written beside, when fields differ

    def report(self) -> list[str]:
        lines = {
            "written": f"wrote {self.path}",
            "unchanged": f"unchanged: {self.path} (nothing written)",
            "changed": f"changed: {self.path}; new draft {self.draft}",
            "accepted": f"accepted into {self.path}",
        }
        shown = [lines[self.status]]
        if self.status == "accepted" and self.draft is not None:
            shown.append(f"other changes left in {self.draft}")
        return shown + [str(change) for change in self.changes]


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else yaml.safe_dump(value, default_flow_style=True)
    text = " ".join(str(text).split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def fields_of(text: str, path: str) -> dict[str, Any]:
    """The comparable fields of a study YAML or a profile markdown file."""
    if path.endswith((".md", ".md.new")):
        document = split_frontmatter(text, path)
        found: dict[str, Any] = dict(document.meta.data)
        for chunk in _SECTION.split(document.body)[1:]:
            heading, _, body = chunk.partition("\n")
            name = heading.replace("*", "").strip().rstrip(":")
            found[f"## {name}"] = "\n".join(line.rstrip() for line in body.strip().splitlines())
        return found
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def diff_fields(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    return [
        FieldChange(key, old.get(key), new.get(key))
        for key in dict.fromkeys([*new, *old])
        if old.get(key) != new.get(key)
    ]


def _beside(path: Path) -> Path:
    return path.with_name(path.name + ".new")


def write_import(
    text: str, target: Path, base: Path | None = None, accept: tuple[str, ...] = ()
) -> WriteResult:
    """Write an import to `target`, never over an editor's work.

    `base` is the file an editor may have changed (the published file, or the draft when there
    is none); by default `target` itself.
    """
    base = base if base is not None and base.exists() else target
    if not base.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return WriteResult("written", target)
    current = base.read_text(encoding="utf-8")
    try:
        changes = diff_fields(fields_of(current, str(base)), fields_of(text, str(target)))
    except (ContentError, yaml.YAMLError):
        changes = [FieldChange("(whole file)", "unreadable", "imported")]
    if not changes:
        return WriteResult("unchanged", base)
    if accept:
        differing = {c.field for c in changes}
        # a profile section may be named without its "## " ("Dosage" for "## Dosage")
        accept = tuple(
            n if n in differing or f"## {n}" not in differing else f"## {n}" for n in accept
        )
        unknown = [name for name in accept if name not in differing]
        if unknown:
            raise ValueError(
                f"nothing to accept for {', '.join(unknown)}; fields that differ: "
                + ", ".join(c.field for c in changes)
            )
        base.write_text(_with_fields(current, text, str(base), accept), encoding="utf-8")
        remaining = [c for c in changes if c.field not in accept]
        draft = None
        if remaining:
            draft = _beside(base)
            draft.write_text(text, encoding="utf-8")
        return WriteResult("accepted", base, [c for c in changes if c.field in accept], draft)
    draft = _beside(base)
    draft.write_text(text, encoding="utf-8")
    return WriteResult("changed", base, changes, draft)


def _with_fields(current: str, imported: str, path: str, names: tuple[str, ...]) -> str:
    """`current` with the named fields taken from `imported`; everything else as it was."""
    new = fields_of(imported, path)
    if not path.endswith(".md"):
        data = yaml.safe_load(current)
        for name in names:
            if name in new:
                data[name] = new[name]
            else:
                data.pop(name, None)
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    document = split_frontmatter(current, path)
    meta = dict(document.meta.data)
    body = document.body
    for name in names:
        if name.startswith("## "):
            body = _replace_section(body, name[3:], new.get(name))
        elif name in new:
            meta[name] = new[name]
        else:
            meta.pop(name, None)
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{head}---\n{body}"


def _replace_section(body: str, name: str, text: str | None) -> str:
    chunks = _SECTION.split(body)
    out = [chunks[0]]
    replaced = False
    for chunk in chunks[1:]:
        heading, _, _rest = chunk.partition("\n")
        if heading.replace("*", "").strip().rstrip(":") == name:
            replaced = True
            if text is not None:
                out.append(f"{heading}\n\n{text}\n\n")
            continue
        out.append(chunk)
    if not replaced and text is not None:
        out.append(f"**{name}**\n\n{text}\n\n")
    return "## ".join(out)
