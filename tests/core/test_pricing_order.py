"""The one pricing order: package session -> member tier -> birthday -> points -> tenders (card first)."""

import pytest

from salon_desk.errors import InvalidInput
from salon_desk.points import points_earned
from salon_desk.pricing import LineInput, PricingInput, price_sale
from salon_desk.stored_value import Balance, draw, earning_base_fen
from salon_desk.tenders import STORED_VALUE, AppliedPayment, Tender, settle

FACIAL = LineInput(1, "service", 30_000, package_session=True)   # 面部护理 ¥300, from her package
CUT = LineInput(2, "service", 26_800)                            # 精剪 ¥268
CARE = LineInput(3, "service", 12_800)                           # 洗护 ¥128, her birthday service


def test_a_gold_members_birthday_sale_using_every_step():
    sale = price_sale(PricingInput((FACIAL, CUT, CARE), member_rate_permille=800, birthday_line=3,
                                   birthday_cap_fen=30_000, points_to_redeem=300, points_balance=5_000,
                                   birthday_double_points=True, earns_points=True))
    # 1. package session: the facial is ¥0 before any discount; its ¥300.00 is the package's saving
    # 2. Gold 8折: cut 268 x 0.8 = 214.40 (saves 53.60); care 128 x 0.8 = 102.40 (saves 25.60)
    # 3. birthday: the care line free, 102.40 (under the ¥300 cap)
    # 4. points: 300 = ¥3.00 off the subtotal of ¥214.40 -> due ¥211.40
    assert [(l.package_fen, l.member_discount_fen, l.birthday_discount_fen, l.amount_fen, l.paid_fen)
            for l in sale.lines] == [(30_000, 0, 0, 0, 0), (0, 5_360, 0, 21_440, 21_140),
                                     (0, 2_560, 10_240, 0, 0)]
    assert sale.lines[0].rate_permille == 1000          # no member rate printed on a package line
    assert sale.list_total_fen == 69_600
    assert sale.package_discount_fen == 30_000
    assert sale.member_discount_fen == 7_920
    assert sale.birthday_discount_fen == 10_240
    assert sale.points_discount_fen == 300
    assert sale.amount_due_fen == 21_140                # 69600 - 30000 - 7920 - 10240 - 300
    # 5. tenders: ¥200 from the card (¥1,000 + ¥100), the rest ¥11.40 by WeChat
    applied = settle(sale.amount_due_fen, [Tender(STORED_VALUE, 20_000), Tender("wechat", 1_140)],
                     card_balance_fen=110_000)
    assert applied == [AppliedPayment(STORED_VALUE, 20_000, None, 0), AppliedPayment("wechat", 1_140, None, 0)]
    taken = draw(Balance(100_000, 10_000), 20_000)     # bonus 20000 x 100/1100 = 1818.18 -> 18.18
    assert (taken.principal_fen, taken.bonus_fen) == (18_182, 1_818)
    # points on what was paid less the card's bonus part: 211.40 - 18.18 = 193.22 -> 193, doubled on her birthday
    assert points_earned(earning_base_fen(sale.amount_due_fen, taken.bonus_fen), 1, True) == 386
    assert sale.points_earned == 422                    # before the card's bonus is known: 211 x 2


def test_a_package_line_takes_no_member_discount_and_no_points_share():
    sale = price_sale(PricingInput((FACIAL, CUT), member_rate_permille=800, points_to_redeem=200,
                                   points_balance=200))
    assert sale.lines[0].points_share_fen == 0 and sale.lines[1].points_share_fen == 200
    assert sale.amount_due_fen == 21_440 - 200


def test_a_sale_paid_wholly_by_a_package_session_is_due_nothing():
    sale = price_sale(PricingInput((FACIAL,), member_rate_permille=800))
    assert (sale.amount_due_fen, sale.package_discount_fen, sale.member_discount_fen) == (0, 30_000, 0)


def test_a_package_line_cannot_also_be_the_birthday_service_nor_a_product():
    with pytest.raises(InvalidInput) as err:
        price_sale(PricingInput((FACIAL, CUT), member_rate_permille=800, birthday_line=1, birthday_cap_fen=30_000))
    assert err.value.code == "birthday.package_line"
    with pytest.raises(InvalidInput) as err:
        price_sale(PricingInput((LineInput(4, "product", 9_800, package_session=True),)))
    assert err.value.code == "package.service_not_covered"
