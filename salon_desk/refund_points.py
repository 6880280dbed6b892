"""Points on a refund (SPEC §5): what comes back to the member and what is taken back.

A refund gives back the points the sale redeemed, in proportion to the
refunded lines' part of the points deduction (each line carries its share,
see :func:`salon_desk.money.split_proportionally`), and takes back the points
the sale earned (the birthday bonus included), in proportion to the money
refunded. Both proportions are floored; the refund that gives back the last
lines of the sale takes exactly what is left, so refunding a sale's lines one
by one gives back, in total, exactly what refunding them all at once does.

Whether the points of the sale still exist (a yearly reset or a lapse since)
is for the caller to decide; this is the arithmetic only.
"""

from __future__ import annotations

from dataclasses import dataclass

from .money import Fen, scale


@dataclass(frozen=True)
class RefundPoints:
    returned: int      # redeemed points given back to the member (>= 0)
    taken_back: int    # earned points taken away from the member (>= 0)


def refund_points(*, redeemed: int, earned: int, points_discount_fen: Fen, amount_due_fen: Fen,
                  refunded_points_share_fen: Fen, refunded_amount_fen: Fen,
                  already_returned: int, already_taken_back: int, is_last: bool) -> RefundPoints:
    """The points one refund of a sale gives back and takes back.

    ``redeemed``/``earned``: the sale's redeemed points and earned points (base
    plus birthday bonus), both counted positive. ``points_discount_fen`` and
    ``amount_due_fen``: the sale's points deduction and amount due.
    ``refunded_points_share_fen`` and ``refunded_amount_fen``: the sum of the
    refunded lines' points shares and of what they paid (amount less share).
    ``already_returned``/``already_taken_back``: what earlier refunds of the sale
    gave back and took back. ``is_last``: these lines are all the sale has left.

    Raises :class:`ValueError` for figures no sale can have (a programming
    error, never a person's): negatives, or more refunded than the sale holds.
    """
    _check(redeemed, earned, points_discount_fen, amount_due_fen, refunded_points_share_fen,
           refunded_amount_fen, already_returned, already_taken_back)
    if is_last:
        return RefundPoints(redeemed - already_returned, earned - already_taken_back)
    returned = redeemed * refunded_points_share_fen // points_discount_fen if points_discount_fen else 0
    taken_back = earned * refunded_amount_fen // amount_due_fen if amount_due_fen else 0
    # Earlier refunds took their floors of the lines they gave back, so with the sale's
    # real figures a part never passes what is left: when it does, the figures are wrong.
    if returned > redeemed - already_returned or taken_back > earned - already_taken_back:
        raise ValueError("the refunded lines hold more than the sale has left")
    return RefundPoints(returned, taken_back)


def _check(redeemed: int, earned: int, points_discount_fen: Fen, amount_due_fen: Fen,
           refunded_points_share_fen: Fen, refunded_amount_fen: Fen,
           already_returned: int, already_taken_back: int) -> None:
    figures = {
        "redeemed": redeemed, "earned": earned, "points_discount_fen": points_discount_fen,
        "amount_due_fen": amount_due_fen, "refunded_points_share_fen": refunded_points_share_fen,
        "refunded_amount_fen": refunded_amount_fen, "already_returned": already_returned,
        "already_taken_back": already_taken_back,
    }
    negative = [name for name, value in figures.items() if value < 0]
    if negative:
        raise ValueError(f"negative refund figures: {', '.join(negative)}")
    if refunded_points_share_fen > points_discount_fen:
        raise ValueError("refunded points share exceeds the sale's points deduction")
    if refunded_amount_fen > amount_due_fen:
        raise ValueError("refunded amount exceeds the sale's amount due")
    if already_returned > redeemed:
        raise ValueError("more points returned than the sale redeemed")
    if already_taken_back > earned:
        raise ValueError("more points taken back than the sale earned")


SHORTFALL_CHOICES = ("negative", "deduct")


@dataclass(frozen=True)
class PointsShortfall:
    """Points a refund takes back beyond what the member holds (SPEC §5, points after a refund).

    The owner chooses: ``"deduct"`` their money value from what is returned (the balance
    stops at zero), or ``"negative"``: take them all, the balance goes below zero. A
    negative balance cannot be redeemed (nothing can be redeemed above the balance) and
    is cleared to zero at the next yearly reset, as a positive one is.
    """

    points: int        # beyond the balance (> 0)
    value_fen: Fen     # their value at the redemption rate, rounded half-up


def points_shortfall(balance: int, returned: int, taken_back: int, points_per_yuan: int) -> PointsShortfall | None:
    """The shortfall of one refund, or None when the balance covers it.

    ``balance``: the member's balance before the refund; ``returned``/``taken_back``: what
    the refund gives back and takes back (:func:`refund_points`). Only what this refund
    takes beyond the balance counts (below a balance already negative, all it takes).
    """
    if returned < 0 or taken_back < 0 or points_per_yuan < 1:
        raise ValueError("bad shortfall figures")
    short = min(taken_back, max(0, taken_back - returned - balance))
    if short == 0:
        return None
    return PointsShortfall(short, scale(short, 100, points_per_yuan))
