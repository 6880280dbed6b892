"""The month's cards and packages: top-ups apart from revenue, 卡耗, liabilities; in PDF, XLSX and CSV."""

import csv
import io

from openpyxl import load_workbook

from salon_desk.reports.exports import closing_csv, closing_xlsx, monthly_csv, monthly_xlsx
from salon_desk.reports.monthly import render_monthly_report
from salon_desk.tenders import STORED_VALUE, Tender

from pdf_helpers import pdf_text


def test_the_month_shows_topups_card_spending_sessions_and_liabilities(shop, owner, cashier, tech, items,
                                                                       new_member, clock):
    zhang = new_member("张三", "13812345678")
    facial = shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                     price_fen=26_800)
    product = shop.packages.define(owner, code="K01", name="面部护理10次卡", price_fen=200_000, sessions=10,
                                   gifted=1, services=[(facial.id, None)], member_discount=False)
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    shop.packages.sell(cashier, zhang.id, product.item_id, [Tender("wechat", 200_000)])
    visit = shop.visits.check_in(cashier, zhang.id)
    face = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)          # 115.20
    shop.packages.use_session(cashier, face.id, shop.packages.covering(cashier, face.id)[0].id)
    shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 11_520)])
    f = shop.reports.month(owner, 2026, 11)
    p = f.prepaid
    assert (p.topups, p.topup_principal_fen, p.topup_bonus_fen) == (1, 100_000, 10_000)
    assert (p.card_spent_principal_fen, p.card_spent_bonus_fen) == (10_473, 1_047)
    assert (p.packages_sold, p.packages_sold_fen) == (1, 200_000)
    assert (p.sessions_used, p.sessions_consumed_fen, p.sessions_list_fen) == (1, 18_181, 26_800)
    assert (p.closing_principal_fen, p.closing_bonus_fen) == (89_527, 8_953)
    assert (p.closing_sessions, p.closing_sessions_fen) == (10, 200_000 - 18_181)
    assert f.revenue.amount_due_fen == 200_000 + 11_520        # the top-up is not revenue
    text = pdf_text(render_monthly_report(f))
    assert "储值卡与次卡" in text and "卡耗" in text
    wb = load_workbook(io.BytesIO(monthly_xlsx(f)))
    sheet = wb["储值卡与次卡"]
    values = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(5, sheet.max_row + 1)}
    assert float(values["期末储值余额：本金（负债）"]) == 895.27
    assert "储值卡与次卡,充值赠送金额,100.00" in monthly_csv(f).decode("utf-8-sig")
    # the month before has none of it; the month after still owes the same
    assert shop.reports.month(owner, 2026, 10).prepaid.closing_principal_fen == 0
    december = shop.reports.month(owner, 2026, 12).prepaid
    assert (december.topups, december.closing_principal_fen, december.closing_sessions) == (0, 89_527, 10)
    rows = shop.cards.closing_list(owner)
    [row] = rows
    assert (row.principal_fen, row.bonus_fen, row.sessions_left) == (89_527, 8_953, 10)
    lines = list(csv.reader(io.StringIO(closing_csv(rows).decode("utf-8-sig"))))
    assert lines[1][1:3] == ["张三", "13812345678"] and lines[1][4:7] == ["895.27", "89.53", "10"]
    assert load_workbook(io.BytesIO(closing_xlsx(rows, "丽人坊", clock.now.date()))).active["B5"].value == "张三"


def test_a_refund_of_a_split_payment_counts_the_card_part_under_the_card(shop, owner, cashier, tech, items,
                                                                        new_customer, clock, owner_ok):
    zhang = new_customer("张三", "13812345678")
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)          # 268, not a member
    receipt = shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 20_000), Tender("wechat", 6_800)])
    clock.advance(days=1)
    shop.sales.refund(owner, receipt.sale_id, reason="不满意", method="wechat", **owner_ok)
    methods = {m.method: (m.received_fen, m.refunded_fen) for m in shop.reports.month(owner, 2026, 11).methods}
    assert methods == {"wechat": (6_800, 6_800), "stored_value": (20_000, 20_000)}
    assert shop.cards.info(cashier, zhang.id).total_fen == 110_000
