"""Staff commission (提成), SPEC §10: the shop's rules as plain functions.

Money is integer fen; rates and shares are per-mille (120 = 12%, 700 = 70%).

- **Rules** pay a line by its kind: a service by category × level, with one rate for a designated
  (指定) line and one for a rotation (轮牌) line, or a fixed labour fee (手工费) per service instead;
  products and card/package sales at their own rate; optionally a lower rate when the line was paid
  by stored value or a package session. A rule applies from its ``effective_from`` day (and until
  ``effective_to``, excluded): a change never rewrites the past.
- **Precedence**: the most specific rule in force on the sale's day wins —
  staff special (with category, then without) > level × category > category > level > default;
  between two rules equally specific, the one in force from the later day (then the higher version).
- **Shares**: a line's contributors (one lead 主理, any assistants 助理) have shares summing to 100%.
- **Base**: what was collected for the line — after member, birthday and points deductions (the card's
  value drawn counts as collected, principal and bonus parts kept apart); a package session counts its
  consumed value. A free redo (base 0) earns nothing; a labour fee is paid on it only when the owner says so.
- **Rounding**: each contributor's amount is rounded half-up (to the fen) on its own share of the base:
  ``round(base × share × rate)``, never rounding the share first. ¥310.40 designated at 12%, 70/30:
  lead 31040 × 0.7 × 0.12 = 2607.36 → ¥26.07; assistant 31040 × 0.3 × 0.12 = 1117.44 → ¥11.17.
- **Monthly tiers**: a bonus on a technician's month of labour value (劳动业绩), by bands; progressive
  (each band's rate on the part inside it, the default) or retroactive (the highest band reached on all).
- **Refunds**: the rows of a refunded line are written again negated, in the refund's month, or in the
  first month after it that is not settled; a sale refunded in full nets to zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .errors import Conflict, InvalidInput
from .money import Fen, scale

SERVICE, PRODUCT, CARD_SALE = "service", "product", "card_sale"
KINDS = (SERVICE, PRODUCT, CARD_SALE)
LEAD, ASSISTANT = "lead", "assistant"
PROGRESSIVE, RETROACTIVE = "progressive", "retroactive"
FULL = 1000
TOPUP_CATEGORY = "stored_value"    # the card-sale rule's category for a stored-value top-up
DEFAULT_LEAD_PERMILLE = 700    # 主理 70% / 助理 30% when one assistant is added without a share


@dataclass(frozen=True)
class Level:
    code: str          # e.g. assistant / stylist / director
    name: str          # 助理 / 发型师 / 总监


@dataclass(frozen=True)
class Band:
    """From ``from_fen`` of the month's labour value on, ``rate_permille`` is paid as a bonus."""

    from_fen: Fen
    rate_permille: int


@dataclass(frozen=True)
class Rule:
    id: int
    version: int
    kind: str                              # service / product / card_sale
    effective_from: date
    effective_to: date | None = None       # excluded
    staff_id: int | None = None            # a staff member's special rule
    level: str | None = None
    category: str | None = None
    designated_permille: int = 0           # 指定 (products and card sales: their one rate)
    rotation_permille: int = 0             # 轮牌
    fee_fen: Fen | None = None             # a fixed labour fee per service (手工费) instead of a rate
    prepaid_permille: int | None = None    # a lower rate when paid by stored value or a package session
    fee_on_free: bool = False              # the owner says a free redo still earns its labour fee
    bands: tuple[Band, ...] = ()
    tier_mode: str = PROGRESSIVE

    def specificity(self) -> int:
        if self.staff_id is not None:
            return 6 if self.category is not None else 5
        if self.level is not None and self.category is not None:
            return 4
        if self.category is not None:
            return 3
        if self.level is not None:
            return 2
        return 1

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


@dataclass(frozen=True)
class Share:
    staff_id: int
    role: str            # lead / assistant
    permille: int


@dataclass(frozen=True)
class CommissionLine:
    """One sale line as commission sees it."""

    kind: str
    category: str
    designated: bool
    quantity: int
    base_fen: Fen                  # what was collected for the line (see module doc)
    prepaid: bool = False          # paid by stored value or a package session
    card_principal_fen: Fen = 0    # of the base, drawn from the card's principal
    card_bonus_fen: Fen = 0        # of the base, drawn from the card's bonus


@dataclass(frozen=True)
class CommissionAmount:
    """One contributor's commission on one line (a commission row)."""

    staff_id: int
    role: str
    share_permille: int
    base_fen: Fen                  # the line's whole base
    share_base_fen: Fen            # their share of it (shown; the amount is not computed from it)
    rule_id: int | None
    rule_version: int | None
    rate_permille: int             # 0 when paid a fee
    fee_fen: Fen                   # the fee part (fee × quantity × share)
    amount_fen: Fen


@dataclass(frozen=True)
class BandUse:
    from_fen: Fen
    to_fen: Fen | None
    base_fen: Fen
    rate_permille: int
    amount_fen: Fen


@dataclass(frozen=True)
class TierBonus:
    amount_fen: Fen
    bands: tuple[BandUse, ...]


# -- the monthly sheet's records --

@dataclass(frozen=True)
class SheetLine:
    day: date
    receipt_no: str
    customer: str            # masked
    item: str
    kind: str                # service / product / card_sale
    designated: bool
    role: str                # lead / assistant
    base_fen: Fen
    share_permille: int
    share_base_fen: Fen
    prepaid: bool
    rule: str                # "#3 v2", or "" when no rule applied
    rate_permille: int
    fee_fen: Fen
    amount_fen: Fen
    clawback: bool           # a refund's or void's negative row


@dataclass(frozen=True)
class Adjustment:
    """The owner's manual adjustment of a technician's month: + or - an amount, who made it and why."""

    day: date
    amount_fen: Fen
    reason: str
    by: str


@dataclass(frozen=True)
class TechnicianSheet:
    staff_id: int
    name: str
    level: str | None
    designated: int
    rotation: int
    as_lead: int
    as_assistant: int
    labour_fen: Fen          # 劳动业绩: service value delivered, card and package consumption included
    cash_fen: Fen            # 现金业绩: money collected on their lines
    prepaid_fen: Fen         # 卡耗: card and package consumption
    service_fen: Fen
    fee_fen: Fen
    product_fen: Fen
    card_sale_fen: Fen
    tier_fen: Fen
    tier_bands: tuple[tuple[Fen, Fen | None, Fen, int, Fen], ...]   # from, to, base, rate, amount
    clawback_fen: Fen
    clawback_receipts: tuple[str, ...]
    net_fen: Fen             # everything above, adjustments included
    lines: tuple[SheetLine, ...]
    adjust_fen: Fen = 0
    adjustments: tuple[Adjustment, ...] = ()


@dataclass(frozen=True)
class CommissionSheet:
    shop_name: str
    year: int
    month: int
    settled: bool
    generated_at: datetime
    technicians: tuple[TechnicianSheet, ...]


def check_rate(rate_permille: int) -> int:
    if not 0 <= rate_permille <= FULL:
        raise InvalidInput("commission.bad_rate", rate=rate_permille)
    return rate_permille


def check_rule(rule: Rule) -> Rule:
    """A rule as the owner may save it: rates within 0–100%, fees not negative, bands rising."""
    if rule.kind not in KINDS:
        raise InvalidInput("commission.bad_kind", kind=rule.kind)
    for rate in (rule.designated_permille, rule.rotation_permille, rule.prepaid_permille or 0):
        check_rate(rate)
    if rule.fee_fen is not None and rule.fee_fen < 0:
        raise InvalidInput("commission.bad_fee", fee=rule.fee_fen)
    if rule.effective_to is not None and rule.effective_to <= rule.effective_from:
        raise InvalidInput("commission.bad_dates")
    if rule.tier_mode not in (PROGRESSIVE, RETROACTIVE):
        raise InvalidInput("commission.bad_tier_mode", mode=rule.tier_mode)
    last = -1
    for band in rule.bands:
        check_rate(band.rate_permille)
        if band.from_fen <= last:
            raise InvalidInput("commission.bad_bands")
        last = band.from_fen
    return rule


def check_shares(shares: tuple[Share, ...]) -> tuple[Share, ...]:
    """One lead, each share above 0, the shares summing to 100%, no one twice."""
    if (sum(s.permille for s in shares) != FULL or any(s.permille <= 0 for s in shares)
            or sum(1 for s in shares if s.role == LEAD) != 1
            or len({s.staff_id for s in shares}) != len(shares)
            or any(s.role not in (LEAD, ASSISTANT) for s in shares)):
        raise InvalidInput("commission.shares_not_100", total=sum(s.permille for s in shares))
    return shares


def default_shares(lead_id: int, assistant_ids: tuple[int, ...], lead_permille: int) -> tuple[Share, ...]:
    """The category's default split (e.g. 主理 70% / 助理 30%): the assistants share the rest equally,
    the fen-like remainder of per-mille to the first assistants; alone, the lead has 100%."""
    if not assistant_ids:
        return (Share(lead_id, LEAD, FULL),)
    check_rate(lead_permille)
    rest = FULL - lead_permille
    each, extra = divmod(rest, len(assistant_ids))
    return check_shares((Share(lead_id, LEAD, lead_permille),) + tuple(
        Share(a, ASSISTANT, each + (1 if i < extra else 0)) for i, a in enumerate(assistant_ids)))


def lead_share(category: str, setting: dict[str, int]) -> int:
    """The lead's default share (per-mille) on a line of ``category`` when one assistant is added:
    the shop's setting per category, else 主理 70% / 助理 30%."""
    value = setting.get(category)
    return value if isinstance(value, int) and 1 <= value <= 999 else DEFAULT_LEAD_PERMILLE


def pick_rule(rules: tuple[Rule, ...], kind: str, day: date, staff_id: int, level: str | None,
              category: str) -> Rule | None:
    """The most specific rule in force on ``day`` for this staff member, level and category."""
    def fits(r: Rule) -> bool:
        return (r.kind == kind and r.in_force(day)
                and (r.staff_id is None or r.staff_id == staff_id)
                and (r.level is None or r.level == level)
                and (r.category is None or r.category == category))
    candidates = [r for r in rules if fits(r)]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r.specificity(), r.effective_from, r.version, r.id))


def rate_of(rule: Rule, line: CommissionLine) -> int:
    """The rate on ``line``: the lower prepaid rate when paid by card or package session; a service's
    designated or rotation rate; a product's or card sale's one rate (``designated_permille``)."""
    if line.prepaid and rule.prepaid_permille is not None:
        return rule.prepaid_permille
    if line.kind != SERVICE:
        return rule.designated_permille
    return rule.designated_permille if line.designated else rule.rotation_permille


def line_commission(line: CommissionLine, shares: tuple[Share, ...], rules: tuple[Rule, ...], day: date,
                    levels: dict[int, str | None]) -> tuple[CommissionAmount, ...]:
    """Each contributor's commission on ``line`` sold on ``day`` (``levels``: their level that day)."""
    check_shares(shares)
    out = []
    for share in shares:
        rule = pick_rule(rules, line.kind, day, share.staff_id, levels.get(share.staff_id), line.category)
        share_base = scale(line.base_fen, share.permille, FULL)
        rate, fee, amount = 0, 0, 0
        if rule is not None and rule.fee_fen is not None and line.kind == SERVICE:
            if line.base_fen > 0 or rule.fee_on_free:
                fee = amount = scale(rule.fee_fen * line.quantity, share.permille, FULL)
        elif rule is not None:
            rate = rate_of(rule, line)
            amount = scale(line.base_fen, share.permille * rate, FULL * FULL)
        out.append(CommissionAmount(share.staff_id, share.role, share.permille, line.base_fen, share_base,
                                    rule.id if rule else None, rule.version if rule else None, rate, fee, amount))
    return tuple(out)


def reversal(amounts: tuple[CommissionAmount, ...]) -> tuple[CommissionAmount, ...]:
    """The clawback of a refunded line: its rows again, negated (the base and amounts, not the rates)."""
    return tuple(CommissionAmount(a.staff_id, a.role, a.share_permille, -a.base_fen, -a.share_base_fen, a.rule_id,
                                  a.rule_version, a.rate_permille, -a.fee_fen, -a.amount_fen) for a in amounts)


def tier_bonus(month_fen: Fen, bands: tuple[Band, ...], mode: str = PROGRESSIVE) -> TierBonus:
    """The month's tier bonus on ``month_fen`` of labour value, and the bands used.

    Progressive: each band's rate on the part of the month inside the band. Retroactive: the rate
    of the highest band reached on the whole month. Each band's amount rounded half-up."""
    if month_fen <= 0 or not bands:
        return TierBonus(0, ())
    ordered = sorted(bands, key=lambda b: b.from_fen)
    if mode == RETROACTIVE:
        reached = [b for b in ordered if month_fen >= b.from_fen]
        if not reached:
            return TierBonus(0, ())
        top = reached[-1]
        amount = scale(month_fen, top.rate_permille, FULL)
        return TierBonus(amount, (BandUse(top.from_fen, None, month_fen, top.rate_permille, amount),))
    used = []
    for i, band in enumerate(ordered):
        upper = ordered[i + 1].from_fen if i + 1 < len(ordered) else None
        if month_fen <= band.from_fen:
            break
        inside = (min(month_fen, upper) if upper is not None else month_fen) - band.from_fen
        amount = scale(inside, band.rate_permille, FULL)
        used.append(BandUse(band.from_fen, upper, inside, band.rate_permille, amount))
    return TierBonus(sum(u.amount_fen for u in used), tuple(used))


def level_from_history(history: tuple[tuple[date, str], ...], day: date) -> str | None:
    """The level in force on ``day`` from a history of (from-day, level) in the order they were set:
    the latest from-day on or before ``day``; on the same from-day, the one set last."""
    found: tuple[date, str] | None = None
    for since, level in history:
        if since <= day and (found is None or since >= found[0]):
            found = (since, level)
    return found[1] if found else None


def booking_month(day: date, settled: frozenset[tuple[int, int]]) -> tuple[int, int]:
    """The month a commission row of ``day`` lands in: its own, or the first after it not settled."""
    year, month = day.year, day.month
    while (year, month) in settled:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return year, month


def check_adjustment(amount_fen: Fen, reason: str) -> str:
    """An adjustment moves money (not zero) and says why."""
    if amount_fen == 0:
        raise InvalidInput("commission.adjustment_zero")
    if not reason.strip():
        raise InvalidInput("commission.adjustment_reason")
    return reason.strip()


def next_open_month(year: int, month: int, settled: frozenset[tuple[int, int]]) -> tuple[int, int]:
    """The first month from (year, month) on that is not settled."""
    return booking_month(date(year, month, 1), settled)


def check_not_settled(year: int, month: int, settled: frozenset[tuple[int, int]]) -> None:
    if (year, month) in settled:
        open_year, open_month = next_open_month(year, month, settled)
        raise Conflict("commission.month_settled", year=year, month=month, next_year=open_year,
                       next_month=open_month)
