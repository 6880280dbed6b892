"""Cash expected in the drawer, the blind count typed, and the variance needing the owner."""

import pytest

from salon_desk.errors import InvalidInput
from salon_desk.shifts import ShiftTotals, cash_expected, needs_owner, parse_count


def test_cash_expected_by_hand():
    # float ¥500 + cash sales ¥268 + cash top-up ¥1000 − a void ¥68 cash − a refund ¥31.03 cash − card refund ¥200
    t = ShiftTotals(50000, (("cash", 26800), ("wechat", 39600)), 3, (("cash", 6800),), 1, (("cash", 3103),), 1,
                    (("cash", 100000),), 1, (("cash", 20000),), 0, 0)
    assert cash_expected(t) == 50000 + 26800 + 100000 - 6800 - 3103 - 20000 == 146897


def test_a_count_with_letters_is_refused_and_the_limit_is_either_way():
    assert parse_count("1,468.97") == 146897
    for bad in ("12a", "-5"):
        with pytest.raises(InvalidInput):
            parse_count(bad)
    assert not needs_owner(-1000, 1000) and needs_owner(-1001, 1000) and needs_owner(1001, 1000)
