"""Jinja2 environment and page rendering shared by every HTML view (ours and other routers').

Other routers render with `render_page(request, "stack.html", {...})`; templates extend
`base.html` and build every internal link with `url("/path")` so the static export can put the
site under a sub-path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from evidex.content.timespan import hours_phrase
from evidex.evidence.models import DESIGN_LABELS
from evidex.web.security import META_CONTENT_SECURITY_POLICY

TEMPLATES_DIR = Path(str(resources.files("evidex.web").joinpath("templates")))
STATIC_DIR = Path(str(resources.files("evidex.web").joinpath("static")))

DISCLAIMER = (
    "Evidex is an educational reference, not medical advice. It does not replace a "
    "clinician who knows your history. Do not start, stop or change any medicine or "
    "supplement without professional guidance."
)
TIER_NAMES = {
    1: "proven efficacy",
    2: "strong evidence",
    3: "probable efficacy",
    4: "possible efficacy",
    5: "insufficient / preclinical",
}


@dataclass(frozen=True)
class Site:
    """Where the site lives: `base_path` prefixes internal links ("/evidex" under a sub-path);
    `base_url` makes absolute URLs (canonical, sitemap, feeds); `static_export` writes
    directory-style links (`/compounds/x/`) that a plain file server can answer."""

    base_path: str = ""
    base_url: str = ""
    static_export: bool = False
    live_reload: bool = False  # `evidex dev`: pages reload themselves when a new build is served

    def url(self, path: str) -> str:
        if not path.startswith("/"):
            return path
        if self.static_export:
            path = export_path(path)
        return f"{self.base_path}{path}"

    def absolute(self, path: str, request_base: str = "") -> str:
        if self.static_export and not self.base_url:
            return self.url(path)  # no known host: stay relative to the site root
        base = self.base_url.rstrip("/") if self.base_url else request_base.rstrip("/")
        if self.base_url:
            suffix = export_path(path) if self.static_export else path
            return f"{base}{suffix}"
        return f"{base}{self.url(path)}"


def own_origin(request: Request) -> str:
    """The origin absolute links use when no base URL is set: the address this server
    listens on (the ASGI `server`), never the client's Host header."""
    scheme = request.scope.get("scheme", "http")
    server = request.scope.get("server")
    if not server:
        return ""
    host, port = server[0], server[1]
    if ":" in host:
        host = f"[{host}]"
    if port is None or {"http": 80, "https": 443}.get(scheme) == port:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def export_path(path: str) -> str:
    """A URL path as the static export lays it out: pages become directories."""
    path, _, query = path.partition("?")
    last = path.rsplit("/", 1)[-1]
    if "." not in last and not path.endswith("/"):
        path += "/"
    return f"{path}?{query}" if query else path


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json"> block; '<', '>' and '&' escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def trusted_html(html: str | None) -> Markup:
    """Mark HTML safe: ONLY for fragments the build sanitised (sections, article bodies)
    or generated itself (forest SVG)."""
    return Markup(html or "")


def safe_url(value: str | None) -> str:
    """An external link only when it is plain http(s); anything else (javascript:, data:)
    becomes empty so templates drop the link."""
    text = (value or "").strip()
    lowered = text.lower()
    if lowered.startswith(("https://", "http://")) and not any(c in text for c in "\n\r\t"):
        return text
    return ""


def number(value: float | int | None, places: int = 2) -> str:
    """Numbers as people write them: 2.0 -> '2', 2.333 -> '2.33'."""
    if value is None:
        return ""
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return text or "0"


def tier_badge(tier: Any, name: str | None = None, href: str | None = None) -> Markup:
    """A tier's badge, linked when `href` is given. A plain function rather than a macro: a
    profile shows one per goal twice and a goal page one per compound (f-strings with
    `escape`: Markup.format's formatter cost several times the badge)."""
    number = escape(tier)
    inner = (
        f'<span class="tier-shape" aria-hidden="true"></span><span class="tier-text">Tier {number}'
        f'<span class="tier-name"> · {escape(name or TIER_NAMES.get(tier, ""))}</span></span>'
    )
    if href:
        return Markup(f'<a class="tier tier-{number}" href="{escape(href)}">{inner}</a>')
    return Markup(f'<span class="tier tier-{number}">{inner}</span>')


def banned_badge(details: str | None = None) -> Markup:
    """The "banned in sport" badge, its title the ban's details when known."""
    title = escape(details or "Prohibited in tested sport")
    return Markup(
        f'<span class="badge banned" title="{title}"><span class="banned-icon" aria-hidden="true">'
        "</span>Banned in sport</span>"
    )


def forest_figure(wide: str | None, narrow: str | None, caption: str) -> Markup:
    """A forest plot (the build's SVG) at full width and, when drawn, at a phone's width."""
    phone = f'<div class="forest-narrow">{narrow}</div>' if narrow else ""
    return Markup(
        f'<figure class="forest">\n  <div class="forest-wide">{wide or ""}</div>\n{phone}'
        f"  <figcaption>{escape(caption)} {_FOREST_NOTE}</figcaption>\n</figure>"
    )


_FOREST_NOTE = (
    "Each line is a study's estimate with its 95% confidence interval; the dashed line marks no"
    " effect, and the labels under each axis say which side favours which treatment."
)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class PageEnvironment(Environment):
    """Jinja's environment with a quicker `doc.field` on the dicts the pages render from."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Jinja tries the attribute, then the key. A name a dict has no attribute for can only
        # be its key, so it is looked up directly: same answer, no AttributeError raised and
        # caught on every field of every page.
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def make_environment(site: Site) -> Environment:
    env = PageEnvironment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(("html", "xml"), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        cache_size=400,
    )
    env.globals.update(
        url=site.url,
        site=site,
        disclaimer=DISCLAIMER,
        tier_names=TIER_NAMES,
        design_labels=DESIGN_LABELS,
        json_ld=json_ld,
        tier_badge=tier_badge,
        banned_badge=banned_badge,
        forest_figure=forest_figure,
        # a static host may send no headers at all: the export carries its policy in the page
        csp_meta=META_CONTENT_SECURITY_POLICY if site.static_export else "",
    )
    env.filters["trusted_html"] = trusted_html
    env.filters["safe_url"] = safe_url
    env.filters["num"] = number
    env.filters["hours"] = hours_phrase
    chrome = env.get_template("_chrome.html").module
    env.globals["chrome"] = {
        part: getattr(chrome, part)()
        for part in ("head_links", "head_scripts", "site_header", "site_footer")
    }
    return env


def environment(request: Request) -> Environment:
    env: Environment = request.app.state.templates
    return env


def render_text(request: Request, template: str, context: dict[str, Any]) -> str:
    env = environment(request)
    page_context = {
        "request_path": request.url.path,
        # Without a base URL the page names itself from the site root: a page is a function
        # of the build and its path alone, so the build can render it (evidex.web.prerender).
        "canonical": request.app.state.site.absolute(request.url.path),
        **context,
    }
    return env.get_template(template).render(page_context)


def render_page(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """Render a template extending base.html into a response."""
    return HTMLResponse(render_text(request, template, context), status_code=status_code)
