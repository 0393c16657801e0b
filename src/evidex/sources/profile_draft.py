"""A drug label drafted as a compound profile in the library's own format (seed 000): the
frontmatter with a `sources:` block saying where each field came from, and the seed's sections.

The draft keeps the label's words; dosage sentences are kept where the library's regimen reader
finds a regimen in them, so the draft's Dosage says what the build will read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from evidex.content.names import slugify
from evidex.content.regimens import parse_regimens
from evidex.content.sections import split_sentences
from evidex.sources.label import Label, LabelSection, fold
from evidex.text.lists import mean_and_unit, respectively_pairs
from evidex.text.numbers import NUMBER

_MAX_ITEMS = 12
_MAX_SENTENCE = 400
_DESCRIPTION_LIMIT = 300
_PK_WORDS = re.compile(
    r"half[- ]?li(?:fe|ves)|t\s?½|t1/2|\bpeak\b|\btmax\b|maximum (?:plasma|serum) concentration",
    re.IGNORECASE,
)
_CATEGORY = re.compile(r"\bPregnancy Category\s*:?\s*([ABCDX])\b", re.IGNORECASE)
_MOST_COMMON = re.compile(
    r"most common(?:ly reported)? adverse (?:reactions|events)\s*(?P<freq>\([^)]*\))?"
    r"[^:]*?(?:\bwere|\bare|\binclude|:)\s*:?\s*(?P<list>.+?)\.?$",
    re.IGNORECASE,
)
_NOT_A_LIST = re.compile(r"\brespectively\b|\bleading to\b|\bdiscontinu", re.IGNORECASE)
_SECTION_NUMBERS = re.compile(
    r"\s*\(\s*\d{1,2}(?:\.\d{1,2})*(?:\s*,\s*\d{1,2}(?:\.\d{1,2})*)*\s*\)"
)
_SEE_ALSO = re.compile(r"\s*[\[(]\s*see [^\])]*[\])]?", re.IGNORECASE)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?(?![^()]*\))|\s+and\s+(?![^()]*\))")
_LIST_END = re.compile(r"\s+To report\b.*$|\s+See \d.*$", re.IGNORECASE)
_NUMBER_CELL = re.compile(rf"^[<>≤≥]?\s*{NUMBER}\s*%?$")
_PEDIATRIC = re.compile(r"\b(?:pediatric|paediatric|child|children|adolescents?)\b", re.I)
_MONITOR = re.compile(r"\b(?:monitor|test(?:ing)? for|check|measure)\w*\b", re.IGNORECASE)
_LACTATION_WORDS = re.compile(r"breast[- ]?feeding|lactation|nursing", re.IGNORECASE)
_PRECAUTION_KINDS = ("warnings_precautions", "warnings", "precautions")
_NUMBER_PREFIX = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s+")


@dataclass
class ProfileDraft:
    slug: str
    title: str
    markdown: str


def _source(label: Label, field: str, section: LabelSection | None) -> dict[str, str]:
    entry = {"field": field, "from": "label", "set_id": label.set_id, "version": label.version}
    if label.date:
        entry["date"] = label.date
    if section is not None:
        if section.number:
            entry["section"] = section.number
        if section.code:
            entry["code"] = section.code
        if section.title:
            entry["title"] = section.title
    return entry


def _clean(sentence: str) -> str:
    without = _SEE_ALSO.sub("", _SECTION_NUMBERS.sub("", sentence))
    return fold(without.replace("]", "").replace("[", "")).replace("**", "")


def _sentences(section: LabelSection | None) -> list[str]:
    if section is None:
        return []
    found: list[str] = []
    for block in section.blocks:
        if block == section.title or block in section.headings or " | " in block:
            continue
        for sentence in split_sentences(block):
            cleaned = _clean(sentence)
            if len(cleaned) > 3 and cleaned not in found:
                found.append(cleaned[:_MAX_SENTENCE])
    return found


def _is_heading(block: str) -> bool:
    """A subsection title folded into its parent ("1.1 Rheumatoid Arthritis")."""
    return len(block.split()) <= 8 and not block.rstrip().endswith((".", ":", ")"))


def _strip_heading(sentences: list[str], section: LabelSection | None) -> list[str]:
    """openFDA text starts with the section's heading ("8.1 Pregnancy Risk Summary ...")."""
    if not sentences or section is None:
        return sentences
    first = re.sub(r"^\d{1,2}(?:\.\d{1,2})?\s+", "", sentences[0])
    for word in (section.title, "INDICATIONS AND USAGE", "CONTRAINDICATIONS"):
        bare = re.sub(r"^\d{1,2}(?:\.\d{1,2})?\s+", "", word or "")
        if bare and first.upper().startswith(bare.upper()):
            first = first[len(bare) :].strip()
    return [first, *sentences[1:]] if first else sentences[1:]


def _bullets(items: list[str]) -> list[str]:
    return [f"- {item}" for item in items[:_MAX_ITEMS]]


def _display_name(label: Label) -> str:
    name = (label.brand_names or label.generic_names or ["Unnamed label"])[0]
    return name.title() if name.isupper() or name.islower() else name


def _description(title: str, label: Label, usage: list[str]) -> str:
    generic = ", ".join(n.lower() for n in label.generic_names if n.casefold() != title.casefold())
    lead = f"{title} ({generic})" if generic else title
    if not usage:
        return f"{lead}: drafted from its drug label (set id {label.set_id})."
    text = f"{lead}: {usage[0]}"
    if len(text) <= _DESCRIPTION_LIMIT:
        return text
    cut = text[:_DESCRIPTION_LIMIT].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}."


def _regimen_sentences(label: Label) -> tuple[list[str], list[str], LabelSection | None]:
    """Dosage sentences (and dosage-table rows) in which the regimen reader finds a regimen,
    for adults and for children."""
    adults: list[str] = []
    children: list[str] = []
    sections = label.within("dosage")
    for section in sections:
        pediatric_section = bool(_PEDIATRIC.search(section.title))
        rows = [_row_sentence(block) for block in section.blocks if " | " in block]
        for sentence in [*_sentences(section), *rows]:
            if not sentence or not parse_regimens(sentence):
                continue
            pediatric = pediatric_section or _PEDIATRIC.search(sentence)
            chosen = children if pediatric else adults
            if sentence not in chosen:
                chosen.append(sentence)
    return adults, children, sections[0] if sections else None


def _row_sentence(row: str) -> str:
    """A dosage table row read as a sentence: 'Moderate symptoms: 0.5 mg to 2 mg b.i.d.'."""
    cells = [cell for cell in row.split(" | ") if cell.strip()]
    if len(cells) < 2:
        return ""
    return _clean(f"{cells[0]}: {'; '.join(cells[1:])}").rstrip(".") + "."


def _side_effects(section: LabelSection | None, names: list[str]) -> list[str]:
    """'Term (frequency)' from the label's 'most common' sentence and adverse-reaction tables."""
    if section is None:
        return []
    found: list[str] = []
    seen: set[str] = set()

    def add(term: str, frequency: str) -> None:
        term = _clean(term).strip(" ;:.")
        term = re.sub(r"^(?:and|or)\s+", "", term)
        if 2 < len(term) < 80 and term.casefold() not in seen:
            seen.add(term.casefold())
            found.append(f"{term[0].upper()}{term[1:]} ({frequency})" if frequency else term)

    for sentence in _sentences(section):
        match = _MOST_COMMON.search(sentence)
        if match and not _NOT_A_LIST.search(sentence):
            frequency = (match.group("freq") or "").strip("()") or "most common"
            for term in _LIST_SPLIT.split(_LIST_END.sub("", match.group("list"))):
                add(term, frequency)
    for table in section.tables:
        _table_side_effects(table, names, add)
    return found


def _table_side_effects(
    table: list[list[str]], names: list[str], add: Callable[[str, str], None]
) -> None:
    """Rows of an adverse-reaction table: the term and its rate in the drug's column (the
    column naming the drug, else the first that is not placebo)."""
    header = next((row for row in table if row and not any(_NUMBER_CELL.match(c) for c in row)), [])
    lowered = [cell.casefold() for cell in header]
    drug_column = next(
        (i for i, cell in enumerate(lowered) if i and any(n.casefold() in cell for n in names)),
        next((i for i, cell in enumerate(lowered) if i and "placebo" not in cell), None),
    )
    for row in table:
        if (
            len(row) < 2
            or _NUMBER_CELL.match(row[0])
            or not any(_NUMBER_CELL.match(c) for c in row)
        ):
            continue
        column = drug_column if drug_column is not None and drug_column < len(row) else None
        cells = [row[column]] if column is not None else row[1:]
        value = next((c for c in cells if _NUMBER_CELL.match(c)), "")
        if value:
            add(row[0], value if value.endswith("%") else f"{value}%")


def respectively(sentence: str) -> list[str]:
    """'A and B were 4.7 ± 1.6 µg/mL and 131 ± 56 hours respectively' as 'A: 4.7 µg/mL
    (4.7 ± 1.6 µg/mL)' and 'B: 131 hours (131 ± 56 hours)', each value beside its subject."""
    pairs = []
    for subject, value in respectively_pairs(sentence):
        mean = mean_and_unit(value)
        shown = f"{mean} ({value})" if mean else value
        pairs.append(f"{subject[0].upper()}{subject[1:]}: {shown}.")
    return pairs


def _pharmacokinetics(label: Label) -> tuple[list[str], LabelSection | None]:
    for kind in ("pharmacokinetics", "clinical_pharmacology"):
        for section in label.all(kind):
            picked = [s for s in _sentences(section) if _PK_WORDS.search(s)][:4]
            if picked:
                derived = [pair for s in picked for pair in respectively(s)]
                return picked + [d for d in derived if _PK_WORDS.search(d)], section
    return [], None


def _monitoring(label: Label) -> tuple[list[str], LabelSection | None]:
    for section in label.all("monitoring"):
        picked = [s.rstrip(".") for s in _sentences(section) if _MONITOR.search(s)]
        if picked:
            return picked[:6], section
    return [], None


_SEVERITY_WORDS = re.compile(r"contraindicat|caution|must not|do not|should not|avoid", re.I)
_LIST_ITEM_WORDS = 14


def _contraindication(item: str) -> str:
    """A listed condition says 'contraindicated' as the section's heading does; a sentence
    that explains (or already says how strongly) stays as the label wrote it."""
    if _SEVERITY_WORDS.search(item) or len(item.split()) > _LIST_ITEM_WORDS:
        return item
    return f"{item.rstrip('.')}: contraindicated."


def _labelled(label: str, text: str) -> str:
    return f"- **{label}:** {text}"


def draft_profile(label: Label) -> ProfileDraft:
    """The label as a draft profile: frontmatter (with `sources:`) and the seed's sections."""
    title = _display_name(label)
    slug = slugify(title)
    sources: list[dict[str, str]] = []
    body: list[str] = []

    def section(heading: str, lines: list[str]) -> None:
        if lines:
            body.extend([f"## **{heading}**", "", *lines, ""])

    indications = label.first("indications")
    usage = _strip_heading(_sentences(indications), indications)
    mechanism_section = label.first("mechanism")
    mechanism = _strip_heading(_sentences(mechanism_section), mechanism_section)[:2]
    if usage:
        sources.append(_source(label, "usage", indications))
    usage_lines = _bullets(usage[:4])
    if label.drug_class:
        usage_lines.append(_labelled("Pharmacological Classification", label.drug_class))
    if mechanism:
        sources.append(_source(label, "mechanism", mechanism_section))
        usage_lines.append(_labelled("Mechanism of Action", " ".join(mechanism)))
    section("Usage", usage_lines)

    names = [n for n in label.generic_names if n.casefold() != title.casefold()]
    name_lines = _bullets(names)
    if label.brand_names:
        name_lines.append(_labelled("Brand Names", ", ".join(label.brand_names)))
    if name_lines:
        sources.append(_source(label, "names", None))
    section("Alternate Names", name_lines)

    pk, pk_section = _pharmacokinetics(label)
    if pk:
        sources.append(_source(label, "half_life", pk_section))
        section("How It Works", [_labelled("Pharmacokinetics", " ".join(pk))])

    adults, children, dosage = _regimen_sentences(label)
    if adults or children:
        sources.append(_source(label, "dosage", dosage))
        lines = ["### **Standard Dosage**", ""]
        if adults:
            lines += ["#### **Adults:**", "", *_bullets(adults), ""]
        if children:
            lines += ["#### **Children:**", "", *_bullets(children), ""]
        section("Dosage", lines[:-1])

    adverse = label.first("adverse_reactions")
    effects = _side_effects(adverse, [*label.brand_names, *label.generic_names])
    if effects:
        sources.append(_source(label, "side_effects", adverse))
        section("Side Effects", ["### **Common Side Effects:**", "", *_bullets(effects)])

    contraindications = label.first("contraindications")
    items = [
        _contraindication(s)
        for s in _strip_heading(_sentences(contraindications), contraindications)
        if not re.match(r"^(?:none|\d+(?:\.\d+)?\s*$)", s, re.I)
    ]
    if items:
        sources.append(_source(label, "contraindications", contraindications))
    section("Contraindications", _bullets(items))

    pregnancy_lines = _pregnancy_lines(label, sources)
    section("Pregnancy and Breastfeeding", pregnancy_lines)

    monitoring, monitoring_section = _monitoring(label)
    if monitoring:
        sources.append(_source(label, "monitoring", monitoring_section))
        section("Drug Profile Summary", [_labelled("Monitoring Parameters", "; ".join(monitoring))])

    section("Precautions", _precaution_lines(label, sources))

    frontmatter = {
        "title": title,
        "description": _description(title, label, usage),
        "is_banned": False,
        "lastModified": f"{label.date}T00:00:00.000Z" if label.date else None,
        "slug": slug,
        "aliases": names,
        "faqs": [],
        "sources": sources,
    }
    if label.drug_class:
        frontmatter["class"] = label.drug_class
    if frontmatter["lastModified"] is None:
        del frontmatter["lastModified"]
    head = yaml.safe_dump(frontmatter, sort_keys=False, allow_unicode=True, width=100)
    return ProfileDraft(slug, title, f"---\n{head}---\n" + "\n".join(body))


def _pregnancy_lines(label: Label, sources: list[dict[str, str]]) -> list[str]:
    lines: list[str] = []
    pregnancy = label.first("pregnancy")  # the first standing section; repeats are parts of others
    if pregnancy is not None:
        sentences = _strip_heading(_sentences(pregnancy), pregnancy)
        category = _CATEGORY.search(pregnancy.text)
        sources.append(_source(label, "pregnancy", pregnancy))
        text = " ".join(sentences[:3])
        if category:  # as the seed writes it: the category, then what the label says
            lines.append(_labelled("Pregnancy Safety Category", f"{category.group(1)}. {text}"))
        elif text:
            lines.append(_labelled("Pregnancy", text))
    lactation = label.first("lactation")
    if lactation is None and pregnancy is not None and _LACTATION_WORDS.search(pregnancy.title):
        lactation = pregnancy  # one OTC paragraph: "If pregnant or breast-feeding, ask ..."
    if lactation is not None:
        sentences = _strip_heading(_sentences(lactation), lactation)
        if sentences:
            sources.append(_source(label, "breastfeeding", lactation))
            lines.append(_labelled("Breastfeeding", " ".join(sentences[:3])))
    return lines


def _precaution_lines(label: Label, sources: list[dict[str, str]]) -> list[str]:
    """The boxed warning first, then the label's warnings, one line each."""
    lines: list[str] = []
    boxed = label.first("boxed_warning")
    if boxed is not None:
        text = _strip_heading(_sentences(boxed), boxed)
        if text:
            sources.append(_source(label, "boxed_warning", boxed))
            headings = [boxed.title, *(b for b in boxed.blocks if _is_heading(b))]
            named = [re.sub(r"^\W*warnings?\W*", "", h, flags=re.I) for h in headings]
            heading = next((h for h in named if h), "Warning")
            lines.append(_labelled(f"Boxed warning ({heading.capitalize()})", " ".join(text[:3])))
    for kind in _PRECAUTION_KINDS:
        for found in label.all(kind):
            parts = [s for s in label.sections if s.parent_kind == kind and s.title] or [found]
            for part in parts:
                first = _strip_heading(_sentences(part), part)[:1]
                if not first:
                    continue
                heading = _NUMBER_PREFIX.sub("", part.title) if part is not found else ""
                lines.append(_labelled(heading, first[0]) if heading else f"- {first[0]}")
                if not sources or sources[-1]["field"] != "warnings":
                    sources.append(_source(label, "warnings", found))
                if len(lines) >= _MAX_ITEMS:
                    return lines
    return lines
