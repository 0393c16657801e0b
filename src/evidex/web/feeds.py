"""Atom feeds of updated content (site-wide and per compound)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

import evidex

_FALLBACK_DATE = "1970-01-01T00:00:00Z"


def atom_date(value: str | None) -> str:
    """An RFC 3339 timestamp from the dates content carries ('2025-04-02', ISO with offset)."""
    if not value:
        return _FALLBACK_DATE
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return _FALLBACK_DATE
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_path(entry: dict[str, Any]) -> str:
    kind = entry.get("kind")
    if kind == "article":
        return f"/research/{entry['ref']}"
    if kind == "tier" and entry.get("compound_slug"):
        return f"/compounds/{entry['compound_slug']}/evidence"
    if entry.get("compound_slug"):
        return f"/compounds/{entry['compound_slug']}"
    return "/"


def atom_feed(
    title: str,
    feed_path: str,
    page_path: str,
    entries: list[dict[str, Any]],
    absolute: Callable[[str], str],
) -> str:
    """An Atom feed. The generator names the Evidex version, not the build, so a feed whose
    entries did not change is the same file after a rebuild (the static export keeps it)."""
    updated = max((atom_date(e.get("updated")) for e in entries), default=_FALLBACK_DATE)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(absolute(feed_path))}</id>",
        f'  <link rel="self" href="{escape(absolute(feed_path))}"/>',
        f'  <link rel="alternate" type="text/html" href="{escape(absolute(page_path))}"/>',
        f"  <updated>{updated}</updated>",
        "  <author><name>Evidex editors</name></author>",
        f'  <generator version="{escape(evidex.__version__)}">Evidex</generator>',
    ]
    for entry in entries:
        link = absolute(entry_path(entry))
        entry_id = (
            f"{link}#{entry.get('kind')}-{entry.get('ref')}-{atom_date(entry.get('updated'))}"
        )
        out += [
            "  <entry>",
            f"    <title>{escape(str(entry.get('title', '')))}</title>",
            f"    <id>{escape(entry_id)}</id>",
            f'    <link href="{escape(link)}"/>',
            f"    <updated>{atom_date(entry.get('updated'))}</updated>",
            f'    <category term="{escape(str(entry.get("kind", "")))}"/>',
            f"    <summary>{escape(str(entry.get('summary', '')))}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"
