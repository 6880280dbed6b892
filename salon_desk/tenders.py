"""Taking payment: split tenders, cash tendered and change (SPEC §5)."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidInput, PaymentProblem
from .money import Fen

STORED_VALUE = "stored_value"   # the customer's stored-value card (储值卡)
METHODS = ("cash", "wechat", "alipay", "card", STORED_VALUE, "other")


@dataclass(frozen=True)
class Tender:
    """What the customer hands over. For cash, ``amount_fen`` is the money tendered."""

    method: str
    amount_fen: Fen


@dataclass(frozen=True)
class AppliedPayment:
    method: str
    amount_fen: Fen            # what this payment pays of the bill
    tendered_fen: Fen | None   # cash only
    change_fen: Fen            # cash only


def settle(due_fen: Fen, tenders: list[Tender], card_balance_fen: Fen = 0) -> list[AppliedPayment]:
    """Apply tenders to the amount due; only cash can be over-tendered (change).

    The stored-value card pays at most ``card_balance_fen`` (its principal +
    bonus) and, like every non-cash tender, never more than is due.
    Raises :class:`PaymentProblem` for an underpayment or a non-cash overpayment.
    """
    for tender in tenders:
        if tender.method not in METHODS:
            raise InvalidInput("payment.unknown_method", method=tender.method)
        if tender.amount_fen <= 0:
            raise InvalidInput("payment.not_positive", method=tender.method)
    from_card = sum(t.amount_fen for t in tenders if t.method == STORED_VALUE)
    if from_card > card_balance_fen:
        raise PaymentProblem("payment.over_card_balance", paid=from_card, balance=card_balance_fen)
    cash = sum(t.amount_fen for t in tenders if t.method == "cash")
    other = [t for t in tenders if t.method != "cash"]
    other_total = sum(t.amount_fen for t in other)
    if other_total > due_fen:
        raise PaymentProblem("payment.overpaid_noncash", due=due_fen, paid=other_total)
    cash_needed = due_fen - other_total
    if cash < cash_needed:
        raise PaymentProblem("payment.short", due=due_fen, paid=other_total + cash,
                             missing=cash_needed - cash)
    applied = [AppliedPayment(t.method, t.amount_fen, None, 0) for t in other]
    if cash:
        if cash_needed == 0:
            raise PaymentProblem("payment.cash_not_needed", cash=cash)
        applied.append(AppliedPayment("cash", cash_needed, cash, cash - cash_needed))
    return applied
