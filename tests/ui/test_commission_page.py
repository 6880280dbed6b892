"""提成 in the window: the owner's monthly sheet (summary, every line, adjustments, settling, PDF and XLSX),
a technician's own sheet for this month, and the owner's rules and levels with the precedence written out."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from salon_desk.commission import CARD_SALE, SERVICE, Band, Rule
from salon_desk.db.models import CommissionAdjustment
from salon_desk.tenders import Tender
from salon_desk.ui import commission_page, reports_page
from salon_desk.ui.commission_page import AdjustDialog, LevelDialog, RuleDialog
from salon_desk.ui.widgets import select_row

COLOUR_12 = Rule(0, 0, SERVICE, date(2026, 1, 1), category="hair", designated_permille=120, rotation_permille=80)


@pytest.fixture
def colour_sale(shop, owner, cashier, tech, tech2, items, new_member):
    """¥388 染发 at Gold (¥310.40 paid), designated, 王师傅 lead 70% / 李师傅 assistant 30%, at 12%."""
    shop.commission.add_rule(owner, COLOUR_12)
    zhang = new_member(tier="gold")
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id, designated=True)
    shop.commission.set_assistants(cashier, line.id, [(tech2.id, 300)])
    return shop.sales.checkout(cashier, visit.id, [Tender("wechat", 31040)])


def sheet_of(window):
    """The 提成 tab shown (its sheet is read when shown)."""
    page = window.pages["commission"]
    window.tabs.setCurrentWidget(page)
    return page.sheet


def cells(view, row: int) -> list[str]:
    model = view.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_owner_reads_each_technicians_pay_and_every_line_behind_it(qtbot, make_window, shop, owner, cashier,
                                                                       tech, items, colour_sale):
    window = make_window(owner)
    sheet = sheet_of(window)
    assert sheet.month.currentText() == "2026-11" and sheet.state.text() == "未结算。"
    names = [cells(sheet.summary_view, r)[0] for r in range(sheet.summary_model.rowCount())]
    assert names == ["李师傅", "王师傅"]
    wang = names.index("王师傅")
    row = cells(sheet.summary_view, wang)
    assert (row[2], row[3], row[4], row[7], row[13]) == ("1 / 0", "1 / 0", "¥217.28", "¥26.07", "¥26.07")
    select_row(sheet.summary_view, wang)
    [line] = [cells(sheet.lines_view, r) for r in range(sheet.lines_model.rowCount())]
    assert line == ["11-22", colour_sale.receipt_no, "张*", "染发", "指定", "主理", "¥310.40", "70%", "#1 v1", "12%",
                    "¥26.07"]
    assert sheet.detail.text().startswith("王师傅：应发 ¥26.07 = 服务提成 ¥26.07")
    # a sale made while another tab is shown is on the sheet when it is shown again
    window.tabs.setCurrentWidget(window.pages["counter"])
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id, designated=True)
    window.ops.run(None, lambda: shop.sales.checkout(cashier, visit.id, [Tender("cash", 6800)]), changes={"sales"})
    assert sheet.stale
    sheet_of(window)
    row = [r for r in range(2) if cells(sheet.summary_view, r)[0] == "王师傅"][0]
    assert cells(sheet.summary_view, row)[2] == "2 / 0"                         # 6800 × 12% = ¥8.16 more
    assert cells(sheet.summary_view, row)[13] == "¥34.23"


def test_the_owner_adjusts_a_month_then_settles_it_and_it_refuses_more(qtbot, make_window, shop, owner, tech,
                                                                        colour_sale, no_prompts, monkeypatch):
    window = make_window(owner)
    sheet = sheet_of(window)
    # the dialog itself: a technician, an amount with a minus sign, a reason
    dialog = AdjustDialog([(tech.id, "王师傅")], 2026, 11)
    dialog.amount.setText("abc")
    dialog.check()
    assert dialog.error.text() and dialog.result() == 0          # a bad amount: said, not accepted
    dialog.amount.setText("-15")
    dialog.reason.setText("工具损坏赔偿")
    assert dialog.values() == (tech.id, -1500, "工具损坏赔偿")
    monkeypatch.setattr(AdjustDialog, "ask", classmethod(lambda cls, *a: dialog.values()))
    sheet.adjust()
    assert sheet.message.text() == "调整已保存。"
    row = [r for r in range(2) if cells(sheet.summary_view, r)[0] == "王师傅"][0]
    assert cells(sheet.summary_view, row)[12:14] == ["-¥15.00", "¥11.07"]        # 26.07 - 15.00
    select_row(sheet.summary_view, row)
    assert "手工调整 11-22：-¥15.00，工具损坏赔偿（老板）" in sheet.detail.text().splitlines()
    sheet.settle()
    assert sheet.state.text().startswith("已结算") and not sheet.adjust_button.isEnabled()
    assert shop.commission.sheet(owner, 2026, 11).settled
    monkeypatch.setattr(AdjustDialog, "ask", classmethod(lambda cls, *a: (tech.id, 1000, "补发")))
    sheet.adjust()                                           # refused by the shop: said on the page, nothing written
    assert sheet.message.text() == "2026-11 的提成已结算，不能再改动；请把更正记入下一个未结算的月份 2026-12。"
    assert CommissionAdjustment.select().count() == 1


def test_the_sheet_is_saved_as_pdf_and_xlsx(qtbot, make_window, owner, tech, colour_sale, tmp_path, monkeypatch):
    window = make_window(owner)
    sheet = sheet_of(window)
    for kind in ("pdf", "xlsx"):
        target = tmp_path / f"sheet.{kind}"
        monkeypatch.setattr(reports_page.ReportFile, "ask", classmethod(lambda cls, *a, t=target: t))
        assert sheet.export(kind) == target
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    book = load_workbook(io.BytesIO((tmp_path / "sheet.xlsx").read_bytes()))
    assert book.sheetnames == ["汇总", "李师傅", "王师傅"]
    summary = book["汇总"]
    rows = {summary.cell(r, 1).value: r for r in range(5, 7)}
    assert float(summary.cell(rows["王师傅"], 17).value) == 26.07 and float(summary.cell(rows["李师傅"], 17).value) == 11.17
    wang = book["王师傅"]
    assert (wang.cell(5, 2).value, float(wang.cell(5, 8).value), wang.cell(5, 13).value,
            float(wang.cell(5, 15).value)) == (colour_sale.receipt_no, 310.40, 0.12, 26.07)


def test_a_technician_sees_only_their_own_sheet_for_this_month(qtbot, make_window, tech, colour_sale):
    window = make_window(tech)
    page = window.pages["commission"]
    assert page.rules is None
    sheet = sheet_of(window)
    assert [sheet.month.itemText(i) for i in range(sheet.month.count())] == ["2026-11"]
    assert not sheet.month.isEnabled() and not sheet.adjust_button.isVisibleTo(page)
    assert sheet.summary_model.rowCount() == 1 and cells(sheet.summary_view, 0)[0] == "王师傅"
    assert cells(sheet.summary_view, 0)[13] == "¥26.07"


def test_the_owner_writes_a_rule_and_a_new_version_and_sets_a_level(qtbot, make_window, shop, owner, tech,
                                                                    monkeypatch):
    window = make_window(owner)
    rules = window.pages["commission"].rules
    assert "员工个人特殊规则 > 级别 × 类别 > 类别 > 级别 > 默认规则" in rules.findChild(
        commission_page.QLabel, "precedence").text()
    staff = [(tech.id, "王师傅")]
    # a new rule, typed into the dialog: hair, designated 12% / rotation 8%, 6% when paid by card, tiers
    dialog = RuleDialog(staff, [], date(2026, 11, 22))
    dialog.category.setCurrentIndex(dialog.category.findData("hair"))
    dialog.designated.setValue(12)
    dialog.rotation.setValue(8)
    dialog.use_prepaid.setChecked(True)
    dialog.prepaid.setValue(6)
    dialog.bands.setText("abc")
    dialog.check()
    assert dialog.error.text() == "阶梯请写成“起点金额:比例”，用逗号分开，例如 0:0, 20000:2。" and dialog.result() == 0
    dialog.bands.setText("20000:2, 0:0")
    dialog.check()
    assert dialog.error.text() == "每一档的起点须高于上一档。" and dialog.result() == 0
    dialog.bands.setText("0:0, 20000:2, 50000:3")
    typed = dialog.rule()
    assert (typed.kind, typed.category, typed.designated_permille, typed.rotation_permille, typed.prepaid_permille,
            typed.bands, typed.effective_from) == (SERVICE, "hair", 120, 80, 60,
                                                   (Band(0, 0), Band(2_000_000, 20), Band(5_000_000, 30)),
                                                   date(2026, 11, 22))
    monkeypatch.setattr(RuleDialog, "ask", classmethod(lambda cls, *a: typed))
    rules.new_rule()
    assert cells(rules.rules_view, 0)[:8] == ["#1 v1", "服务", "所有人", "不限", "美发", "2026-11-22", "12%", "8%"]
    # a new version from December: the dialog keeps whom it is for, the terms change
    select_row(rules.rules_view, 0)
    version = RuleDialog(staff, [], date(2026, 11, 22), shop.commission.rules(owner)[0])
    assert not version.category.isEnabled() and version.designated.value() == 12
    version.designated.setValue(15)
    version.start.setDate(QDate(2026, 12, 1))
    monkeypatch.setattr(RuleDialog, "ask", classmethod(lambda cls, *a: version.rule()))
    rules.new_version()
    assert [cells(rules.rules_view, r)[0] for r in range(2)] == ["#1 v1", "#1 v2"]
    assert cells(rules.rules_view, 1)[5:7] == ["2026-12-01", "15%"]
    # a level
    level = LevelDialog(staff, ["发型师"], date(2026, 11, 22))
    level.level.setEditText("总监")
    monkeypatch.setattr(LevelDialog, "ask", classmethod(lambda cls, *a: level.values()))
    rules.set_level()
    assert cells(rules.levels_view, 0) == ["王师傅", "总监", "2026-11-22"]
    assert shop.commission.levels(owner) == {tech.id: ((date(2026, 11, 22), "总监"),)}


def test_a_card_sale_rule_for_top_ups(qtbot, make_window, owner, tech, monkeypatch):
    window = make_window(owner)
    rules = window.pages["commission"].rules
    dialog = RuleDialog([(tech.id, "王师傅")], [], date(2026, 11, 22))
    dialog.kind.setCurrentIndex(dialog.kind.findData(CARD_SALE))
    dialog.category.setCurrentIndex(dialog.category.findData("stored_value"))
    dialog.designated.setValue(3)
    monkeypatch.setattr(RuleDialog, "ask", classmethod(lambda cls, *a: dialog.rule()))
    rules.new_rule()
    row = cells(rules.rules_view, 0)
    assert (row[1], row[4], row[6], row[7]) == ("储值卡 / 次卡销售", "储值卡充值", "3%", "")


def test_the_counter_names_who_sold_a_top_up_or_a_package_and_they_earn_the_card_sale_rate(
        qtbot, make_window, shop, owner, cashier, tech2, new_member):
    from salon_desk.ui.card_dialogs import PackageSaleDialog, TopUpDialog
    shop.commission.add_rule(owner, Rule(0, 0, CARD_SALE, date(2026, 1, 1), designated_permille=30))
    facial = shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                     price_fen=26_800)
    plan = shop.packages.define(owner, code="K01", name="面部护理10次卡", price_fen=200_000, sessions=10, gifted=1,
                                services=[(facial.id, None)], member_discount=False)
    li = new_member("李四", "13900001111")
    window = make_window(cashier)
    top_up = TopUpDialog(window.ops, li.id, "李四", window)
    qtbot.addWidget(top_up)
    assert top_up.sold_by.currentText() == "无（不计卡项提成）"
    top_up.sold_by.setCurrentIndex(top_up.sold_by.findText("李师傅"))
    top_up.terms.setChecked(True)
    top_up.confirm()                                    # the first rule: pay ¥1,000
    assert top_up.record is not None
    package = PackageSaleDialog(window.ops, li.id, "李四", window)
    qtbot.addWidget(package)
    package.product.setCurrentIndex(package.product.findData(plan.item_id))
    package.sold_by.setCurrentIndex(package.sold_by.findText("李师傅"))
    package.confirm()
    assert package.receipt is not None
    [t] = shop.commission.sheet(owner, 2026, 11).technicians
    # ¥1,000 top-up and ¥2,000 package at 3%: ¥30.00 + ¥60.00
    assert (t.name, t.card_sale_fen, sorted(l.amount_fen for l in t.lines)) == ("李师傅", 9_000, [3_000, 6_000])
    model = commission_page.LinesModel()
    assert {model.display(l, 4) for l in t.lines} == {"储值卡 / 次卡销售"}       # not 指定 / 轮牌
    from ui_helpers import pdf_text
    from salon_desk.reports.commission_sheet import render_commission_sheet
    text = pdf_text(render_commission_sheet(shop.commission.sheet(owner, 2026, 11)))
    assert "储值卡充值 卡项 主理 ￥1,000.00" in text and "储值卡充值 轮牌" not in text
