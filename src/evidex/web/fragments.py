"""Page blocks built in Python rather than in a template: the ones a page repeats per study or
outcome, where Jinja's per-field work (a generator step, an escape and a Markup object per
field) costs several times the HTML itself. Text is joined with f-strings: Markup.format's
formatter costs more than the escaping. Live and pre-rendered pages call the same
functions; every text value is escaped with markupsafe's `escape` as the template would
(numbers written by `number` need none)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from evidex.evidence.models import DESIGN_LABELS
from evidex.web.templating import number, safe_url

_TABLE_HEAD = (
    '<div class="table-scroll" tabindex="0" role="region" aria-label="Studies table (scrolls'
    ' sideways)">\n<table class="studies stack-on-phone">\n'
    '  <caption class="visually-hidden">Studies and their outcomes</caption>\n'
    "  <thead><tr>\n"
    '    <th scope="col">Study</th><th scope="col">Design</th><th scope="col">n</th>\n'
    '    <th scope="col">Population</th><th scope="col">Comparator</th>'
    '<th scope="col">Outcome</th>\n'
    '    <th scope="col">Estimate (95% CI)</th><th scope="col">p</th>'
    '<th scope="col">Result</th>\n'
    "  </tr></thead>\n  <tbody>\n"
)
_TABLE_FOOT = "  </tbody>\n</table>\n</div>"
_NO_STUDIES = '    <tr><td colspan="9">No studies recorded yet.</td></tr>\n'
_NO_OUTCOME = '      <td colspan="4" class="muted">No outcome figures recorded</td>\n'
_REGISTRY = (
    '<span class="badge curated" title="Numbers from the trial registry\'s posted results">'
    "registry</span>"
)
_CURATED = '<span class="badge curated">curated</span>'
_UNVERIFIED = (
    '<span class="badge unverified" title="Extracted automatically from text; not yet checked'
    ' by an editor">extracted, unverified</span>'
)


def study_table(views: list[dict[str, Any]]) -> Markup:
    """The studies table of an evidence page and a research article: one row per outcome of
    each study view (`evidex.evidence.presentation.study_view`)."""
    parts = [_TABLE_HEAD]
    for view in views:
        outcomes = view["outcomes"] or [None]
        for index, outcome in enumerate(outcomes):
            parts.append("    <tr>\n")
            if index == 0:
                _study_cells(parts, view, len(outcomes))
            if outcome:
                _outcome_cells(parts, outcome)
            else:
                parts.append(_NO_OUTCOME)
            parts.append("    </tr>\n")
    if not views:
        parts.append(_NO_STUDIES)
    parts.append(_TABLE_FOOT)
    return Markup("".join(parts))


def _study_cells(parts: list[str], view: dict[str, Any], rows: int) -> None:
    study = view["study"]
    parts.append(f'      <th scope="row" rowspan="{rows}">\n')
    if view["cited"]:
        trial = f"{escape(view['trial'])}: " if view["trial"] else ""
        name = escape(view["citation"] or view["title"])
        parts.append(f'        <span class="study-name">{trial}{name}</span>\n')
        if view["title"] and view["citation"]:
            parts.append(f'<span class="study-title">{escape(view["title"])}</span>')
    else:
        parts.append(f'        <span class="study-name">{escape(view["design"])}</span>\n')
        parts.append('        <span class="study-title muted">Citation not recorded</span>\n')
    if view["links"]:
        links = " · ".join(
            f'<a href="{escape(safe_url(link["url"]))}" rel="nofollow noopener">'
            f"{escape(link['label'])}</a>"
            for link in view["links"]
        )
        parts.append(f'<span class="study-links">{links}</span>')
    if study["provenance"] == "registry":
        parts.append(_REGISTRY)
    elif study["curated"]:
        parts.append(_CURATED)
    else:
        parts.append(_UNVERIFIED)
    if view["summary"]:
        parts.append(f'<span class="study-summary">{escape(view["summary"])}</span>')
    design = str(escape(DESIGN_LABELS.get(study["design"], study["design"])))
    if study["n_studies"]:
        design += f' <span class="muted">({escape(study["n_studies"])} trials)</span>'
    n = study["n"]
    parts.append(
        f"      </th>\n"
        f'      <td rowspan="{rows}" data-label="Design">{design}</td>\n'
        f'      <td rowspan="{rows}" data-label="n" class="num">'
        f"{number(n) if n is not None else '—'}</td>\n"
        f'      <td rowspan="{rows}" data-label="Population">'
        f"{escape(study['population'] or '—')}</td>\n"
        f'      <td rowspan="{rows}" data-label="Comparator">'
        f"{escape(study['comparator'] or '—')}</td>\n"
    )


def _outcome_cells(parts: list[str], view: dict[str, Any]) -> None:
    outcome = view["o"]
    name = str(escape(outcome["name"]))
    if outcome["timepoint"]:
        name += f' <span class="muted">({escape(outcome["timepoint"])})</span>'
    if view["arms"]:
        name += f'<span class="arms">{escape(view["arms"])}</span>'
    measure, value = outcome["measure"], number(outcome["value"], 3)
    if measure == "percent":
        estimate = f"{value}%"
    elif measure == "count":
        estimate = value
    else:
        estimate = f"{escape(measure)} {value}"
    estimate = f'<span class="nowrap">{estimate}</span>'
    if view["unit"] and measure == "MD":
        estimate += f" {escape(view['unit'])}"
    low, high, level = outcome["ci_low"], outcome["ci_high"], outcome["ci_level"]
    if low is not None and high is not None:
        label = f"{number(level, 3)}% CI " if level and level != 95 else ""
        dash = " to " if low < 0 or high < 0 else "–"
        interval = f"{number(low, 3)}{dash}{number(high, 3)}"
        estimate += f' <span class="nowrap">({label}{interval})</span>'
    against = " verdict-against" if outcome["direction"] == "harm" else ""
    parts.append(
        f'      <td data-label="Outcome" class="outcome">{name}</td>\n'
        f'      <td class="estimate" data-label="Estimate (95% CI)">{estimate}</td>\n'
        f'      <td class="num" data-label="p">{escape(outcome["p"] or "—")}</td>\n'
        f'      <td data-label="Result" class="verdict{against}">'
        f"{escape(view['verdict'] or '—')}</td>\n"
    )


def profile_toc(doc: dict[str, Any], sections: list[dict[str, Any]]) -> Markup:
    """A profile's "On this page" list: its fixed parts and a link to each body section."""
    links = "".join(
        f'<li><a href="#section-{escape(s["key"])}">{escape(s["title"])}</a></li>' for s in sections
    )
    dosing = '<li><a href="#regimens">Dosing</a></li>' if doc.get("regimens") else ""
    faqs = '<li><a href="#faqs">FAQs</a></li>' if doc.get("faqs") else ""
    return Markup(
        '<nav class="toc" aria-label="On this page">\n  <ul>\n'
        f'    <li><a href="#evidence">Evidence by goal</a></li>\n{dosing}'
        f'    <li><a href="#safety">Safety</a></li>\n{links}{faqs}  </ul>\n</nav>'
    )


def profile_sections(sections: list[dict[str, Any]]) -> Markup:
    """A profile's body sections (their HTML sanitised by the build), each under its heading."""
    return Markup(
        "".join(
            f'<section id="section-{key}" class="prose" aria-labelledby="h-{key}">\n'
            f'  <h2 id="h-{key}">{escape(s["title"])}</h2>\n  {s["html"] or ""}\n</section>\n'
            for s in sections
            for key in (escape(s["key"]),)
        )
    )
