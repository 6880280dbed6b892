"""The one function that prices a sale (SPEC §2, §3, §4, §10 order).

Order: a line paid by a package session is ¥0 first, then the member tier
discount per line (if the item allows it), the birthday free service on one
line up to its cap, then the points deduction on the sale (capped), spread
over the lines so refunds give back exact shares. Tenders (the stored-value
card first) come after, in ``tenders.settle``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InvalidInput
from .money import FULL_RATE, Fen, apply_rate, split_proportionally
from .points import check_redeem, max_redeemable, points_earned, points_value_fen


@dataclass(frozen=True)
class LineInput:
    key: int                  # the visit line id, echoed back
    kind: str                 # "service" or "product"
    unit_price_fen: Fen
    quantity: int = 1
    member_discount: bool = True
    package_session: bool = False   # paid by a session of the customer's package: ¥0


@dataclass(frozen=True)
class PointsRules:
    per_yuan_redeemed: int = 100
    redeem_cap_permille: int = 500
    earn_per_yuan: int = 1


@dataclass(frozen=True)
class PricingInput:
    lines: tuple[LineInput, ...]
    member_rate_permille: int | None = None   # None: not a member, full price
    birthday_line: int | None = None          # key of the line made free
    birthday_cap_fen: Fen = 0
    points_to_redeem: int = 0
    points_balance: int = 0
    birthday_double_points: bool = False
    earns_points: bool = False                # members only
    rules: PointsRules = field(default_factory=PointsRules)


@dataclass(frozen=True)
class PricedLine:
    key: int
    list_amount_fen: Fen
    rate_permille: int
    member_discount_fen: Fen
    birthday_discount_fen: Fen
    amount_fen: Fen            # after member and birthday discounts
    points_share_fen: Fen      # this line's part of the points deduction
    paid_fen: Fen              # amount_fen - points_share_fen
    package_fen: Fen = 0       # the list amount a package session paid


@dataclass(frozen=True)
class PricedSale:
    lines: tuple[PricedLine, ...]
    list_total_fen: Fen
    member_discount_fen: Fen
    birthday_discount_fen: Fen
    subtotal_fen: Fen           # sum of line amounts
    points_redeemed: int
    points_discount_fen: Fen
    amount_due_fen: Fen
    points_earned: int          # points_earned_base + points_birthday_bonus
    max_points_redeemable: int
    points_earned_base: int     # the ledger's "earn" entry
    points_birthday_bonus: int  # the ledger's "birthday" entry: the doubling's extra
    package_discount_fen: Fen = 0   # the lines paid by package sessions, at list price


def price_sale(data: PricingInput) -> PricedSale:
    """Price a sale; raises :class:`InvalidInput` for impossible requests."""
    keys = [line.key for line in data.lines]
    if data.birthday_line is not None and data.birthday_line not in keys:
        raise InvalidInput("birthday.line_not_in_sale", line=data.birthday_line)

    staged = []
    for line in data.lines:
        if line.quantity <= 0:
            raise InvalidInput("line.bad_quantity", quantity=line.quantity)
        if line.unit_price_fen < 0:
            raise InvalidInput("line.bad_price", price=line.unit_price_fen)
        list_amount = line.unit_price_fen * line.quantity
        package = list_amount if line.package_session else 0
        if package and line.kind != "service":
            raise InvalidInput("package.service_not_covered", service=line.key)
        rate = FULL_RATE
        if data.member_rate_permille is not None and line.member_discount and not package:
            rate = data.member_rate_permille
        discounted = apply_rate(list_amount - package, rate)
        birthday = 0
        if line.key == data.birthday_line:
            if line.kind != "service":
                raise InvalidInput("birthday.not_a_service")
            if package:
                raise InvalidInput("birthday.package_line")
            birthday = min(discounted, data.birthday_cap_fen)
        staged.append((line.key, list_amount, rate, list_amount - package - discounted, birthday,
                       discounted - birthday, package))

    subtotal = sum(s[5] for s in staged)
    most = max_redeemable(subtotal, data.points_balance, data.rules.per_yuan_redeemed,
                          data.rules.redeem_cap_permille)
    check_redeem(data.points_to_redeem, subtotal, data.points_balance,
                 data.rules.per_yuan_redeemed, data.rules.redeem_cap_permille)
    points_fen = points_value_fen(data.points_to_redeem, data.rules.per_yuan_redeemed)
    shares = split_proportionally(points_fen, [s[5] for s in staged])

    lines = tuple(
        PricedLine(key, list_amount, rate, member_disc, birthday, amount, share, amount - share, package)
        for (key, list_amount, rate, member_disc, birthday, amount, package), share in zip(staged, shares)
    )
    due = subtotal - points_fen
    base = bonus = 0
    if data.earns_points:
        base = points_earned(due, data.rules.earn_per_yuan, False)
        bonus = points_earned(due, data.rules.earn_per_yuan, data.birthday_double_points) - base
    return PricedSale(
        lines=lines,
        list_total_fen=sum(l.list_amount_fen for l in lines),
        member_discount_fen=sum(l.member_discount_fen for l in lines),
        birthday_discount_fen=sum(l.birthday_discount_fen for l in lines),
        subtotal_fen=subtotal,
        points_redeemed=data.points_to_redeem,
        points_discount_fen=points_fen,
        amount_due_fen=due,
        points_earned=base + bonus,
        max_points_redeemable=most,
        points_earned_base=base,
        points_birthday_bonus=bonus,
        package_discount_fen=sum(l.package_fen for l in lines),
    )
