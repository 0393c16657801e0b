"""Units and quantities as written in prose: "1.6 mg", "0,5 mg", "2 500 IU", "40 mcg/kg",
"0.05 mg/kg/day to 0.15 mg/kg/day", "1,000–2,000 IU", "2.5 mg to 10 mg", "10 or 20 mg".

One table of unit spellings and one of masses serve every reader (regimens, article dose
checks, pricing, the dose tools). Conversions are exact decimals from a small table: pint
would add a large import and a registry build to every build worker for five mass units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from evidex.text.numbers import NUMBER, parse_number

# Spellings of each unit (lower case) -> the canonical name Evidex stores.
_UNIT_SPELLINGS: dict[str, tuple[str, ...]] = {
    "ng": ("ng", "nanogram", "nanograms"),
    "mcg": ("mcg", "µg", "μg", "ug", "microgram", "micrograms"),
    "mg": ("mg", "milligram", "milligrams"),
    "g": ("g", "gram", "grams", "gm"),
    "kg": ("kg", "kilogram", "kilograms"),
    "IU": ("iu", "international units", "international unit"),
    "units": ("units", "unit"),
    "µL": ("µl", "μl", "ul", "mcl", "microliter", "microliters", "microlitre", "microlitres"),
    "mL": ("ml", "milliliter", "milliliters", "millilitre", "millilitres"),
    "L": ("l", "liter", "liters", "litre", "litres"),
}
UNIT_NAMES: dict[str, str] = {
    spelling: unit for unit, spellings in _UNIT_SPELLINGS.items() for spelling in spellings
}
MG_PER_UNIT: dict[str, Decimal] = {
    "ng": Decimal("0.000001"),
    "mcg": Decimal("0.001"),
    "mg": Decimal(1),
    "g": Decimal(1000),
    "kg": Decimal(1_000_000),
}
ML_PER_UNIT: dict[str, Decimal] = {"µL": Decimal("0.001"), "mL": Decimal(1), "L": Decimal(1000)}
# Units a dose is given in (a body weight in kg or a volume of distribution in L is not one).
DOSE_UNITS = frozenset({"ng", "mcg", "mg", "g", "IU", "units", "mL", "µL"})
# Units counted in whole numbers: nobody doses 50.000 IU to the thousandth, so a dot before
# groups of three digits is a thousands separator there ("50.000 IU" is fifty thousand).
WHOLE_UNITS = frozenset({"IU", "units"})
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _whole_digits(written: str, unit: str) -> str | None:
    """'50.000' in IU -> '50000'; None where the dots may be decimal marks."""
    if unit in WHOLE_UNITS and _DOT_THOUSANDS.fullmatch(written):
        return written.replace(".", "")
    return None


_PER_NAMES = {
    "d": "day",
    "day": "day",
    "days": "day",
    "24h": "day",
    "24 h": "day",
    "wk": "week",
    "week": "week",
    "weeks": "week",
    "h": "hour",
    "hr": "hour",
    "hour": "hour",
    "min": "minute",
    "ml": "mL",
    "l": "L",
    "dl": "dL",
}


def canonical_unit(written: str) -> str | None:
    """'µg' -> 'mcg', 'Milligrams' -> 'mg', 'mcg/kg' -> 'mcg/kg'; None for an unknown unit."""
    base, slash, rest = written.strip().partition("/")
    unit = UNIT_NAMES.get(base.strip().lower())
    if unit is None:
        return None
    if not slash:
        return unit
    return f"{unit}/kg" if rest.strip().lower() == "kg" else None


def mg_per(unit: str) -> Decimal | None:
    """Milligrams in one `unit` (any spelling of a mass unit); None for any other unit."""
    name = canonical_unit(unit)
    return MG_PER_UNIT.get(name) if name else None


def to_mg(amount: Decimal | float, unit: str) -> Decimal | None:
    """`amount` of a mass `unit` in mg, exactly; None when `unit` is not a mass."""
    factor = mg_per(unit)
    if factor is None:
        return None
    return (amount if isinstance(amount, Decimal) else Decimal(str(amount))) * factor


# Typed alone, a number with a comma and more than three integer digits ("1234,5") is decimal.
_TYPED_NUMBER = re.compile(rf"{NUMBER}|\d+,\d+")
# A number, then a unit ("250 µg", "0,5 mg/kg", "1 000mg") or nothing.
_TYPED_AMOUNT = re.compile(rf"(?P<number>{NUMBER}|\d+,\d+)\s*(?P<unit>[^\W\d_].*)?")


def decimal_value(written: str) -> Decimal:
    """A number typed by a reader, exactly: '2.5', '1 000', '0,5', '1,000'; a number in any
    other notation Decimal reads ('1e3', '-2') is passed through for the caller to judge.
    Raises decimal.InvalidOperation when it is no number."""
    text = written.strip()
    if _TYPED_NUMBER.fullmatch(text):
        value = parse_number(text)
        if value is not None:
            return Decimal(repr(value))
    return Decimal(text)


def typed_amount(written: str) -> tuple[Decimal, str | None]:
    """An amount typed by a reader, exactly, with its canonical unit when one follows:
    '250 µg' -> (250, 'mcg'), '0,5 mg/kg' -> (0.5, 'mg/kg'), '1 000' -> (1000, None).
    Anything else goes to decimal_value ('1e-3' is a number), which raises
    decimal.InvalidOperation when it is none ('5 furlongs')."""
    text = written.strip()
    match = _TYPED_AMOUNT.fullmatch(text)
    unit = canonical_unit(match.group("unit")) if match and match.group("unit") else None
    if match is None or unit is None:
        return decimal_value(text), None
    number = match.group("number")
    whole = _whole_digits(number, unit)
    return (Decimal(whole) if whole else decimal_value(number)), unit


def _alternation(words: list[str]) -> str:
    """`words` as a regex that branches on one letter at a time ("m(?:g|cg|l|...)"): a
    position that starts no unit fails on its first letter, not after trying every word."""
    if words == [""]:
        return ""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[:1], []).append(word[1:])
    branches = []
    for first, rests in groups.items():
        if not first:
            continue
        tail = re.escape(rests[0]) if len(rests) == 1 else _alternation(rests)
        branches.append(re.escape(first) + (f"(?:{tail})" if "|" in tail else tail))
    pattern = "|".join(branches)
    return f"(?:{pattern})?" if "" in groups else pattern


_UNIT = f"(?:{_alternation(list(UNIT_NAMES))})"
# "/kg", " per kg", "/day", "/d", " per day", "/mL", "/m²" ... ("per" only with known words)
_PER = r"(?:\s*/\s*(?:24\s*h\b|[^\W\d_][\w²]*)|\s+per\s+(?:kg|day|week|ml|l|dl|hour)\b)"
_CONNECTOR = r"\s*(?P<conn>-|–|—|to|or|and)\s*"
_CONNECTOR_2 = _CONNECTOR.replace("conn", "conn2")
# The amount opens with a digit or a decimal mark: a dose has no sign, and a dash before it is
# a bullet or a range. Either a unit follows the first number ("2.5 mg", "2.5 mg to 10 mg") or
# only the last ("1-2 mg", "10 or 20 mg"); each unit is tried once.
_QUANTITY = re.compile(
    rf"(?=[\d.·])(?P<a>{NUMBER})\s*(?:"
    rf"(?P<million_a>million\s*)?(?P<ua>{_UNIT})(?P<pa>(?:{_PER}){{0,2}})(?!\w)"
    rf"(?:{_CONNECTOR}(?P<b>{NUMBER})\s*(?P<ub>{_UNIT})(?P<pb>(?:{_PER}){{0,2}})(?!\w))?"
    rf"|(?:{_CONNECTOR.replace('conn', 'conn2')}(?P<b2>{NUMBER}))?"
    rf"\s*(?P<million>million\s*)?(?P<unit>{_UNIT})(?P<per>(?:{_PER}){{0,2}})(?!\w))",
    re.IGNORECASE,
)
# Where an amount can start: a number (digits, with marks or grouping spaces between them)
# followed by the first letter of a unit, of "to", "or", "and" or "million", or a dash.
_FIRST_LETTERS = "".join(
    sorted({word[0] for word in (*UNIT_NAMES, "to", "or", "and", "million")})
).replace("-", "")
_CANDIDATE = re.compile(
    r"\d(?:[\d.·]|,(?=\d)|[ \u2009\u202f\u00a0](?=\d))*\s*"
    rf"[{re.escape(_FIRST_LETTERS + _FIRST_LETTERS.upper())}\-–—]"
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_PER_PART = re.compile(r"(?:/|\bper\b)\s*([^\s/]+(?:\s*h\b)?)", re.IGNORECASE)


@dataclass(slots=True)
class Quantity:
    """An amount or a range of amounts of one unit, where it was found in the text."""

    low: float
    high: float
    unit: str  # canonical: "mg", "mcg", "IU", "mL", ... with "/kg" when given per kg
    per: str | None  # what it is given per, besides kg: "day", "week", "mL", "hour", "m²"...
    start: int
    end: int

    @property
    def per_kg(self) -> bool:
        return self.unit.endswith("/kg")

    @property
    def base_unit(self) -> str:
        return self.unit.removesuffix("/kg")


def _per_parts(written: str) -> tuple[bool, str | None]:
    """('/kg/day') -> (True, 'day'); (' per mL') -> (False, 'mL')."""
    per_kg = False
    other: str | None = None
    if not written:  # most amounts: nothing after the unit
        return per_kg, other
    for part in _PER_PART.findall(written):
        word = part.lower()
        if word == "kg":
            per_kg = True
        elif other is None:
            other = _PER_NAMES.get(word.replace(" ", ""), part)
    return per_kg, other


def _value(written: str, unit: str) -> float:
    if written.isdigit():
        return float(written)  # most amounts: no separator, sign or decimal mark to read
    if whole := _whole_digits(written, unit):
        return float(whole)
    value = parse_number(written)
    if value is None:  # NUMBER matched it, so parse_number reads it
        raise ValueError(f"not a number: {written!r}")
    return value


def _scaled(match: re.Match[str], group: str, million: str, unit: str) -> float:
    value = _value(match.group(group), unit)
    return value * 1_000_000 if match.group(million) else value


def _quantity(
    low: float, high: float, unit: str, per_kg: bool, per: str | None, start: int, end: int
) -> Quantity:
    name = f"{unit}/kg" if per_kg else unit
    return Quantity(min(low, high), max(low, high), name, per, start, end)


def find_quantities(text: str) -> list[Quantity]:
    """Every amount with a unit in `text`, in order. A number glued to a word or a decimal
    point ("B12 mg", "v2.5 mg") is not an amount; a range with a unit on each bound is one
    quantity when both bounds are of one kind ("500 mcg to 1 mg" is 0.5-1 mg)."""
    found: list[Quantity] = []
    position = 0
    # Try the pattern only where an amount can start (with its decimal mark, ".5"): re scans
    # for that far faster than it can try the whole pattern at every digit.
    while (candidate := _CANDIDATE.search(text, position)) is not None:
        start = position = candidate.start()
        while position < len(text) and text[position].isdigit():
            position += 1  # unless an amount is read here, the next may start after these digits
        if start and text[start - 1] in ".·":
            start -= 1
        if start and (text[start - 1].isalnum() or text[start - 1] in "._,"):
            continue
        match = _QUANTITY.match(text, start)
        if match is None:
            continue
        if match.group("ua") is None:
            position = _unit_after_last(text, match, found)
        else:
            position = _unit_after_each(text, match, found)
    return found


def _unit_after_last(text: str, match: re.Match[str], found: list[Quantity]) -> int:
    """'2.5 mg', '1-2 mg', '10 or 20 mg', 'between 2 and 5 mg'; returns where to go on."""
    start = match.start()
    unit = UNIT_NAMES[match.group("unit").lower()]
    per_kg, per = _per_parts(match.group("per"))
    low = _scaled(match, "a", "million", unit)
    if match.group("b2") is None:
        found.append(_quantity(low, low, unit, per_kg, per, start, match.end()))
        return match.end()
    if match.group("conn2").lower() == "and" and not _BETWEEN.search(text, 0, start):
        return match.start("b2")  # "1 and 2 mg" lists two; "between 1 and 2 mg" spans
    # "10 or 20 mg" is either dose: read as the range they span
    high = _scaled(match, "b2", "million", unit)
    found.append(_quantity(low, high, unit, per_kg, per, start, match.end()))
    return match.end()


def _unit_after_each(text: str, match: re.Match[str], found: list[Quantity]) -> int:
    """'2.5 mg', '2.5 mg to 10 mg', '500 mcg to 1 mg'; '40 mg and 80 mg' is two amounts."""
    start = match.start()
    low_unit = UNIT_NAMES[match.group("ua").lower()]
    low_per_kg, low_per = _per_parts(match.group("pa"))
    low = _scaled(match, "a", "million_a", low_unit)
    if match.group("b") is None:
        found.append(_quantity(low, low, low_unit, low_per_kg, low_per, start, match.end()))
        return match.end()
    connector = match.group("conn").lower()
    unit = UNIT_NAMES[match.group("ub").lower()]
    per_kg, per = _per_parts(match.group("pb"))
    spans = connector in ("to", "-", "–", "—") or (
        connector == "and" and _BETWEEN.search(text, 0, start) is not None
    )
    factor = (
        unit_factor(low_unit, unit) if spans and (low_per_kg, low_per) == (per_kg, per) else None
    )
    if factor is None:
        # "0.5 mg or 1 mg", "40 mg and 80 mg": the first stands alone, the second is read next
        end = match.end("pa") if match.group("pa") else match.end("ua")
        found.append(_quantity(low, low, low_unit, low_per_kg, low_per, start, end))
        return match.start("b")
    high = _value(match.group("b"), unit)
    found.append(_quantity(low * float(factor), high, unit, per_kg, per, start, match.end()))
    return match.end()


@lru_cache(maxsize=64)
def unit_factor(source: str, target: str) -> Decimal | None:
    """How many `target` one `source` is, exactly, for two units of one kind ("mcg" in "mg":
    0.001); None otherwise."""
    if source == target:
        return Decimal(1)
    for table in (MG_PER_UNIT, ML_PER_UNIT):
        if source in table and target in table:
            return table[source] / table[target]
    return None


def read_quantity(text: str) -> Quantity | None:
    """The first quantity in `text`, or None."""
    found = find_quantities(text)
    return found[0] if found else None
