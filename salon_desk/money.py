"""Money as integer fen, with the shop's one rounding rule.

Floats never hold money. Rates are per-mille integers (900 = 9折). The
only conversion to text is :func:`format_fen`, used at the edges.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import InvalidInput

Fen = int

FULL_RATE = 1000  # per-mille: pays 100%


def apply_rate(amount: Fen, rate_permille: int) -> Fen:
    """``amount`` x ``rate``/1000, rounded half-up to the fen (SPEC §2)."""
    if rate_permille < 0:
        raise InvalidInput("money.bad_rate", rate=rate_permille)
    # Integer half-up: floor((2*a*r + 1000) / 2000) for non-negative values.
    numerator = amount * rate_permille
    if numerator >= 0:
        return (2 * numerator + FULL_RATE) // (2 * FULL_RATE)
    return -((2 * -numerator + FULL_RATE) // (2 * FULL_RATE))


def format_fen(amount: Fen, symbol: str = "¥") -> str:
    """``123450`` -> ``¥1,234.50``; negatives as ``-¥12.00``."""
    sign = "-" if amount < 0 else ""
    yuan, fen = divmod(abs(amount), 100)
    return f"{sign}{symbol}{yuan:,}.{fen:02d}"


def format_rate(rate_permille: int) -> str:
    """``850`` -> ``8.5折``; ``1000`` -> empty (no discount)."""
    if rate_permille >= FULL_RATE:
        return ""
    tenths = Decimal(rate_permille) / Decimal(100)
    text = format(tenths.normalize(), "f")
    return f"{text}折"


_YUAN_RE = re.compile(
    r"^\s*(?:(?P<lead>-)\s*[¥￥]\s*|[¥￥]?\s*(?P<sign>-?))"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d{0,2}))?\s*(?:元)?\s*$")


def parse_yuan(text: str) -> Fen:
    """``"1,234.5"`` / ``"¥68"`` -> fen. Refuses more than two decimals.

    Reads back everything :func:`format_fen` writes, ``"-¥12.00"`` included;
    whether a negative amount is acceptable is for the caller to say.
    """
    match = _YUAN_RE.match(text or "")
    if not match or (match.group("whole") is None and not match.group("frac")):
        raise InvalidInput("money.bad_amount", text=text)
    negative = bool(match.group("lead") or match.group("sign"))
    whole, frac = match.group("whole"), match.group("frac")
    try:
        value = Decimal((whole or "0").replace(",", "") + "." + (frac or "0"))
    except InvalidOperation as exc:  # pragma: no cover - regex already guards
        raise InvalidInput("money.bad_amount", text=text) from exc
    fen = int((value * 100).to_integral_value(rounding=ROUND_HALF_UP))
    return -fen if negative else fen


def split_proportionally(total: Fen, weights: list[Fen]) -> list[Fen]:
    """Split ``total`` over ``weights`` by largest remainder; the parts sum to ``total``.

    Used to spread a sale-level deduction (points) over its lines so a later
    refund of some lines gives back exactly their share.
    """
    weight_sum = sum(weights)
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    raw = [total * w for w in weights]
    parts = [r // weight_sum for r in raw]
    remainders = sorted(
        range(len(weights)), key=lambda i: (-(raw[i] % weight_sum), i)
    )
    for i in remainders[: total - sum(parts)]:
        parts[i] += 1
    return parts


def scale(amount: Fen, numerator: int, denominator: int) -> Fen:
    """``amount`` x ``numerator``/``denominator``, rounded half-up to the fen (away from zero at .5).

    The general form of :func:`apply_rate`, for ratios that are not per-mille
    (a card's paid ÷ (paid + bonus), interest by days).
    """
    if denominator <= 0 or numerator < 0:
        raise InvalidInput("money.bad_rate", rate=numerator)
    value = amount * numerator
    if value >= 0:
        return (2 * value + denominator) // (2 * denominator)
    return -((2 * -value + denominator) // (2 * denominator))
