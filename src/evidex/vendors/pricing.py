"""Price per mg of active compound, comparable across vial sizes, pack counts, units and currencies.

International units are converted only with the compound's documented `iu_per_mg`; without
it an IU-labelled product is "not comparable" rather than priced on a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

from evidex.text.units import to_mg as mass_in_mg
from evidex.vendors.models import Product, RateTable


class UnknownCurrency(ValueError):
    pass


@dataclass(frozen=True)
class PriceQuote:
    price_per_mg: Decimal | None  # in `currency`, unrounded; None when not comparable
    currency: str
    total_mg: Decimal | None  # active compound in the whole pack
    rate_date: str | None  # date of the exchange rate used, None when no conversion
    note: str = ""

    @property
    def comparable(self) -> bool:
        return self.price_per_mg is not None

    def as_dict(self) -> dict[str, object]:
        return {
            "price_per_mg": None
            if self.price_per_mg is None
            else str(round_money(self.price_per_mg)),
            "price_per_mg_display": (
                format_money(self.price_per_mg, self.currency)
                if self.price_per_mg is not None
                else None
            ),
            "currency": self.currency,
            "total_mg": None if self.total_mg is None else plain(self.total_mg),
            "rate_date": self.rate_date,
            "comparable": self.comparable,
            "note": self.note,
        }


def to_mg(amount: Decimal, unit: str, iu_per_mg: Decimal | None = None) -> Decimal | None:
    """`amount` of `unit` in mg; None for IU without a conversion factor or an unknown unit."""
    in_mg = mass_in_mg(amount, unit)
    if in_mg is not None:
        return in_mg
    if unit == "IU" and iu_per_mg is not None and iu_per_mg > 0:
        return amount / iu_per_mg
    return None


def convert(amount: Decimal, source: str, target: str, rates: RateTable) -> Decimal:
    """Convert money between two currencies of the table (via its base currency)."""
    for code in (source, target):
        if not rates.knows(code):
            raise UnknownCurrency(f"no exchange rate for {code}")
    if source == target:
        return amount
    per_base_source = Decimal(1) if source == rates.base else rates.rates[source]
    per_base_target = Decimal(1) if target == rates.base else rates.rates[target]
    return amount / per_base_source * per_base_target


def quote(
    product: Product,
    rates: RateTable | None,
    currency: str | None = None,
    iu_per_mg: Decimal | None = None,
) -> PriceQuote:
    """Price per mg of `product` in `currency` (default: the product's own currency)."""
    target = (currency or product.currency).upper()
    per_item_mg = to_mg(product.amount, product.unit, iu_per_mg)
    if per_item_mg is None:
        note = "not comparable: labelled in IU and the profile gives no IU-per-mg conversion"
        return PriceQuote(None, target, None, None, note)
    total_mg = per_item_mg * product.units_per_pack
    per_mg = product.price / total_mg
    if target == product.currency:
        return PriceQuote(per_mg, target, total_mg, None)
    if rates is None or not rates.knows(target) or not rates.knows(product.currency):
        return PriceQuote(
            None, target, total_mg, None, f"no exchange rate from {product.currency} to {target}"
        )
    converted = convert(per_mg, product.currency, target, rates)
    note = f"converted from {product.currency} at the rate of {rates.date.isoformat()}"
    return PriceQuote(converted, target, total_mg, rates.date.isoformat(), note)


# Prices, amounts and rates in range (vendors.parse) still make a price per mg of up to ~1e39
# once converted; the default 28 digits could not round it to cents (InvalidOperation).
_MONEY_CONTEXT = Context(prec=100)


def round_money(value: Decimal) -> Decimal:
    """Two decimals for prices of a unit or more, three significant figures below that."""
    # adjusted() is the exponent of the leading digit: >= 0 from 1 up, so two decimals there.
    exponent = min(value.adjusted() - 2, -2)
    return value.quantize(
        Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP, context=_MONEY_CONTEXT
    )


def plain(value: Decimal) -> str:
    """A Decimal without exponent notation or trailing zeros: 1400, 1.4, 0.727 (prices and the
    dose tools print numbers this one way)."""
    return format(value.normalize(), "f")


def format_money(value: Decimal, currency: str) -> str:
    return f"{round_money(value):f} {currency}"
