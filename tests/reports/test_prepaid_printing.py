"""The top-up slip, a receipt paid by card with a package session, the statement and a refund statement."""

import os
from pathlib import Path

import pytest

from salon_desk.reports.prepaid import render_refund_statement, render_statement, render_topup_slip
from salon_desk.reports.receipt import render_receipt
from salon_desk.tenders import STORED_VALUE, Tender

from pdf_helpers import pdf_pages, pdf_text, pdf_words

OUT = os.environ.get("SALON_PRINT_SAMPLES")     # a folder: keep the PDFs to look at


def keep(name: str, data: bytes) -> bytes:
    if OUT:
        Path(OUT).mkdir(parents=True, exist_ok=True)
        (Path(OUT) / name).write_bytes(data)
    return data


@pytest.fixture
def card_shop(shop, owner, cashier, tech, items, new_member):
    zhang = new_member("张三", "13812345678")
    facial = shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                     price_fen=26_800)
    product = shop.packages.define(owner, code="K01", name="面部护理10次卡", price_fen=200_000, sessions=10,
                                   gifted=1, services=[(facial.id, None)], member_discount=False)
    slip = shop.cards.top_up(cashier, zhang.id, 100_000, "cash", tendered_fen=100_000, terms_signed=True)
    shop.packages.sell(cashier, zhang.id, product.item_id, [Tender("wechat", 200_000)])
    visit = shop.visits.check_in(cashier, zhang.id)
    face = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)          # 128 at 9折 = 115.20
    shop.packages.use_session(cashier, face.id, shop.packages.covering(cashier, face.id)[0].id)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 11_520)])
    return zhang, slip, receipt


def test_the_first_topup_slip_has_the_balances_and_the_terms_to_sign(card_shop):
    _, slip, _ = card_shop
    data = keep("topup-slip.pdf", render_topup_slip(slip))
    text = pdf_text(data)
    assert "储值卡充值单" in text and "储值卡章程" in text and "顾客签字" in text
    assert {"￥1,000.00", "￥100.00", "￥1,100.00"} <= pdf_words(data)


def test_the_receipt_shows_the_card_parts_and_the_sessions_left(card_shop):
    _, _, receipt = card_shop
    data = keep("receipt-card-package.pdf", render_receipt(receipt))
    text = pdf_text(data)
    assert "次卡抵扣" in text and "剩余次数" in text and "10 次" in text
    # 115.20 from 1000 + 100: bonus 10.47, principal 104.73
    assert {"-￥268.00", "￥104.73", "￥10.47", "￥895.27", "￥89.53"} <= pdf_words(data)


def test_the_statement_and_the_refund_statement(shop, owner, card_shop):
    zhang, _, _ = card_shop
    statement = keep("statement.pdf", render_statement(shop.cards.statement(owner, zhang.id)))
    text = pdf_text(statement)
    assert "对账单" in text and "充值本金" in text and "次卡消费" in text
    assert len(pdf_pages(statement)) == 1
    preview = shop.cards.preview_refund(owner, zhang.id, "customer_choice", rate_bp=345)
    done = shop.cards.refund_balance(owner, zhang.id, "shop_at_fault", method="wechat", reason="本店搬迁",
                                     rate_bp=345)
    data = keep("refund-statement.pdf", render_refund_statement(done))
    text = pdf_text(data)
    assert "第十八条" in text and "赠送金核销" in text and "员工提成不从退款中扣除" in text
    # 1000 - 115.20 x 1000/1100 = 1000 - 104.73 = 895.27
    assert "￥895.27" in pdf_words(data)
    assert "试算" in pdf_text(render_refund_statement(preview))
