"""The visit record (到店记录) and the customer's data copy (PIPL), read back from the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from salon_desk.reports.data_copy import render_data_copy
from salon_desk.reports.visit_record import render_visit_record
from salon_desk.tenders import Tender

from pdf_helpers import assert_font_embedded, assert_glyphs_exist, pdf_pages, pdf_text, pdf_words


@pytest.fixture
def regular(shop, owner, cashier, tech, tech2, items, new_member, clock):
    """A member with allergies and tags, and twelve visits a week apart."""
    customer = new_member("欧阳玥", "13912345678", allergies="对染发剂PPD过敏", care_goals="头皮养护",
                          tags=["桂花茶", "力度轻"], birth_month=3, birth_day=8, gender="female",
                          skin_type="sensitive", region="city", consent_health=True)
    receipts = []
    for week in range(12):
        clock.set(2026, 12, 1 + week * 2, 10 + week % 5, 0)
        visit = shop.visits.check_in(cashier, customer.id)
        shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id, note=f"第{week + 1}次，刘海修短")
        shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
        due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
        receipts.append(shop.sales.checkout(cashier, visit.id, [Tender("wechat", due)]))
    return customer, receipts


def test_visit_record_prints_file_membership_and_visits(shop, owner, regular, clock):
    customer, receipts = regular
    file = shop.customers.file(owner, customer.id)
    sales = shop.sales.of_customer(owner, customer.id)
    data = render_visit_record(file, sales, shop.settings.header(), None, None, clock.now, "老板")
    text, words = pdf_text(data), pdf_words(data)
    assert_font_embedded(data)
    assert_glyphs_exist(text)
    pages = pdf_pages(data)
    assert all(round(float(p.mediabox.width)) == 595 for p in pages)
    assert len(pages) >= 2
    assert f"第 1 页 / 共 {len(pages)} 页" in text and f"第 {len(pages)} 页 / 共 {len(pages)} 页" in text
    for label in ("丽人坊", "顾客到店记录", "基本资料", "欧阳玥", "13912345678", "女", "3月8日", "敏感性", "城市",
                  "过敏史", "对染发剂PPD过敏", "偏好标签", "桂花茶、力度轻", "头皮养护", "会员与积分", "会员卡号",
                  "会员等级", "积分余额", "到店记录", "精剪（王师傅）", "洗护（李师傅）", "第1次，刘海修短", "打印人：老板"):
        assert label in text, label
    for r in receipts:
        assert r.receipt_no in words
    each = receipts[0].amount_due_fen
    assert f"￥{each // 100}.{each % 100:02d}" in words
    total = sum(r.amount_due_fen for r in receipts)
    assert f"期间到店 12 次，消费合计 ￥{total // 100:,}.{total % 100:02d}" in text


def test_allergies_are_left_out_when_the_role_may_not_see_them(shop, owner, regular, clock):
    customer, _ = regular
    hidden = replace(shop.customers.file(owner, customer.id), allergies=None)
    text = pdf_text(render_visit_record(hidden, [], shop.settings.header(), printed_at=clock.now))
    assert "过敏" not in text and "PPD" not in text
    assert "此期间没有到店记录" in text


def test_date_range_is_printed_and_respected(shop, owner, regular, clock):
    customer, receipts = regular
    start, end = date(2026, 12, 5), date(2026, 12, 9)
    sales = shop.sales.of_customer(owner, customer.id, start, end)
    text = pdf_text(render_visit_record(shop.customers.file(owner, customer.id), sales, shop.settings.header(),
                                        start, end, clock.now))
    assert "统计期间：2026-12-05 至 2026-12-09" in text
    assert [r.receipt_no in text for r in receipts] == [False, False, True, True, True] + [False] * 7


def test_data_copy_holds_the_whole_file(shop, owner, regular, clock, owner_ok):
    customer, receipts = regular
    shop.sales.refund(owner, receipts[0].sale_id, reason="不满意", **owner_ok)
    shop.customers.export(owner, customer.id)
    export = shop.customers.export(owner, customer.id)     # the first export is in the second's log
    data = render_data_copy(export, printed_at=datetime(2027, 1, 1, 9, 0))
    text, words = pdf_text(data), pdf_words(data)
    assert_font_embedded(data)
    assert_glyphs_exist(text)
    for label in ("个人信息副本", "个人信息保护法", "基本信息", "欧阳玥", "13912345678", "对染发剂PPD过敏",
                  "授权同意记录", "建档保存", "同意", "会员与积分", "积分明细", "消费积分", "退款冲回", "消费记录",
                  "档案操作记录", "建立档案", "导出个人信息副本", "第 1 页 / 共"):
        assert label in text, label
    for r in receipts:
        assert r.receipt_no in words
    assert len(export["points_history"]) >= 13
    assert f"积分明细（共 {len(export['points_history'])} 条）" in text
    assert "已退" in text


def test_data_copy_prints_unknown_keys_too(shop, owner, regular):
    customer, _ = regular
    export = shop.customers.export(owner, customer.id)
    export["customer"]["wechat_id"] = "yy_2026"
    export["appointments"] = [{"at": "2027-01-02T10:00:00", "service": "精剪"}]
    text = pdf_text(render_data_copy(export))
    assert "yy_2026" in text and "七、其他" in text and "service: 精剪" in text


def test_a_data_copy_section_heading_never_ends_a_page(shop, owner, regular):
    """However long the points history, 五、消费记录 and 六、档案操作记录 start on the page of their first row."""
    customer, receipts = regular
    export = shop.customers.export(owner, customer.id)
    history = export["points_history"]
    newest = max(receipts, key=lambda r: r.created_at).receipt_no
    for count in range(14, 40):           # the 消费记录 heading walks down page 1 and over to page 2
        export["points_history"] = (history * 40)[:count]
        pages = [page.extract_text() for page in pdf_pages(render_data_copy(export, datetime(2027, 1, 1)))]
        [visits_page] = [text for text in pages if "五、消费记录" in text]
        assert newest in visits_page.split("五、消费记录", 1)[1], count
        [log_page] = [text for text in pages if "六、档案操作记录" in text]
        assert "建立档案" in log_page.split("六、档案操作记录", 1)[1], count
