"""Reading text files and YAML with line numbers, so every content error names file and line."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from evidex.content.diagnostics import ContentError, Diagnostic

try:  # the C loader is ~9x faster; fall back only where libyaml is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """SafeLoader, except that a date that cannot exist (2025-02-30) stays the text it was
    written as, so the field's own check reports it at its line instead of the load failing."""


def _timestamp_or_text(loader: _BaseLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

MAX_FILE_BYTES = 2 * 1024 * 1024
# What SQLite stores as an integer; a longer number would fail while writing the build.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
MAX_DEPTH = 100  # nested mappings and lists; content needs a handful
MAX_ALIAS_NODES = 10_000  # nodes that aliases may add to a document (billion laughs)


class _Refused(Exception):
    """A value or structure the loader will not build; reported at its line."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line  # 1-based, within the YAML text


def _bounded_int(loader: _BaseLoader, node: yaml.ScalarNode) -> Any:
    allowed = f"whole numbers must lie between {INT_MIN} and {INT_MAX}"
    if sum(char.isdigit() for char in node.value) > 40:  # int() itself refuses 4,300 digits
        raise _Refused(f"number with {len(node.value)} characters is out of range; {allowed}",
                       node.start_mark.line + 1)  # fmt: skip
    value = loader.construct_yaml_int(node)
    if not INT_MIN <= value <= INT_MAX:
        raise _Refused(f"number {node.value} is out of range; {allowed}", node.start_mark.line + 1)
    return value


def _finite_float(loader: _BaseLoader, node: yaml.ScalarNode) -> Any:
    value = loader.construct_yaml_float(node)
    if not math.isfinite(value):
        raise _Refused(
            f"number {node.value} is not finite; numbers must lie between -1.7e308 and 1.7e308",
            node.start_mark.line + 1,
        )
    return value


_Loader.add_constructor("tag:yaml.org,2002:int", _bounded_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _finite_float)


# Characters that take no space, pasted in from web pages: they would split names and words.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def decode_text(raw: bytes, path: str) -> str:
    """Decode UTF-8 content, dropping a byte-order mark, zero-width characters and soft
    hyphens, and normalising CRLF / CR to LF.

    Binary or non-UTF-8 bytes and oversized files raise ContentError with the offending line.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            Diagnostic(path, 1, "error", f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ContentError(
            Diagnostic(path, line, "error", "binary content (NUL byte) in a text file")
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            Diagnostic(path, line, "error", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.isascii() and _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class Located:
    """A YAML document plus the 1-based source line of every mapping key and sequence item.

    Paths are tuples of keys / indexes: ``lines[("faqs", 0, "q")]`` is the line of that value.
    """

    data: Any
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    offset: int = 0  # added to every line (frontmatter starts after the opening ---)

    def line(self, *path: Any) -> int:
        """Line of the deepest known prefix of `path`; 1 + offset when nothing matches."""
        for end in range(len(path), 0, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found + self.offset
        return 1 + self.offset


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            child = (*path, key)
            lines[child] = key_node.start_mark.line + 1
            _walk(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            lines[child] = item.start_mark.line + 1
            _walk(item, child, lines)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _too_deep(node: yaml.Node) -> _Refused:
    return _Refused(f"nested deeper than {MAX_DEPTH} levels", node.start_mark.line + 1)


def _check_shared_nodes(root: yaml.Node) -> None:
    """Refuse an alias inside the node it names, nesting past MAX_DEPTH, and aliases that
    multiply the document past MAX_ALIAS_NODES; each node is visited once, so this is linear
    in what was written however far the aliases would expand."""
    expanded: dict[int, int] = {}  # id -> node count with every alias expanded
    uses: dict[int, tuple[yaml.Node, int]] = {}
    open_nodes: set[int] = set()  # the ancestors of the node being visited
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, leaving = stack.pop()
        key = id(node)
        if leaving:
            open_nodes.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            continue
        uses[key] = (node, uses.get(key, (node, 0))[1] + 1)
        if key in expanded:
            continue
        if key in open_nodes:
            raise _Refused(
                "an alias refers to the anchor that contains it (a loop)",
                node.start_mark.line + 1,
            )
        children = _children(node)
        if not children:
            expanded[key] = 1
            continue
        if depth >= MAX_DEPTH:
            raise _too_deep(node)
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(children))
    added = expanded[id(root)] - len(expanded)
    if added > MAX_ALIAS_NODES:
        shared = [node for node, count in uses.values() if count > 1]
        worst = max(shared, key=lambda node: expanded[id(node)])
        raise _Refused(
            f"aliases of the anchor on this line expand the document by {added} nodes; "
            f"at most {MAX_ALIAS_NODES} are allowed",
            worst.start_mark.line + 1,
        )


class _NotPlain(Exception):
    """The node tree holds something the plain builder leaves to PyYAML's constructor."""


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
# Scalar tags SafeLoader builds with a constructor of its own (called here unchanged).
_SCALAR_CONSTRUCTORS = {
    f"tag:yaml.org,2002:{name}": _Loader.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in ("null", "bool", "int", "float", "timestamp")
}


class _PlainBuilder:
    """Data and key lines from a composed node tree in one walk, as SafeLoader would build it.

    SafeLoader's generic machinery (a generator per collection, state for recursive objects)
    costs more than composing; a tree of plain maps, lists and scalars needs none of it.
    Anything else (anchors, merge keys, sets, other tags) raises _NotPlain.
    """

    def __init__(self, loader: _Loader, lines: dict[tuple[Any, ...], int]) -> None:
        self.loader = loader
        self.lines = lines

    def build(self, node: yaml.Node, path: tuple[Any, ...]) -> Any:
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR_TAG:
                return node.value
            construct = _SCALAR_CONSTRUCTORS.get(tag)
            if construct is not None:
                return construct(self.loader, node)
        elif isinstance(node, yaml.MappingNode) and tag == _MAP_TAG:
            return self._mapping(node, path)
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ_TAG:
            return self._sequence(node, path)
        raise _NotPlain(tag)

    def _mapping(self, node: yaml.Node, path: tuple[Any, ...]) -> dict[Any, Any]:
        if len(path) >= MAX_DEPTH:
            raise _too_deep(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_KEY_TAGS:
                raise _NotPlain(key_node.tag)
            child = (*path, key_node.value)
            self.lines[child] = key_node.start_mark.line + 1
            key = self.build(key_node, child)
            mapping[key] = self.build(value_node, child)
        return mapping

    def _sequence(self, node: yaml.Node, path: tuple[Any, ...]) -> list[Any]:
        if len(path) >= MAX_DEPTH:
            raise _too_deep(node)
        items = []
        for index, item in enumerate(node.value):
            child = (*path, index)
            self.lines[child] = item.start_mark.line + 1
            items.append(self.build(item, child))
        return items


_PLAIN_KEY_TAGS = frozenset({_STR_TAG, *_SCALAR_CONSTRUCTORS})


def _construct(
    loader: _Loader, node: yaml.Node, text: str
) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """The document's data and the line of every key and item."""
    lines: dict[tuple[Any, ...], int] = {}
    if "&" not in text:  # without an anchor no node is shared, so one walk builds it all
        try:
            return _PlainBuilder(loader, lines).build(node, ()), lines
        except _Refused:
            raise
        except Exception:  # _NotPlain, or a bad value: PyYAML's constructor says it its way
            lines.clear()
    _check_shared_nodes(node)
    data = loader.construct_document(node)
    _walk(node, (), lines)
    return data, lines


def _tab_line(exc: yaml.MarkedYAMLError, text: str) -> int | None:
    """The 0-based line, between where the construct started and where the error was noticed,
    that a tab indents (PyYAML's messages rarely say so)."""
    mark = exc.problem_mark
    if mark is None or "\t" not in text:
        return None
    first = exc.context_mark.line if exc.context_mark else mark.line
    lines = text.split("\n")
    for number in range(min(first, mark.line), min(mark.line, len(lines) - 1) + 1):
        line = lines[number]
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            return number
    return None


def _yaml_diagnostic(
    exc: yaml.MarkedYAMLError, path: str, line_offset: int, text: str = ""
) -> Diagnostic:
    """Point at where the broken construct starts (the context), naming where it was noticed."""
    tab = _tab_line(exc, text)
    if tab is not None:
        message = "invalid YAML: a tab indents this line; YAML indents with spaces only"
        return Diagnostic(path, tab + 1 + line_offset, "error", message)
    problem = exc.problem or exc.context or "invalid YAML"
    noticed = exc.problem_mark.line + 1 + line_offset if exc.problem_mark else None
    started = exc.context_mark.line + 1 + line_offset if exc.context_mark else None
    if started is not None and noticed is not None and started < noticed:
        message = (
            f"invalid YAML: {problem} ({exc.context} on line {started}, noticed on line {noticed})"
        )
        return Diagnostic(path, started, "error", message)
    return Diagnostic(
        path, noticed or started or 1 + line_offset, "error", f"invalid YAML: {problem}"
    )


def load_yaml(text: str, path: str, line_offset: int = 0) -> Located:
    """Parse one YAML document; syntax errors become ContentError at the right line."""
    lines: dict[tuple[Any, ...], int] = {}
    data = None
    try:
        loader = _Loader(text)
        try:  # one pass: compose the node tree (for line numbers), then construct from it
            node = loader.get_single_node()
            if node is not None:
                data, lines = _construct(loader, node, text)
        finally:
            loader.dispose()
    except _Refused as exc:
        raise ContentError(Diagnostic(path, exc.line + line_offset, "error", exc.message)) from None
    except yaml.MarkedYAMLError as exc:
        raise ContentError(_yaml_diagnostic(exc, path, line_offset, text)) from None
    except yaml.YAMLError as exc:
        raise ContentError(
            Diagnostic(path, 1 + line_offset, "error", f"invalid YAML: {exc}")
        ) from None
    return Located(data=data, lines=lines, offset=line_offset)


_DATE_START = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def is_calendar_date(text: str) -> bool:
    """Whether `text` opens with a calendar date that exists (2025-02-30 does not)."""
    return date_problem(text) is None


def date_problem(text: str) -> str | None:
    """Why `text` is not a publishable date ('not a date that exists' for 2026-02-30), or None."""
    match = _DATE_START.match(text)
    if match is None:
        return "is not a date (write YYYY-MM-DD)"
    try:
        dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return "is not a date that exists"
    return None


def _folded_key(key: str) -> str:
    return "".join(char for char in key.lower() if char.isalnum())


def canonical_keys(
    located: Located, known: Iterable[str], aliases: Mapping[str, str] | None = None
) -> list[tuple[int, str]]:
    """Rename top-level keys written in another case or spelling ('Title', 'last_modified',
    'isBanned', or an alias such as 'faq') to the known key, moving their lines with them.

    Returns (line, message) for each key read so, and for one that repeats a key already
    given (that one is ignored)."""
    data = located.data
    if not isinstance(data, dict):
        return []
    known = frozenset(known)
    if all(key in known for key in data):  # the usual case: nothing to rename
        return []
    by_folded = {_folded_key(key): key for key in known}
    by_folded.update({_folded_key(alias): key for alias, key in (aliases or {}).items()})
    notes: list[tuple[int, str]] = []
    for written in [key for key in data if isinstance(key, str) and key not in known]:
        key = by_folded.get(_folded_key(written))
        if key is None:
            continue
        line = located.line(written)
        if key in data:
            notes.append(
                (line, f"key '{written}' repeats '{key}' (line {located.line(key)}); ignored")
            )
            del data[written]
            continue
        data[key] = data.pop(written)
        for path in [path for path in located.lines if path[0] == written]:
            located.lines[(key, *path[1:])] = located.lines.pop(path)
        notes.append((line, f"key '{written}' read as '{key}'"))
    return notes


@dataclass
class FrontmatterDocument:
    meta: Located
    body: str
    body_line: int  # 1-based line where the body starts in the file


def split_frontmatter(text: str, path: str) -> FrontmatterDocument:
    """Split ``---\\nYAML\\n---\\nbody``. A file without frontmatter is an error at line 1."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if not text.strip():
        raise ContentError(
            Diagnostic(
                path, 1, "error", "empty file (expected YAML frontmatter opening with '---')"
            )
        )
    if start >= len(lines) or lines[start].strip() != "---":
        raise ContentError(
            Diagnostic(path, start + 1, "error", "missing YAML frontmatter (expected a line '---')")
        )
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[start + 1 : end])
            meta = load_yaml(yaml_text, path, line_offset=start + 1)
            if meta.data is None:
                meta.data = {}
            if not isinstance(meta.data, dict):
                raise ContentError(
                    Diagnostic(path, start + 2, "error", "frontmatter must be a mapping of keys")
                )
            return FrontmatterDocument(meta, "\n".join(lines[end + 1 :]), end + 2)
    raise ContentError(
        Diagnostic(path, start + 1, "error", "frontmatter is not closed (no second '---' line)")
    )
