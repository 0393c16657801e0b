"""Atom feeds of updated content (site-wide and per compound)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

_ATOM_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def atom_date(value: str | None) -> str | None:
    """An RFC 3339 timestamp from the dates content carries ('2025-04-02', ISO with offset);
    None when there is no date or it cannot exist (such an entry is left out of the feed)."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime(_ATOM_FORMAT)


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
    build_id: str,
    built_at: str | None = None,
) -> str:
    """The feed of `entries` that carry a real date; with none, the feed is as new as the build."""
    dated = [(entry, stamp) for entry in entries if (stamp := atom_date(entry.get("updated")))]
    fallback = atom_date(built_at) or datetime.now(UTC).strftime(_ATOM_FORMAT)
    updated = max((stamp for _, stamp in dated), default=fallback)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(absolute(feed_path))}</id>",
        f'  <link rel="self" href="{escape(absolute(feed_path))}"/>',
        f'  <link rel="alternate" type="text/html" href="{escape(absolute(page_path))}"/>',
        f"  <updated>{updated}</updated>",
        "  <author><name>Evidex editors</name></author>",
        f'  <generator version="{escape(build_id)}">Evidex</generator>',
    ]
    for entry, stamp in dated:
        link = absolute(entry_path(entry))
        entry_id = f"{link}#{entry.get('kind')}-{entry.get('ref')}-{stamp}"
        out += [
            "  <entry>",
            f"    <title>{escape(str(entry.get('title', '')))}</title>",
            f"    <id>{escape(entry_id)}</id>",
            f'    <link href="{escape(link)}"/>',
            f"    <updated>{stamp}</updated>",
            f'    <category term="{escape(str(entry.get("kind", "")))}"/>',
            f"    <summary>{escape(str(entry.get('summary', '')))}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"
