"""Finding a customer as the cashier types (SPEC §1): phone tail, phone, name, pinyin."""

from __future__ import annotations

from typing import Any

from ..membership import format_member_no
from ..phone import mask_phone
from ..pinyin_keys import query_ranges
from ..records import CustomerSummary
from .context import ShopContext
from .rows import as_datetime_or_none, as_dicts

RESULT_LIMIT = 20

# Each key range reads only its most recent matches from the (key, last visit)
# index; a few spare rows cover archived files filtered out afterwards.
_SPARE = 3
# One or two digits are looked up first among this many of the most recent visitors: when they
# hold a full page of matches, those are the most recent ones.
RECENT_VISITORS = 200


def search_rows(ctx: ShopContext, text: str, limit: int = RESULT_LIMIT,
                include_archived: bool = False) -> list[dict[str, Any]]:
    """Rows (by column name) of customers matching ``text``: exact phone first, then the most
    recent visitors. One statement per search: it runs on every keystroke."""
    ranges = query_ranges(text)
    if not ranges:
        return []
    exact = next((low for low, _high, is_exact in ranges if is_exact), None)
    archived = 1 if include_archived else 0
    if _is_wide(text):
        # Every match outside the most recent visitors is older than all of them: a full page
        # found among them is the answer. Otherwise (a rare prefix) the whole key range is read.
        union = ctx.sql.SEARCH_UNION.join(ctx.sql.SEARCH_RECENT_RANGE for _ in ranges)
        params: list[Any] = [RECENT_VISITORS, exact]
        for low, high, _ in ranges:
            params += [low, high]
        rows = as_dicts(ctx.execute(ctx.sql.SEARCH_RECENT.format(ranges=union), [*params, archived, limit]))
        if len(rows) >= limit:
            return rows
    union = ctx.sql.SEARCH_UNION.join(ctx.sql.SEARCH_RANGE for _ in ranges)
    params = [exact]
    for low, high, _ in ranges:
        params += [low, high, limit * _SPARE]
    return as_dicts(ctx.execute(ctx.sql.SEARCH.format(ranges=union), [*params, archived, limit]))


def _is_wide(text: str) -> bool:
    """One or two digits: every mobile number begins 13…19, so the key range is most of the file
    (a letter's ranges are a few percent of it, quicker to read whole)."""
    typed = "".join(ch for ch in text if ch.isalnum())
    return 0 < len(typed) <= 2 and typed.isascii() and typed.isdigit()


def search_customers(ctx: ShopContext, text: str, limit: int, include_archived: bool,
                     full_phone: bool) -> list[CustomerSummary]:
    out = []
    for r in search_rows(ctx, text, limit, include_archived):
        masked = mask_phone(r["phone"])
        out.append(CustomerSummary(r["id"], r["name"], (r["phone"] or "") if full_phone else masked, masked,
                                   r["tier"], format_member_no(r["member_number"]) if r["member_number"] else None,
                                   r["points"], as_datetime_or_none(r["last_visit_at"]), bool(r["archived"]),
                                   bool(r["anonymised"])))
    return out
