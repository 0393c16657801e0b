"""Drug labels (HL7 SPL XML and openFDA label JSON) read into one `Label`: its identity and its
sections, each classified by LOINC code AND title together.

Real labels reuse codes (a Pregnancy code inside Contraindications, 4.3, beside the real 8.1),
leave titles empty, and code dosage tables as boxed warnings; so a section only becomes a field
where its place in the label allows it, and anything else is read as part of its parent.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from evidex.sources.reader import SourceError

_V3 = "{urn:hl7-org:v3}"

# LOINC section codes of the kinds a profile draws on.
KIND_BY_CODE: dict[str, str] = {
    "34066-1": "boxed_warning",
    "34067-9": "indications",
    "34068-7": "dosage",
    "34070-3": "contraindications",
    "43685-7": "warnings_precautions",
    "34071-1": "warnings",
    "42232-9": "precautions",
    "34084-4": "adverse_reactions",
    "34073-7": "interactions",
    "42228-7": "pregnancy",
    "34077-8": "pregnancy",  # teratogenic effects (old format), a part of pregnancy
    "34080-2": "lactation",
    "77290-5": "lactation",
    "43684-0": "specific_populations",
    "34090-1": "clinical_pharmacology",
    "43679-0": "mechanism",
    "43681-6": "pharmacodynamics",
    "43682-4": "pharmacokinetics",
    "34089-3": "description",
    "48780-1": "product_data",
    "34076-0": "patient_information",
    "42231-1": "patient_information",
    "42230-3": "patient_information",
    "51945-4": "package_label",
}
_UNCLASSIFIED = "42229-5"

# Title words, tried in order; the first match is the title's kind.
_TITLE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("boxed_warning", r"^\W*(?:boxed warning|warning\s*:)"),
        ("pregnancy", r"\bpregnan|\bteratogenic"),
        ("lactation", r"\b(?:lactation|nursing mothers?|breast[- ]?feeding)\b"),
        ("contraindications", r"\bcontra-?indications?\b"),
        ("warnings_precautions", r"^\W*warnings and precautions\b"),
        ("warnings", r"^\W*warnings?\W*$"),
        ("precautions", r"^\W*precautions\W*$"),
        ("adverse_reactions", r"\badverse (?:reactions|events|experiences)\b"),
        ("interactions", r"^\W*drug interactions\b"),
        ("pharmacokinetics", r"\bpharmacokinetics?\b"),
        ("mechanism", r"\bmechanism of action\b"),
        ("monitoring", r"\bmonitor(?:ing)?\b|\blaboratory tests\b"),
        ("indications", r"^\W*indications?\b"),
        ("dosage", r"\bdosage\b|\bdosing\b|\badministration\b"),
        ("patient_information", r"\bpatient (?:counseling|information)\b|\bmedication guide\b"),
    )
)
# Where a section may stand as a field of its own; inside any other kind it is part of its parent
# (Lipitor's 4.3 Pregnancy is a contraindication; Teratogenic Effects is part of 8.1).
_CONTAINERS = frozenset(
    {
        "",
        "dosage",
        "specific_populations",
        "clinical_pharmacology",
        "warnings",
        "precautions",
        "warnings_precautions",
    }
)
_NUMBERED_TITLE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+")
_SPACES = re.compile(r"\s+")
_BLOCKS = frozenset({"paragraph", "item", "tr", "caption", "title"})
_OPENFDA_SPLIT = re.compile(r"(?<=[.:])\s+(?=\d{1,2}\.\d{1,2}\s+[A-Z])")

# openFDA label fields and the LOINC code of the section they hold.
_OPENFDA_FIELDS: dict[str, str] = {
    "boxed_warning": "34066-1",
    "indications_and_usage": "34067-9",
    "dosage_and_administration": "34068-7",
    "contraindications": "34070-3",
    "warnings_and_cautions": "43685-7",
    "warnings": "34071-1",
    "precautions": "42232-9",
    "adverse_reactions": "34084-4",
    "drug_interactions": "34073-7",
    "pregnancy": "42228-7",
    "teratogenic_effects": "34077-8",
    "nursing_mothers": "34080-2",
    "lactation": "77290-5",
    "clinical_pharmacology": "34090-1",
    "mechanism_of_action": "43679-0",
    "pharmacodynamics": "43681-6",
    "pharmacokinetics": "43682-4",
    "description": "34089-3",
    "pregnancy_or_breast_feeding": "",
    "do_not_use": "",
    "stop_use": "",
}
_OPENFDA_TITLES = {
    "pregnancy_or_breast_feeding": "Pregnancy or breast-feeding",
    "do_not_use": "Do not use",
    "stop_use": "Stop use",
}


@dataclass
class LabelSection:
    kind: str  # "pregnancy", "dosage", ... or "" when the label's own words say nothing known
    code: str  # LOINC section code as written ("" when absent)
    title: str  # as written, whitespace folded ("" when the label leaves it empty)
    blocks: list[str] = field(default_factory=list)  # paragraphs, list items, table rows
    tables: list[list[list[str]]] = field(default_factory=list)  # rows of cells
    parent_kind: str = ""  # kind of the section it stands in ("" at the top)
    headings: set[str] = field(default_factory=set)  # titles of subsections read into it

    @property
    def number(self) -> str:
        match = _NUMBERED_TITLE.match(self.title)
        return match.group(1) if match else ""

    @property
    def text(self) -> str:
        return "\n".join(self.blocks)

    @property
    def reference(self) -> str:
        """How the draft names it: 'section 8.1', or its title, or its code."""
        if self.number:
            return f"section {self.number}"
        if self.title:
            return f"section “{self.title}”"
        return f"section {self.code}" if self.code else "label"


@dataclass
class Label:
    source_path: str
    format: str  # "spl" | "openfda"
    set_id: str
    version: str
    date: str  # ISO yyyy-mm-dd, "" when the label gives none
    brand_names: list[str]
    generic_names: list[str]
    drug_class: str  # openFDA established pharmacologic class, "" when absent
    sections: list[LabelSection]

    def first(self, kind: str) -> LabelSection | None:
        return next((section for section in self.sections if section.kind == kind), None)

    def all(self, kind: str) -> list[LabelSection]:
        return [section for section in self.sections if section.kind == kind]

    def within(self, kind: str) -> list[LabelSection]:
        """Sections of `kind` and the subsections standing in them, in label order."""
        return [s for s in self.sections if kind in (s.kind, s.parent_kind)]


def fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _iso_date(value: str) -> str:
    digits = value.strip()[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return ""


def title_kind(title: str) -> str:
    bare = _NUMBERED_TITLE.sub("", title)
    return next((kind for kind, pattern in _TITLE_KINDS if pattern.search(bare)), "")


def section_kind(code: str, title: str, parent_kind: str, depth: int) -> str:
    """The section's kind from its code and its title together, given where it sits."""
    by_code = KIND_BY_CODE.get(code, "")
    by_title = title_kind(title) if title else ""
    if by_code == "boxed_warning" and depth > 0 and by_title != "boxed_warning":
        return ""  # a table coded as a boxed warning inside another section
    if by_code and by_title and by_code != by_title:
        # Codes are the more specific where titles are generic words ("Monitoring" in a
        # pharmacokinetics code stays pharmacokinetics) except for an unclassified code.
        return by_title if by_code in ("specific_populations", "clinical_pharmacology") else by_code
    return by_code or by_title


# --- SPL XML ---------------------------------------------------------------------------


def _inline_text(element: ElementTree.Element) -> str:
    """The element's text without nested blocks, lists or tables (read as their own blocks)."""
    parts = [element.text or ""]
    for child in element:
        name = child.tag.removeprefix(_V3)
        if name not in _BLOCKS and name not in ("list", "table"):
            parts.append(_inline_text(child))
        elif name == "br":
            parts.append(" ")
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(element: ElementTree.Element) -> Iterator[str]:
    for child in element:
        name = child.tag.removeprefix(_V3)
        if name == "tr":
            cells = [fold("".join(cell.itertext())) for cell in child]
            row = " | ".join(cell for cell in cells if cell)
            if row:
                yield row
            continue
        if name in _BLOCKS:
            text = fold(_inline_text(child))
            if text:
                yield text
        yield from _blocks(child)


def _tables(element: ElementTree.Element) -> list[list[list[str]]]:
    tables = []
    for table in element.iter(f"{_V3}table"):
        rows = [[fold("".join(cell.itertext())) for cell in row] for row in table.iter(f"{_V3}tr")]
        tables.append(rows)
    return tables


def _spl_sections(root: ElementTree.Element, path: str) -> list[LabelSection]:
    body = root.find(f"{_V3}component/{_V3}structuredBody")
    if body is None:
        raise SourceError(path, "SPL document has no structured body", "component/structuredBody")
    found: list[LabelSection] = []

    def walk(section: ElementTree.Element, parent: LabelSection | None, depth: int) -> None:
        code_el = section.find(f"{_V3}code")
        code = (code_el.get("code") or "") if code_el is not None else ""
        title_el = section.find(f"{_V3}title")
        title = fold("".join(title_el.itertext())) if title_el is not None else ""
        text_el = section.find(f"{_V3}text")
        blocks = list(_blocks(text_el)) if text_el is not None else []
        tables = _tables(text_el) if text_el is not None else []
        parent_kind = parent.kind if parent is not None else ""
        kind = section_kind(code if code != _UNCLASSIFIED else "", title, parent_kind, depth)
        if parent is not None and (parent_kind not in _CONTAINERS or not (kind or title)):
            # part of its parent: its title and text read as the parent's own; a title with
            # no text of its own is an item ("4.1 Active liver disease ...")
            if title and (blocks or section.find(f"{_V3}component/{_V3}section") is not None):
                parent.headings.add(title)
                parent.blocks.append(title)
            elif title:
                parent.blocks.append(_NUMBERED_TITLE.sub("", title))
            parent.blocks.extend(blocks)
            parent.tables.extend(tables)
            owner = parent
        else:
            owner = LabelSection(kind, code, title, blocks, tables, parent_kind)
            found.append(owner)
        for child in section.findall(f"{_V3}component/{_V3}section"):
            walk(child, owner, depth + 1)

    for top in body.findall(f"{_V3}component/{_V3}section"):
        walk(top, None, 0)
    return found


def _spl_names(root: ElementTree.Element) -> tuple[list[str], list[str]]:
    brands: list[str] = []
    generics: list[str] = []
    for product in root.iter(f"{_V3}manufacturedProduct"):
        name = product.find(f"{_V3}name")
        if name is not None and fold("".join(name.itertext())):
            _add(brands, fold("".join(name.itertext())))
        generic = product.find(f"{_V3}asEntityWithGeneric/{_V3}genericMedicine/{_V3}name")
        if generic is not None and fold("".join(generic.itertext())):
            _add(generics, fold("".join(generic.itertext())))
    return brands, generics


def _add(names: list[str], name: str) -> None:
    if name.casefold() not in (existing.casefold() for existing in names):
        names.append(name)


def read_spl(root: ElementTree.Element, path: str) -> Label:
    set_id = root.find(f"{_V3}setId")
    version = root.find(f"{_V3}versionNumber")
    when = root.find(f"{_V3}effectiveTime")
    if set_id is None or not set_id.get("root"):
        raise SourceError(path, "SPL document has no set id", "setId")
    brands, generics = _spl_names(root)
    brands = [name for name in brands if name.casefold() not in {g.casefold() for g in generics}]
    return Label(
        source_path=path,
        format="spl",
        set_id=set_id.get("root", ""),
        version=(version.get("value") or "") if version is not None else "",
        date=_iso_date(when.get("value") or "") if when is not None else "",
        brand_names=brands,
        generic_names=generics,
        drug_class="",
        sections=_spl_sections(root, path),
    )


# --- openFDA JSON ----------------------------------------------------------------------


def openfda_records(document: Any) -> list[dict[str, Any]]:
    records = document.get("results", [document]) if isinstance(document, dict) else document
    return [record for record in records if isinstance(record, dict)]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


_RUN_IN_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\s+")
_MAX_HEADING_WORDS = 8


def _run_in_heading(text: str, kind: str, names: set[str]) -> str:
    """The heading openFDA runs into a section's text ("8.1 Pregnancy Risk Summary ...",
    "1 INDICATIONS AND USAGE HUMIRA is ..."): the shortest run of words that names the section's
    kind, carried on through the capitals that follow it (but not the drug's own name)."""
    number = _RUN_IN_NUMBER.match(text)
    start = number.end() if number else 0
    words = text[start:].split(" ")[:_MAX_HEADING_WORDS]
    for end in range(1, len(words) + 1):
        if title_kind(" ".join(words[:end])) == kind:
            break
    else:
        return ""
    while end < len(words) and words[end].isupper() and words[end].casefold() not in names:
        end += 1
    return text[: start + len(" ".join(words[:end]))]


def _openfda_section(name: str, code: str, texts: list[str], names: set[str]) -> LabelSection:
    text = fold(" ".join(texts))
    kind = KIND_BY_CODE.get(code, "")
    title = _OPENFDA_TITLES.get(name, "") or _run_in_heading(text, kind, names)
    if name in _OPENFDA_TITLES:
        kind = title_kind(title)
    elif title:
        text = text[len(title) :].strip()
    blocks = [fold(piece) for piece in _OPENFDA_SPLIT.split(text) if piece.strip()]
    return LabelSection(kind, code, title, blocks, [])


def _product_name(record: dict[str, Any]) -> str:
    # no openfda names (an empty "openfda": {}): the product data elements start with them
    for text in _strings(record.get("spl_product_data_elements")):
        words = fold(text).split(" ")
        if words and words[0]:
            return words[0]
    return ""


def read_openfda(record: dict[str, Any], path: str, index: int) -> Label:
    where = f"results[{index}]"
    for key in ("set_id", "version"):
        if not isinstance(record.get(key), str | int) or record.get(key) in ("", None):
            raise SourceError(path, f"required key {key!r} is missing", where)
    names: dict[str, Any] = record["openfda"] if isinstance(record.get("openfda"), dict) else {}
    brands = [fold(name) for name in _strings(names.get("brand_name"))]
    generics = [fold(name) for name in _strings(names.get("generic_name"))]
    if not brands and not generics:
        product = _product_name(record)
        if not product:
            raise SourceError(path, "no product name (openfda or spl_product_data_elements)", where)
        brands = [product]
    classes = [re.sub(r"\s*\[EPC\]$", "", c) for c in _strings(names.get("pharm_class_epc"))]
    known = {n.casefold() for n in (*brands, *generics)}
    sections = [
        _openfda_section(name, code, _strings(record[name]), known)
        for name, code in _OPENFDA_FIELDS.items()
        if _strings(record.get(name))
    ]
    if "boxed_warning" in record:
        sections.sort(key=lambda section: section.kind != "boxed_warning")
    for table_key, owner in (("adverse_reactions_table", "adverse_reactions"),):
        tables = _strings(record.get(table_key))
        section = next((s for s in sections if s.kind == owner), None)
        if section is not None and tables:
            section.tables.extend(_html_table(table) for table in tables)
    return Label(
        source_path=path,
        format="openfda",
        set_id=str(record["set_id"]),
        version=str(record["version"]),
        date=_iso_date(str(record.get("effective_time", ""))),
        brand_names=[b for b in brands if b.casefold() not in {g.casefold() for g in generics}],
        generic_names=generics,
        drug_class=classes[0] if classes else "",
        sections=sections,
    )


_ROW = re.compile(r"<tr\b.*?</tr>", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<t[dh]\b.*?</t[dh]>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _html_table(html: str) -> list[list[str]]:
    """openFDA's `*_table` fields are HTML tables as text: rows of cell texts."""
    return [
        [fold(_TAG.sub(" ", cell)) for cell in _CELL.findall(row)] for row in _ROW.findall(html)
    ]
