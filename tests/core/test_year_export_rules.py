"""The year export's rules: which years can be exported, the progress line, tenders and a month's totals."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, strategies as st

from salon_desk.errors import InvalidInput
from salon_desk.year_export import (
    REFUND, SALE, SALE_VOIDED, VOID, MoneyRow, Tenders, TopUpRow, check_year, parse_year, progress_text, totals_of,
)

TODAY = date(2026, 12, 2)


def test_the_years_that_can_be_exported():
    assert check_year(2026, TODAY, date(2021, 3, 8)) == 2026          # the year under way
    assert check_year(2021, TODAY, date(2021, 3, 8)) == 2021          # the year of the first sale
    with pytest.raises(InvalidInput) as future:
        check_year(2027, TODAY, date(2021, 3, 8))
    assert future.value.code == "year_export.future" and future.value.params == {"year": 2027, "this_year": 2026}
    with pytest.raises(InvalidInput) as early:
        check_year(2020, TODAY, date(2021, 3, 8))
    assert early.value.params == {"year": 2020, "first_year": 2021}
    assert check_year(2026, TODAY, None) == 2026                      # no sale yet: only this year
    with pytest.raises(InvalidInput):
        check_year(2025, TODAY, None)
    for bad in (True, "2026", 1999, 2026.0):
        with pytest.raises(InvalidInput) as caught:
            check_year(bad, TODAY, None)
        assert caught.value.code == "year_export.bad_year"


@pytest.mark.parametrize("text, year", [("2025", 2025), (" 2026 ", 2026), ("２０２５", 2025)])   # full-width: a Chinese IME
def test_parse_year(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize("text", ["25", "20x5", "2025-01", "", "²⁰²⁵"])
def test_parse_year_refuses(text):
    with pytest.raises(InvalidInput) as caught:
        parse_year(text)
    assert caught.value.code == "year_export.bad_year"


def test_progress_text():
    assert progress_text("2025-03", 1234) == "2025-03：1,234 笔"
    assert progress_text("2025-04", 0) == "2025-04：0 笔"


def test_tenders_in_a_fixed_order_with_unknown_methods_as_other():
    t = Tenders.of([("wechat", 5000), ("cash", 1000), ("wechat", 200), ("coupon", 300)])
    assert t.amounts == (1000, 5200, 0, 0, 0, 300) and t.total == 6500
    assert (t + t.negated()).amounts == (0,) * 6


def row(kind, due, tenders, **kw):
    return MoneyRow(datetime(2025, 3, 1, 10), "20250301-0001", kind, "散客", None, "", kw.get("list", due),
                    kw.get("member", 0), 0, 0, due, Tenders.of(tenders), 0, 0)


def test_a_months_totals_worked_by_hand():
    rows = [row(SALE, 24120, [("wechat", 24120)], list=26800, member=2680),
            row(SALE, 19700, [("cash", 19700)]),
            row(SALE_VOIDED, 12800, [("wechat", 12800)]), row(VOID, -12800, [("wechat", -12800)]),
            row(REFUND, -12900, [("cash", -12900)])]
    tops = [TopUpRow(datetime(2025, 3, 2), "20250302-0001", "张三", 1, "80000001", "wechat", 100000, 10000, "小美")]
    t = totals_of(rows, tops, (1, 99900))
    assert (t.receipts, t.list_fen, t.member_discount_fen, t.amount_due_fen) == (2, 46500, 2680, 43820)
    assert (t.refunds, t.refunds_fen, t.voids, t.voids_fen, t.net_fen) == (1, 12900, 1, 12800, 30920)
    assert t.tenders.amounts == (6800, 24120, 0, 0, 0, 0)
    assert (t.topups, t.topup_paid_fen, t.topup_bonus_fen, t.packages_sold, t.packages_fen) == (1, 100000, 10000, 1, 99900)
    assert tops[0].to_card_fen == 110000


amounts = st.integers(0, 10_000_00)


@given(st.lists(st.tuples(st.sampled_from(("sale", "void", "refund")), amounts,
                          st.sampled_from(("cash", "wechat", "alipay", "stored_value")))))
def test_net_is_the_sum_of_the_rows_and_of_the_tenders(events):
    rows = []
    for kind, amount, method in events:
        if kind == "refund":
            rows.append(row(REFUND, -amount, [(method, -amount)]))
        else:
            rows.append(row(SALE if kind == "sale" else SALE_VOIDED, amount, [(method, amount)]))
            if kind == "void":
                rows.append(row(VOID, -amount, [(method, -amount)]))
    t = totals_of(rows, [])
    assert t.net_fen == sum(r.amount_due_fen for r in rows) == t.tenders.total
