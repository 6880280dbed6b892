"""The 回访 page, the complaint dialog, the segments page, the check-in banner's complaint mark and
the counter rating, driven as the staff would drive them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from salon_desk.followups import TaskType
from salon_desk.ui.complaint_dialog import ComplaintDialog
from salon_desk.ui.receipt_step import ReceiptStepDialog

RED = "#b00020"


def tasks_shown(page):
    out = []
    for g in range(page.tree.topLevelItemCount()):
        group = page.tree.topLevelItem(g)
        for c in range(group.childCount()):
            item = group.child(c)
            out.append((group.text(0), item.text(1), item.foreground(1).color().name(), item))
    return out


def open_tab(window, key):
    page = window.pages[key]
    window.tabs.setCurrentWidget(page)
    return page


def test_an_overdue_follow_up_is_red_copied_with_one_key_and_closed_from_the_keyboard(
        qtbot, shop, clock, make_window, cashier, new_customer, sell, items):
    customer = new_customer()
    clock.set(2026, 11, 23, 18, 30)
    sell(customer.id, services=[items.dye])
    clock.set(2026, 11, 23, 20, 31)
    window = make_window(cashier)
    page = open_tab(window, "care")
    [(group, name, colour, item)] = tasks_shown(page)
    assert group == "服务回访 (1)" or group.endswith("(1)")
    assert name == "张三" and colour == RED
    assert "逾期" in item.text(0)
    assert "张三" in page.banner.text() and "染发" in page.banner.text()
    window.activateWindow()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_F3)
    assert "已复制" in page.copied.text()
    assert QGuiApplication.clipboard().text() == page.task.message
    assert "染发" in page.task.message
    # outcome "reached" (the first), then one digit per score
    for box, digit in zip(page.scores, "545"):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, digit)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tasks_shown(page) == []
    [done] = shop.care.closed_tasks(cashier)
    assert done.scores == (5, 4, 5) and done.outcome.value == "reached"


def test_a_score_out_of_range_is_refused_with_a_sentence(qtbot, shop, make_window, cashier, shown, new_customer,
                                                         sell, items):
    sell(new_customer().id, services=[items.cut])
    window = make_window(cashier)
    page = open_tab(window, "care")
    page.scores[0].setValue(5)           # two of three scores missing
    page.close_task()
    assert shown and "1" in shown[-1] and "5" in shown[-1]
    assert len(tasks_shown(page)) == 1


def test_filters_by_type_and_a_technician_sees_only_their_own(qtbot, shop, clock, make_window, cashier, tech, tech2,
                                                               new_customer, sell, items):
    sell(new_customer().id, services=[items.cut], products=[(items.serum, 1)])
    window = make_window(cashier)
    page = open_tab(window, "care")
    page.later.setChecked(True)
    assert len(tasks_shown(page)) == 2
    page.task_type.setCurrentIndex(page.task_type.findData("product_check"))
    assert [g for g, *_ in tasks_shown(page)] == ["产品回访 (1)"] or len(tasks_shown(page)) == 1
    mine = open_tab(make_window(tech), "care")
    mine.later.setChecked(True)
    assert len(tasks_shown(mine)) == 2
    theirs = open_tab(make_window(tech2), "care")
    theirs.later.setChecked(True)
    assert tasks_shown(theirs) == []
    assert not theirs.complaints.isVisibleTo(theirs)


def test_a_complaint_recorded_answered_and_red_on_the_check_in_banner(qtbot, shop, clock, make_window, cashier,
                                                                      new_customer, sell, items):
    customer = new_customer()
    clock.set(2026, 11, 23, 14, 0)
    sell(customer.id, services=[items.dye])
    clock.set(2026, 11, 23, 22, 30)
    window = make_window(cashier)
    dialog = ComplaintDialog(window.ops, customer_id=customer.id, parent=window)
    qtbot.addWidget(dialog)
    assert "24" in dialog.findChild(type(dialog.heading), "deadline_rule").text()
    assert dialog.visit.currentData() is not None            # the last visit is chosen
    assert [dialog.line.itemText(i) for i in range(dialog.line.count())][1:] == ["染发（王师傅）"]
    dialog.line.setCurrentIndex(1)
    dialog.category.setCurrentIndex(dialog.category.findData("result"))
    dialog.description.setPlainText("染发颜色不均匀")
    assert dialog.handler.currentData() == cashier.id
    from PySide6.QtCore import QDateTime
    dialog.received.setDateTime(QDateTime(2026, 11, 23, 21, 30, 0))   # it came by phone an hour ago
    dialog.record_button.click()
    assert dialog.record.received_at.hour == 21 and dialog.record.received_at.minute == 30
    assert dialog.record is not None and "2026-11-24 21:30" in dialog.details.text()
    assert dialog.record.technician_name == "王师傅" and "王师傅" in dialog.details.text()
    # the next evening, still unanswered: red everywhere
    clock.set(2026, 11, 24, 23, 0)
    visit = shop.visits.check_in(cashier, customer.id)
    from salon_desk.ui.visit_editor import VisitEditor
    editor = window.counter.findChild(VisitEditor)
    editor.set_visit(visit.id)
    assert editor.complaint_strip.isVisibleTo(editor) and "投诉" in editor.complaint_strip.text()
    assert "逾期" in editor.complaint_strip.text() or "超时" in editor.complaint_strip.text()
    page = open_tab(window, "care")
    page.reload()
    assert page.complaints.count() == 1
    assert page.complaints.item(0).foreground().color().name() == RED
    dialog.load(dialog.record.id)
    dialog.note.setText("已致电道歉，约周六补色")
    dialog.respond_button.click()
    assert dialog.record.late
    dialog.remedy.setCurrentIndex(dialog.remedy.findData("apology"))
    dialog.remedy_button.click()
    dialog.resolution.setText("补色完成")
    dialog.resolve_button.click()
    assert not dialog.record.open
    assert not dialog.resolve_button.isEnabled()
    kinds = {t.type for t in shop.care.tasks(cashier, include_later=True)}
    assert TaskType.COMPLAINT_RESOLVED in kinds


def test_the_segments_page_counts_classes_masks_phones_and_plans_a_call(qtbot, shop, clock, make_window, cashier,
                                                                        new_customer, sell, items):
    old = new_customer("老客", "13700001111", consent_marketing=True)
    clock.set(2026, 1, 10, 11, 0)
    sell(old.id, services=[items.cut])
    for i, day in enumerate((1, 5, 10)):
        c = new_customer(f"新客{i}", f"1380000{i:04d}")
        clock.set(2026, 11, day, 11, 0)
        sell(c.id, services=[items.dye])
    clock.set(2026, 11, 22, 10, 0)
    window = make_window(cashier)
    page = open_tab(window, "segments")
    assert sum(int(label.text().replace(",", "")) for label in page.counts.values()) == 4
    assert "重点客户" in page.rules.text() and "R（" in page.rules.text()
    assert page.value_class.currentData() == "at_risk"
    rows = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert "老客" in rows
    phone = page.proxy.index(rows.index("老客"), 1).data()
    assert "*" in phone
    reason = page.proxy.index(rows.index("老客"), 9).data()
    assert "天未到店" in reason
    page.table.selectRow(rows.index("老客"))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F)
    tasks = shop.care.tasks(cashier)
    assert [t.customer_name for t in tasks if t.key.startswith("at-risk")] == ["老客"]


def test_the_counter_rating_takes_one_digit(qtbot, shop, make_window, cashier, new_customer, sell, items):
    receipt = sell(new_customer().id, services=[items.cut])
    window = make_window(cashier)
    given = []
    dialog = ReceiptStepDialog(shop, receipt, parent=window,
                               rate=lambda n: given.append(n) or shop.care.rate_sale(cashier, receipt.sale_id, n)
                               or True)
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.rating_box, Qt.Key.Key_4)          # Tab put the focus on the stars
    qtbot.keyClick(dialog.rating_box, Qt.Key.Key_2)          # one rating per visit
    assert given == [4]
    assert "★★★★☆" in dialog.rating_label.text()


def test_the_customers_file_shows_an_overdue_complaint_in_red(qtbot, shop, clock, make_window, cashier,
                                                              new_customer):
    customer = new_customer()
    shop.care.open_complaint(cashier, customer.id, "attitude", "phone", "前台态度不好")
    window = make_window(cashier)
    page = window.pages["customers"]
    window.tabs.setCurrentWidget(page)
    page.show_file(customer.id)
    assert page.complaint_flag.isVisibleTo(page) and "投诉" in page.complaint_flag.text()
    assert "背景" not in page.complaint_flag.styleSheet() and "background" not in page.complaint_flag.styleSheet()
    clock.advance(hours=25)
    page.show_file(customer.id)
    assert "超时" in page.complaint_flag.text() and "#b00020" in page.complaint_flag.styleSheet()


def test_the_owner_fixes_the_bands_and_the_rule_under_the_table_says_so(qtbot, monkeypatch, shop, clock, make_window,
                                                                        owner, new_customer, sell, items):
    from salon_desk.ui.segments_page import BandsDialog
    for i, day in enumerate((1, 5, 10)):
        c = new_customer(f"客{i}", f"1380000{i:04d}")
        clock.set(2026, 11, day, 11, 0)
        sell(c.id, services=[items.dye])
    clock.set(2026, 11, 22, 10, 0)
    window = make_window(owner)
    page = open_tab(window, "segments")
    assert "全店三分位" in page.rules.text()
    monkeypatch.setattr(BandsDialog, "ask", classmethod(lambda cls, parent, bands: {"R": [90, 30]}))
    page.bands_button.click()
    assert shop.settings.value("segments.bands") == {"R": [90, 30]}
    assert "R（距上次消费天数，店长设定）" in page.rules.text()
    monkeypatch.setattr(BandsDialog, "ask", classmethod(lambda cls, parent, bands: {"F": [5, 2]}))
    shown_before = page.rules.text()
    page.bands_button.click()                      # 2 visits for 3 points but 5 for 2: refused
    assert shop.settings.value("segments.bands") == {"R": [90, 30]}
    assert page.rules.text() == shown_before and page.status.text()
