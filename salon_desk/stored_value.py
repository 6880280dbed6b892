"""Stored-value card (储值卡) rules: the ledger, top-up rules and limits, paying, refunds (SPEC §10).

Principal (本金) and bonus (赠送金) are kept apart in integer fen. Nothing
here touches the database: the card service posts the rows these pure
functions return, and checks the stored ledger with :func:`check_ledger`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from .errors import Conflict, InvalidInput, PaymentProblem, PermissionDenied
from .membership import TIER_ORDER
from .money import Fen, scale
from .prepaid_refunds import (
    LINE_BONUS_WRITTEN_OFF, InterestTerms, RefundMode, RefundStatement, WorkingLine, finish,
    within_cooling_off,
)
from .tenders import STORED_VALUE


class EntryKind(StrEnum):
    TOPUP = "topup"                      # principal paid in (cash, WeChat, Alipay, bank card)
    BONUS = "bonus"                      # the bonus of a top-up rule
    SPEND = "spend"                      # paid (part of) a sale
    SALE_REFUND = "sale_refund"          # a refunded sale gives back what it took
    BALANCE_REFUND = "balance_refund"    # unused principal paid back to the customer
    BONUS_WRITE_OFF = "bonus_write_off"  # bonus cancelled, with a reason
    ADJUSTMENT = "adjustment"            # the owner's correction, with a reason
    TRANSFER_OUT = "transfer_out"        # the balance moved to another customer...
    TRANSFER_IN = "transfer_in"          # ...and arriving there
    REISSUE = "reissue"                  # a lost card replaced by a new number: no money moves


# Allowed sign of each kind's (principal, bonus) deltas: "+" > 0, "-" < 0, "0" == 0,
# "+0" >= 0, "-0" <= 0, "*" any. Kinds marked in _NONZERO must move some money.
_SIGNS: dict[EntryKind, tuple[str, str]] = {
    EntryKind.TOPUP: ("+", "0"),
    EntryKind.BONUS: ("0", "+"),
    EntryKind.SPEND: ("-0", "-0"),
    EntryKind.SALE_REFUND: ("+0", "+0"),
    EntryKind.BALANCE_REFUND: ("-", "0"),
    EntryKind.BONUS_WRITE_OFF: ("0", "-"),
    EntryKind.ADJUSTMENT: ("*", "*"),
    EntryKind.TRANSFER_OUT: ("-0", "-0"),
    EntryKind.TRANSFER_IN: ("+0", "+0"),
    EntryKind.REISSUE: ("0", "0"),
}
_NONZERO = {EntryKind.SPEND, EntryKind.SALE_REFUND, EntryKind.ADJUSTMENT, EntryKind.TRANSFER_OUT,
            EntryKind.TRANSFER_IN}
_NEEDS_NOTE = {EntryKind.ADJUSTMENT, EntryKind.BONUS_WRITE_OFF, EntryKind.REISSUE}
_SIGN_OK: dict[str, Callable[[int], bool]] = {
    "+": lambda v: v > 0, "-": lambda v: v < 0, "0": lambda v: v == 0,
    "+0": lambda v: v >= 0, "-0": lambda v: v <= 0, "*": lambda v: True,
}

TOPUP_METHODS = ("cash", "wechat", "alipay", "card")


@dataclass(frozen=True)
class Balance:
    principal_fen: Fen = 0
    bonus_fen: Fen = 0

    @property
    def total_fen(self) -> Fen:
        return self.principal_fen + self.bonus_fen


@dataclass(frozen=True)
class LedgerEntry:
    """One append-only row: the deltas and the balances after it.

    ``list_fen`` is, on a spend, the list value of what the draw paid for (kept
    for the customer's-choice refund) and, on a sale refund, the list value
    given back; 0 on every other kind.
    """

    kind: EntryKind
    principal_fen: Fen
    bonus_fen: Fen
    principal_after_fen: Fen
    bonus_after_fen: Fen
    on: date
    list_fen: Fen = 0
    note: str = ""

    @property
    def after(self) -> Balance:
        return Balance(self.principal_after_fen, self.bonus_after_fen)


@dataclass(frozen=True)
class LedgerMismatch:
    index: int            # position of the first row whose stored after-balances are wrong
    expected: Balance     # the running sum of the deltas up to and including that row
    stored: Balance


def post(balance: Balance, kind: EntryKind, principal_fen: Fen, bonus_fen: Fen, on: date, *,
         list_fen: Fen = 0, note: str = "") -> LedgerEntry:
    """The next row after ``balance``; refuses a row of the wrong shape or one that goes below zero."""
    p_sign, b_sign = _SIGNS[kind]
    if not (_SIGN_OK[p_sign](principal_fen) and _SIGN_OK[b_sign](bonus_fen)):
        raise InvalidInput("card.bad_entry", kind=kind.value, principal=principal_fen, bonus=bonus_fen)
    if kind in _NONZERO and principal_fen == 0 and bonus_fen == 0:
        raise InvalidInput("card.bad_entry", kind=kind.value, principal=0, bonus=0)
    if list_fen < 0 or (list_fen and kind not in (EntryKind.SPEND, EntryKind.SALE_REFUND)):
        raise InvalidInput("card.bad_entry", kind=kind.value, principal=principal_fen, bonus=bonus_fen)
    if kind in _NEEDS_NOTE and not note.strip():
        raise InvalidInput("card.reason_required", kind=kind.value)
    after = Balance(balance.principal_fen + principal_fen, balance.bonus_fen + bonus_fen)
    if after.principal_fen < 0 or after.bonus_fen < 0:
        raise PaymentProblem("card.over_balance", amount=-(principal_fen + bonus_fen),
                             balance=balance.total_fen)
    return LedgerEntry(kind, principal_fen, bonus_fen, after.principal_fen, after.bonus_fen, on,
                       list_fen, note.strip())


def balance_of(entries: Sequence[LedgerEntry]) -> Balance:
    """The balance is the sum of the ledger's deltas, never a stored number."""
    return Balance(sum(e.principal_fen for e in entries), sum(e.bonus_fen for e in entries))


def check_ledger(entries: Sequence[LedgerEntry]) -> LedgerMismatch | None:
    """The first row whose after-balances differ from the running sums, or None when all agree."""
    principal = bonus = 0
    for index, entry in enumerate(entries):
        principal += entry.principal_fen
        bonus += entry.bonus_fen
        if (entry.principal_after_fen, entry.bonus_after_fen) != (principal, bonus):
            return LedgerMismatch(index, Balance(principal, bonus), entry.after)
    return None


# --- top-up rules and limits ------------------------------------------------------------------

@dataclass(frozen=True)
class TopUpRule:
    """Pay at least ``pay_fen`` -> ``bonus_fen`` on the card (and ``tier`` if higher than the current)."""

    pay_fen: Fen
    bonus_fen: Fen
    tier: str | None = None


DEFAULT_TOPUP_RULES: tuple[TopUpRule, ...] = (
    TopUpRule(100_000, 10_000),              # 充1000送100
    TopUpRule(300_000, 50_000, "silver"),    # 充3000送500, 银卡
)


def check_rules(rules: Sequence[TopUpRule]) -> None:
    """The owner's table: positive amounts, bonus not negative, known tiers, one rule per amount."""
    seen: set[Fen] = set()
    for rule in rules:
        if rule.pay_fen <= 0 or rule.bonus_fen < 0 or (rule.tier is not None and rule.tier not in TIER_ORDER):
            raise InvalidInput("card.bad_rule", pay=rule.pay_fen)
        if rule.pay_fen in seen:
            raise InvalidInput("card.duplicate_rule", pay=rule.pay_fen)
        seen.add(rule.pay_fen)


def rules_to_json(rules: Sequence[TopUpRule]) -> list[dict[str, Any]]:
    return [{"pay_fen": r.pay_fen, "bonus_fen": r.bonus_fen, "tier": r.tier} for r in rules]


def rules_from_json(value: list[dict[str, Any]]) -> tuple[TopUpRule, ...]:
    try:
        rules = tuple(TopUpRule(int(row["pay_fen"]), int(row["bonus_fen"]), row.get("tier")) for row in value)
    except (TypeError, KeyError, ValueError) as exc:
        raise InvalidInput("card.bad_rule", pay=None) from exc
    check_rules(rules)
    return rules


def rule_for_amount(rules: Sequence[TopUpRule], pay_fen: Fen) -> TopUpRule | None:
    """The rule with the highest amount the payment reaches (满1000送100: ¥1,500 still gets ¥100)."""
    reached = [r for r in rules if r.pay_fen <= pay_fen]
    return max(reached, key=lambda r: r.pay_fen) if reached else None


def tier_after_topup(current: str | None, rule: TopUpRule | None) -> str | None:
    """The tier the rule grants when it is higher than ``current`` (None: not a member); tiers never drop."""
    if rule is None or rule.tier is None:
        return None
    if current is not None and TIER_ORDER.index(rule.tier) <= TIER_ORDER.index(current):
        return None
    return rule.tier


@dataclass(frozen=True)
class CardLimits:
    named_limit_fen: Fen = 500_000          # 商务部令2012年第9号: a named card at most ¥5,000
    unnamed_enabled: bool = False           # cards without a name only when the owner turns them on
    unnamed_limit_fen: Fen = 100_000        # ...and then at most ¥1,000
    cash_refused_from_fen: Fen = 5_000_000  # a cash top-up of ¥50,000 or more is refused as cash


@dataclass(frozen=True)
class TopUpPlan:
    pay_fen: Fen
    bonus_fen: Fen
    method: str
    rule: TopUpRule | None
    tier: str | None            # the tier to set, if the rule grants a higher one
    before: Balance
    after: Balance
    needs_owner: bool           # the principal would pass the named-card limit


def plan_topup(balance: Balance, pay_fen: Fen, method: str, *, rules: Sequence[TopUpRule] = DEFAULT_TOPUP_RULES,
               limits: CardLimits = CardLimits(), named: bool = True, current_tier: str | None = None) -> TopUpPlan:
    """Check a top-up and work out its bonus; the limits count principal only (the customer's money at stake)."""
    if method == STORED_VALUE:
        raise InvalidInput("card.topup_by_card")
    if method not in TOPUP_METHODS:
        raise InvalidInput("payment.unknown_method", method=method)
    if pay_fen <= 0:
        raise InvalidInput("card.topup_not_positive", amount=pay_fen)
    if method == "cash" and pay_fen >= limits.cash_refused_from_fen:
        raise PaymentProblem("card.cash_topup_too_large", amount=pay_fen, limit=limits.cash_refused_from_fen)
    rule = rule_for_amount(rules, pay_fen)
    bonus = rule.bonus_fen if rule else 0
    after = Balance(balance.principal_fen + pay_fen, balance.bonus_fen + bonus)
    needs_owner = False
    if not named:
        if not limits.unnamed_enabled:
            raise Conflict("card.unnamed_disabled")
        if after.principal_fen > limits.unnamed_limit_fen:
            raise InvalidInput("card.over_unnamed_limit", limit=limits.unnamed_limit_fen,
                               after=after.principal_fen)
    elif after.principal_fen > limits.named_limit_fen:
        needs_owner = True
    return TopUpPlan(pay_fen, bonus, method, rule, tier_after_topup(current_tier, rule), balance, after, needs_owner)


def topup_entries(plan: TopUpPlan, on: date, *, owner_authorised: bool = False,
                  note: str = "") -> tuple[LedgerEntry, ...]:
    """The principal row, then the bonus row when the rule gives one."""
    if plan.needs_owner and not owner_authorised:
        raise PermissionDenied("card.over_named_limit", after=plan.after.principal_fen)
    rows = [post(plan.before, EntryKind.TOPUP, plan.pay_fen, 0, on, note=note)]
    if plan.bonus_fen:
        rows.append(post(rows[-1].after, EntryKind.BONUS, 0, plan.bonus_fen, on, note=note))
    return tuple(rows)


# --- paying with the card ---------------------------------------------------------------------

@dataclass(frozen=True)
class Draw:
    """What a payment takes from (or a refund gives back to) the card, both parts positive."""

    principal_fen: Fen
    bonus_fen: Fen

    @property
    def total_fen(self) -> Fen:
        return self.principal_fen + self.bonus_fen


def draw(balance: Balance, amount_fen: Fen) -> Draw:
    """Principal and bonus in proportion to the balances: the bonus part is rounded down, the rest is principal.

    ¥1,000 + ¥100 paying ¥220: bonus 220 x 100/1100 = ¥20.00, principal ¥200.00.
    """
    if amount_fen <= 0:
        raise InvalidInput("card.spend_not_positive", amount=amount_fen)
    if amount_fen > balance.total_fen:
        raise PaymentProblem("card.over_balance", amount=amount_fen, balance=balance.total_fen)
    bonus = amount_fen * balance.bonus_fen // balance.total_fen
    return Draw(amount_fen - bonus, bonus)


def spend_entry(balance: Balance, taken: Draw, on: date, *, list_fen: Fen = 0, note: str = "") -> LedgerEntry:
    return post(balance, EntryKind.SPEND, -taken.principal_fen, -taken.bonus_fen, on, list_fen=list_fen, note=note)


def give_back(taken: Draw, returned: Draw, amount_fen: Fen) -> Draw:
    """The part of a card payment a sale refund returns to the card.

    ``taken`` is what the sale drew, ``returned`` what earlier refunds of the
    same sale gave back already. The parts follow the proportion of what is
    still out, so refunding the rest returns exactly what the sale took.
    """
    out = Balance(taken.principal_fen - returned.principal_fen, taken.bonus_fen - returned.bonus_fen)
    if amount_fen > out.total_fen:
        raise Conflict("card.refund_over_taken", amount=amount_fen, left=out.total_fen)
    return draw(out, amount_fen)


def sale_refund_entry(balance: Balance, back: Draw, on: date, *, list_fen: Fen = 0, note: str = "") -> LedgerEntry:
    return post(balance, EntryKind.SALE_REFUND, back.principal_fen, back.bonus_fen, on, list_fen=list_fen, note=note)


def earning_base_fen(paid_fen: Fen, bonus_drawn_fen: Fen) -> Fen:
    """What earns points and tier spend: everything paid (other tenders + card principal) but the bonus part."""
    return max(paid_fen - bonus_drawn_fen, 0)


def card_share_of_list(list_fen: Fen, card_fen: Fen, due_fen: Fen) -> Fen:
    """The list value the card part of a split payment paid for: list x card ÷ due, rounded half-up."""
    if due_fen <= 0:
        return 0
    return scale(list_fen, min(card_fen, due_fen), due_fen)


# --- transfer and reissue ---------------------------------------------------------------------

def transfer_entries(giver: Balance, receiver: Balance, on: date, *, limits: CardLimits = CardLimits(),
                     owner_authorised: bool = False, note: str = "") -> tuple[LedgerEntry, LedgerEntry]:
    """The whole balance moves, principal and bonus apart: (the giver's row, the receiver's row)."""
    if giver.total_fen <= 0:
        raise Conflict("card.nothing_to_move")
    if receiver.principal_fen + giver.principal_fen > limits.named_limit_fen and not owner_authorised:
        raise PermissionDenied("card.over_named_limit", after=receiver.principal_fen + giver.principal_fen)
    out = post(giver, EntryKind.TRANSFER_OUT, -giver.principal_fen, -giver.bonus_fen, on, note=note)
    into = post(receiver, EntryKind.TRANSFER_IN, giver.principal_fen, giver.bonus_fen, on, note=note)
    return out, into


def reissue_entry(balance: Balance, on: date, new_card_no: str) -> LedgerEntry:
    """A lost card: the same ledger goes on under ``new_card_no``; the row records the number."""
    return post(balance, EntryKind.REISSUE, 0, 0, on, note=new_card_no)


# --- refund of the unused balance -------------------------------------------------------------

LINE_PAID = "card.paid"                        # + principal paid in since the card was last empty
LINE_USED_AT_CHARGED = "card.used_at_charged"  # - used x paid ÷ (paid + bonus)
LINE_USED_AT_LIST = "card.used_at_list"        # - used at list price, at most what was paid
LINE_PAID_IN_WINDOW = "card.paid_in_window"    # + principal of the top-ups of the last 7 days
LINE_ALREADY_DRAWN = "card.already_drawn"      # - principal of those top-ups already spent


@dataclass(frozen=True)
class CardFigures:
    """The card since it was last empty (a used-up or refunded card is a settled contract)."""

    paid_fen: Fen            # principal put in: top-ups, transfers and adjustments
    bonus_fen: Fen           # bonus given with it
    used_charged_fen: Fen    # drawn for sales (principal + bonus), net of sale refunds
    used_list_fen: Fen       # the list value of what those draws paid for, net of sale refunds
    recent_paid_fen: Fen     # principal topped up within the cooling-off days
    recent_bonus_fen: Fen    # bonus given with those top-ups
    left: Balance


def card_figures(entries: Sequence[LedgerEntry], today: date) -> CardFigures:
    """The figures the refund modes need, from the rows after the card was last empty.

    A bonus row counts as recent when it follows a recent top-up (the two are
    posted together); a balance refund ends the cooling-off of the top-ups
    before it (they were the ones paid back).
    """
    start = 0
    for index, entry in enumerate(entries):
        if entry.principal_after_fen == 0 and entry.bonus_after_fen == 0:
            start = index + 1
    paid = bonus = used = used_list = recent_paid = recent_bonus = 0
    recent_topup = False
    for entry in entries[start:]:
        if entry.kind in (EntryKind.SPEND, EntryKind.SALE_REFUND):
            used -= entry.principal_fen + entry.bonus_fen
            used_list += entry.list_fen if entry.kind is EntryKind.SPEND else -entry.list_fen
            continue
        paid += entry.principal_fen
        bonus += entry.bonus_fen
        if entry.kind is EntryKind.TOPUP:
            recent_topup = within_cooling_off(entry.on, today)
            recent_paid += entry.principal_fen if recent_topup else 0
        elif entry.kind is EntryKind.BONUS and recent_topup:
            recent_bonus += entry.bonus_fen
        elif entry.kind is EntryKind.BALANCE_REFUND:
            recent_paid = recent_bonus = 0
            recent_topup = False
    return CardFigures(paid, bonus, used, used_list, recent_paid, recent_bonus, balance_of(entries))


def last_topup_on(entries: Sequence[LedgerEntry]) -> date | None:
    """The day of the latest top-up: where the interest of a refund starts unless the owner says otherwise."""
    days = [e.on for e in entries if e.kind is EntryKind.TOPUP]
    return max(days) if days else None


@dataclass(frozen=True)
class CardRefund:
    statement: RefundStatement
    principal_off_fen: Fen     # principal taken off the card
    bonus_off_fen: Fen         # bonus written off


def card_refund(entries: Sequence[LedgerEntry], mode: RefundMode, today: date,
                interest: InterestTerms | None = None) -> CardRefund:
    """The refund of a card's unused balance in ``mode``, with its working.

    - cooling off (Art. 14): the principal of the top-ups of the last 7 days,
      less what of it was already spent (a card partly used in those days gets
      its principal left back: the used services cost only the principal drawn
      for them); older money and its bonus stay on the card. No interest.
    - shop at fault (Art. 18): paid - used x paid ÷ (paid + bonus), plus interest.
    - customer's choice (Art. 19/20): paid - used at list price (never more
      than paid), plus interest.
    These two close the card: all principal off, the bonus left written off.
    """
    figures = card_figures(entries, today)
    left = figures.left
    if left.total_fen <= 0:
        raise Conflict("card.nothing_to_refund")
    if mode is RefundMode.COOLING_OFF:
        if figures.recent_paid_fen <= 0:
            raise Conflict("card.cooling_off_over")
        refund = min(figures.recent_paid_fen, left.principal_fen)
        valuation: tuple[WorkingLine, ...] = (
            WorkingLine(LINE_PAID_IN_WINDOW, figures.recent_paid_fen),
            WorkingLine(LINE_ALREADY_DRAWN, refund - figures.recent_paid_fen),
        )
        principal_off, bonus_off = refund, min(figures.recent_bonus_fen, left.bonus_fen)
    else:
        paid = max(figures.paid_fen, 0)
        bonus = max(figures.bonus_fen, 0)
        if mode is RefundMode.SHOP_AT_FAULT:
            used = scale(figures.used_charged_fen, paid, paid + bonus) if paid > 0 else 0
            used_line = WorkingLine(LINE_USED_AT_CHARGED, -min(max(used, 0), paid), (
                ("charged", figures.used_charged_fen), ("paid", paid), ("bonus", bonus)))
        else:
            used = min(max(figures.used_list_fen, 0), paid)
            used_line = WorkingLine(LINE_USED_AT_LIST, -used, (
                ("list", figures.used_list_fen), ("capped", int(figures.used_list_fen > paid))))
        valuation = (WorkingLine(LINE_PAID, paid), used_line)
        principal_off, bonus_off = left.principal_fen, left.bonus_fen
    notes = (WorkingLine(LINE_BONUS_WRITTEN_OFF, 0, (("bonus", bonus_off),)),)
    return CardRefund(finish(mode, valuation, interest, notes), principal_off, bonus_off)


def closing_entries(balance: Balance, refund: CardRefund, on: date, reason: str) -> tuple[LedgerEntry, ...]:
    """The rows a refund posts: the principal leaving the card, then the bonus written off with ``reason``.

    What the customer is paid (valuation and interest) is on the statement;
    the rows only say what left the card.
    """
    rows: list[LedgerEntry] = []
    if refund.principal_off_fen:
        rows.append(post(balance, EntryKind.BALANCE_REFUND, -refund.principal_off_fen, 0, on, note=reason))
        balance = rows[-1].after
    if refund.bonus_off_fen:
        rows.append(post(balance, EntryKind.BONUS_WRITE_OFF, 0, -refund.bonus_off_fen, on, note=reason))
    return tuple(rows)
