"""A profile's `sources:` frontmatter: where each drafted field came from (written by
`evidex import label`, kept by the build, shown on the profile page)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from evidex.content.diagnostics import Diagnostics
from evidex.content.models import FieldSource


def parse_field_sources(value: Any, diagnostics: Diagnostics, line: int) -> list[FieldSource]:
    """Each well-formed entry; a malformed one is a warning (the profile still builds)."""
    if value is None:
        return []
    if not isinstance(value, list):
        diagnostics.warning(line, "`sources` must be a list of {field, set_id, version, ...}")
        return []
    found: list[FieldSource] = []
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            diagnostics.warning(line, f"sources[{index}] must be a mapping of keys")
            continue
        data = {key: str(item) for key, item in entry.items() if item is not None}
        data.setdefault("from", "label")
        try:
            found.append(FieldSource.model_validate(data))
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            diagnostics.warning(line, f"sources[{index}].{where}: {problem['msg']}")
    return found
