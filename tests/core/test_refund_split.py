"""Refunds by original method: a void gives each payment back, a refund of some lines is split in
proportion, exact to the fen (largest remainder), the last refund gives back exactly what is left."""

from hypothesis import given
from hypothesis import strategies as st

from salon_desk.refund_split import MethodAmount as M, outstanding, split_refund


def test_a_void_of_a_split_sale_returns_each_payment_to_its_method():
    out = outstanding([M("wechat", 5000), M("alipay", 1800)], [])
    assert split_refund(6800, 0, out) == (M("wechat", 5000), M("alipay", 1800))


def test_a_refund_of_one_line_is_split_in_proportion_and_the_fen_left_goes_to_the_largest_remainder():
    # 精剪 ¥268 + 洗护 ¥128 paid ¥300 WeChat + ¥96 cash; 洗护 refunded:
    # 12800 x 300/396 = 9696.97 -> 9696 (+1, larger remainder) ; 12800 x 96/396 = 3103.03 -> 3103
    out = outstanding([M("wechat", 30000), M("cash", 9600)], [])
    first = split_refund(12800, 0, out)
    assert first == (M("wechat", 9697), M("cash", 3103))
    # the cut refunded later gets exactly what is left on each method
    left = outstanding([M("wechat", 30000), M("cash", 9600)], list(first))
    assert split_refund(26800, 0, left) == (M("wechat", 20303), M("cash", 6497))


def test_the_card_part_comes_first_and_the_owner_may_put_the_rest_on_cash():
    out = outstanding([M("stored_value", 10000), M("wechat", 5000)], [])
    assert split_refund(15000, 10000, out) == (M("stored_value", 10000), M("wechat", 5000))
    assert split_refund(9000, 6000, out, "cash") == (M("stored_value", 6000), M("cash", 3000))


amounts = st.lists(st.integers(min_value=1, max_value=500_000), min_size=1, max_size=4)


@given(amounts, st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=5))
def test_refunds_in_pieces_sum_exactly_and_end_with_every_method_back(paid_amounts, cuts):
    methods = ["cash", "wechat", "alipay", "other"]
    paid = [M(methods[i], a) for i, a in enumerate(paid_amounts)]
    total = sum(paid_amounts)
    weights = [c + 1 for c in cuts]
    pieces = [total * w // sum(weights) for w in weights]
    pieces[-1] += total - sum(pieces)
    refunded: list[M] = []
    for piece in pieces:
        parts = split_refund(piece, 0, outstanding(paid, refunded))
        assert sum(p.amount_fen for p in parts) == piece
        assert all(p.amount_fen > 0 for p in parts)
        refunded += parts
    assert all(o.amount_fen == 0 for o in outstanding(paid, refunded))
