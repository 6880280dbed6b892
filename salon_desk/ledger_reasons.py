"""Reasons the shop itself writes on ledger entries, as codes, never prose.

A person's reason ("纸质会员卡积分转入") is stored as typed. A reason the
program writes (the yearly reset, a lapse, a refund's reversal) is stored as
``sys:<code>`` or ``sys:<code>:<param>`` so the window and the printed
record can say it in the reader's language.
"""

from __future__ import annotations

PREFIX = "sys:"

YEARLY_RESET = "yearly_reset"        # param: the year
LAPSED = "lapsed"
REINSTATED = "reinstated"
ERASED = "erased"
REFUND_RETURNED = "refund_returned"  # redeemed points given back
REFUND_TAKEN_BACK = "refund_taken_back"
MERGED_INTO = "merged_into"          # param: the kept customer's id
MERGED_FROM = "merged_from"          # param: the dropped customer's id
REFERRAL = "referral"                # param: the referred customer's id

CODES = (YEARLY_RESET, LAPSED, REINSTATED, ERASED, REFUND_RETURNED, REFUND_TAKEN_BACK,
         MERGED_INTO, MERGED_FROM, REFERRAL)


def system_reason(code: str, param: object | None = None) -> str:
    if code not in CODES:
        raise ValueError(code)
    return f"{PREFIX}{code}" if param is None else f"{PREFIX}{code}:{param}"


def parse_reason(text: str) -> tuple[str, str | None] | None:
    """``(code, param)`` of a system reason, or None for a reason a person typed."""
    if not text or not text.startswith(PREFIX):
        return None
    code, _, param = text[len(PREFIX):].partition(":")
    return code, (param or None)
