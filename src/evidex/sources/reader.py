"""Reading a source file safely: size limit, hardened XML, JSON, and what kind of file it is.

Every failure is a `SourceError`: one line naming the file and, where it applies, the element
or key. Nothing here writes anything.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any, Literal

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _safe_fromstring

MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a whole-library efetch is far smaller; bigger is refused

SourceKind = Literal["spl", "openfda", "pubmed", "ctgov"]
KIND_NAMES: dict[str, str] = {
    "spl": "an SPL drug label (XML)",
    "openfda": "an openFDA drug label (JSON)",
    "pubmed": "a PubMed record set (XML)",
    "ctgov": "a ClinicalTrials.gov study (JSON)",
}


class SourceError(Exception):
    """A source file that cannot be imported; `str()` is the one-line message."""

    def __init__(self, path: str, message: str, where: str = "") -> None:
        self.path = path
        self.where = where
        self.message = message
        super().__init__(f"{path}: {where}: {message}" if where else f"{path}: {message}")


def read_source(path: Path) -> bytes:
    """The file's bytes, refusing what is missing, not a file, empty or over the size limit."""
    shown = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(shown, f"cannot read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise SourceError(shown, "not a regular file")
    if size > MAX_SOURCE_BYTES:
        raise SourceError(
            shown, f"file is {size:,} bytes, over the {MAX_SOURCE_BYTES:,}-byte import limit"
        )
    data = path.read_bytes()
    if not data.strip():
        raise SourceError(shown, "file is empty")
    return data


def parse_xml(data: bytes, path: str) -> ElementTree.Element:
    """Parse XML with entity declarations and external references refused (defusedxml); a
    DOCTYPE naming an external DTD (PubMed's) is allowed and never fetched."""
    try:
        return _safe_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError(path, f"refused: {_defused_reason(exc)}") from None
    except ElementTree.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":")[0]
        raise SourceError(
            path, f"not well-formed XML ({reason})", f"line {line}, column {column}"
        ) from None


def _defused_reason(exc: DefusedXmlException) -> str:
    name = type(exc).__name__
    if name == "EntitiesForbidden":
        entity = getattr(exc, "name", "") or ""
        return f"the file declares an XML entity{f' {entity!r}' if entity else ''}"
    if name in ("ExternalReferenceForbidden", "DTDForbidden"):
        return "the file refers to an external resource"
    return "unsafe XML construct"


def parse_json(data: bytes, path: str) -> Any:
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise SourceError(path, "not UTF-8 text") from None
    except RecursionError:
        raise SourceError(path, "JSON nested too deeply to be a source record") from None
    except json.JSONDecodeError as exc:
        raise SourceError(
            path, f"not valid JSON ({exc.msg})", f"line {exc.lineno}, column {exc.colno}"
        ) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sniff(data: bytes) -> Literal["xml", "json", "other"]:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xml"
    if head[:1] in (b"{", b"["):
        return "json"
    return "other"


def kind_of_xml(root: ElementTree.Element) -> SourceKind | None:
    name = _local(root.tag)
    if name == "document" and root.tag.startswith("{urn:hl7-org:v3}"):
        return "spl"
    if name in ("PubmedArticleSet", "PubmedArticle"):
        return "pubmed"
    return None


def kind_of_json(document: Any) -> SourceKind | None:
    if isinstance(document, dict):
        if "protocolSection" in document:
            return "ctgov"
        if isinstance(document.get("results"), list):
            records = document["results"]
        elif "set_id" in document:
            records = [document]
        else:
            return None
    elif isinstance(document, list):
        records = document
    else:
        return None
    if records and all(isinstance(item, dict) and "set_id" in item for item in records):
        return "openfda"
    return None


def load_source(path: Path, expected: tuple[SourceKind, ...]) -> tuple[SourceKind, Any]:
    """Read and parse `path`; refuse it unless it is one of the `expected` kinds.
    Returns the kind and the parsed XML root or JSON document."""
    data = read_source(path)
    shown = str(path)
    form = sniff(data)
    parsed: Any
    kind: SourceKind | None
    if form == "xml":
        parsed = parse_xml(data, shown)
        kind = kind_of_xml(parsed)
    elif form == "json":
        parsed = parse_json(data, shown)
        kind = kind_of_json(parsed)
    else:
        raise SourceError(shown, "neither XML nor JSON")
    wanted = " or ".join(KIND_NAMES[k] for k in expected)
    if kind is None and form == "json" and "openfda" in expected:
        _name_missing_set_id(parsed, shown)
    if kind is None:
        root = f"<{_local(parsed.tag)}>" if form == "xml" else "its top-level keys"
        raise SourceError(shown, f"not {wanted}: unrecognised {form.upper()} ({root})")
    if kind not in expected:
        raise SourceError(shown, f"this is {KIND_NAMES[kind]}, not {wanted}")
    return kind, parsed


def _name_missing_set_id(document: Any, path: str) -> None:
    """A label record set whose record lacks `set_id`: say which record."""
    records = document.get("results") if isinstance(document, dict) else document
    if not isinstance(records, list):
        return
    for index, record in enumerate(records):
        if isinstance(record, dict) and "set_id" not in record:
            raise SourceError(path, "required key 'set_id' is missing", f"results[{index}]")
