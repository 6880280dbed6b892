"""Refunds and voids by original payment method (SPEC §5, §10).

A void gives every payment of the sale back to its own method. A refund of some lines
is split over what is still out on each method, in proportion, exact to the fen by
largest remainder (ties go to the earlier payment); the refund that empties the sale
gives back exactly what is left on each method. The stored-value card's part is
worked out by the card ledger and comes first; the rest is split over the other methods.
The owner may instead put the whole non-card part on one method (cash back for a
WeChat sale, say).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidInput
from .money import Fen, split_proportionally

STORED_VALUE = "stored_value"


@dataclass(frozen=True)
class MethodAmount:
    method: str
    amount_fen: Fen


def outstanding(paid: list[MethodAmount], refunded: list[MethodAmount]) -> list[MethodAmount]:
    """What is still out on each method: paid less earlier refunds, in the order paid, one row a method."""
    order: list[str] = []
    left: dict[str, int] = {}
    for p in paid:
        if p.method not in left:
            order.append(p.method)
            left[p.method] = 0
        left[p.method] += p.amount_fen
    for r in refunded:
        if r.method in left:
            left[r.method] -= r.amount_fen
    return [MethodAmount(m, max(left[m], 0)) for m in order]


def split_refund(amount_fen: Fen, to_card_fen: Fen, out: list[MethodAmount],
                 method: str | None = None) -> tuple[MethodAmount, ...]:
    """The refund of ``amount_fen`` per method: ``to_card_fen`` on the card, the rest over ``out``
    (what is still out on every other method) in proportion, or all on ``method`` when the owner chose one.

    Parts sum exactly to ``amount_fen``; no method gets more than is out on it unless the whole
    sale is over-refunded, when the excess goes to the first method paid (cash for a sale with none)."""
    if amount_fen < 0 or to_card_fen < 0 or to_card_fen > amount_fen:
        raise InvalidInput("money.bad_amount", text=str(amount_fen))
    rest = amount_fen - to_card_fen
    parts: dict[str, int] = {}
    if to_card_fen:
        parts[STORED_VALUE] = to_card_fen
    others = [o for o in out if o.method != STORED_VALUE]
    if rest:
        if method is not None and method != STORED_VALUE:
            parts[method] = parts.get(method, 0) + rest
        else:
            weights = [o.amount_fen for o in others]
            share = min(rest, sum(weights))
            for o, part in zip(others, split_proportionally(share, weights)):
                if part:
                    parts[o.method] = parts.get(o.method, 0) + part
            if rest > share:
                first = others[0].method if others else "cash"
                parts[first] = parts.get(first, 0) + rest - share
    return tuple(MethodAmount(m, v) for m, v in parts.items())
