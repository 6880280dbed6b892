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


def test_the_cashier_hands_a_task_to_another_technician_by_keys_and_it_is_audited(
        qtbot, shop, clock, make_window, owner, cashier, tech, tech2, new_customer, sell, items):
    sell(new_customer().id, services=[items.dye])              # done by 王师傅: the call is his
    window = make_window(cashier)
    page = open_tab(window, "care")
    page.later.setChecked(True)
    [(_, _, _, item)] = tasks_shown(page)
    assert item.text(3) == "王师傅"
    assert "Ctrl+R" in page.reassign_hint.text() and page.reassign_to.isVisibleTo(page)
    window.activateWindow()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is page.reassign_to
    steps = page.reassign_to.findData(tech2.id) - page.reassign_to.currentIndex()
    for _ in range(abs(steps)):
        qtbot.keyClick(page.reassign_to, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    qtbot.keyClick(page.reassign_to, Qt.Key.Key_Return)
    [(_, _, _, item)] = tasks_shown(page)
    assert item.text(3) == tech2.display_name != "王师傅"
    assert tech2.display_name in page.copied.text()
    [task] = shop.care.tasks(cashier, include_later=True)
    assert task.assignee_id == tech2.id
    entry = next(e for e in shop.audit.entries(owner) if e.action == "followup_reassigned")
    assert entry.target == f"task:{task.id}" and entry.details["assignee"] == tech2.id
    assert entry.staff_name == cashier.display_name
    # the technician it was taken from no longer sees it, and a technician cannot hand tasks on
    theirs = open_tab(make_window(tech), "care")
    theirs.later.setChecked(True)
    assert tasks_shown(theirs) == [] and not theirs.reassign_to.isVisibleTo(theirs)


def _keys(qtbot, dialog, *presses):
    """Each press: a key with optional modifiers, or Chinese text committed by the input method into
    whatever has the focus (as the pinyin keyboard does)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    for press in presses:
        target = dialog.focusWidget() or dialog
        if isinstance(press, str):
            typed = QInputMethodEvent()
            typed.setCommitString(press)
            QApplication.sendEvent(target, typed)
        else:
            key, *mods = press
            modifier = Qt.KeyboardModifier.NoModifier
            for m in mods:
                modifier |= m
            qtbot.keyClick(target, key, modifier)


ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def test_a_complaint_recorded_answered_remedied_and_resolved_by_keys_only(qtbot, shop, clock, make_window, cashier,
                                                                          new_customer, sell, items):
    customer = new_customer()
    clock.set(2026, 11, 23, 14, 0)
    sell(customer.id, services=[items.dye])
    clock.set(2026, 11, 23, 16, 0)
    window = make_window(cashier)
    dialog = ComplaintDialog(window.ops, customer_id=customer.id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    # every field says its key; the hint line says how to save
    form_labels = [l.text() for l in dialog.new_box.findChildren(type(dialog.heading)) if "Alt+" in l.text()]
    assert len(form_labels) == 8 and "Alt+4" in form_labels[3] and "类别" in form_labels[3]
    assert "Ctrl+Enter 登记投诉" in dialog.keys_hint.text() and "Ctrl+Enter" in dialog.record_button.text()
    _keys(qtbot, dialog,
          (Qt.Key.Key_3, ALT), (Qt.Key.Key_Down,),              # the dye line of the last visit
          (Qt.Key.Key_4, ALT), (Qt.Key.Key_Down,), (Qt.Key.Key_Down,),   # category: 效果
          (Qt.Key.Key_5, ALT), (Qt.Key.Key_Down,),              # received by phone
          (Qt.Key.Key_8, ALT), "染发颜色不均匀",
          (Qt.Key.Key_Return, CTRL))
    record = dialog.record
    assert record is not None and record.category.value == "result" and record.channel.value == "phone"
    assert record.description == "染发颜色不均匀" and record.technician_name == "王师傅"
    assert dialog.focusWidget() is dialog.note
    # the handling part: first response, a log entry, a gift, the resolution
    _keys(qtbot, dialog, "已致电道歉", (Qt.Key.Key_Return, CTRL))
    assert dialog.record.responded_at is not None
    assert "Ctrl+Enter" in dialog.progress_button.text() and "Ctrl+Enter" not in dialog.respond_button.text()
    _keys(qtbot, dialog, (Qt.Key.Key_1, ALT), "约周六补色", (Qt.Key.Key_Return, CTRL))
    assert [p.text for p in dialog.record.progress] == ["已致电道歉", "约周六补色"]
    from salon_desk.ui import care_labels
    gift = care_labels.REMEDIES.index("gift")
    _keys(qtbot, dialog, (Qt.Key.Key_2, ALT), *[(Qt.Key.Key_Down,)] * gift,
          (Qt.Key.Key_3, ALT), "护发精油一瓶", (Qt.Key.Key_Return, CTRL))
    assert [(r.kind.value, r.note) for r in dialog.record.remedies] == [("gift", "护发精油一瓶")]
    assert not dialog.points.isEnabled() and "Alt+7" in dialog.keys_hint.text()
    _keys(qtbot, dialog, (Qt.Key.Key_7, ALT), "补色完成，客户满意", (Qt.Key.Key_Return, CTRL))
    assert not dialog.record.open and dialog.record.resolution == "补色完成，客户满意"
    assert not dialog.resolve_button.isEnabled()
    kinds = {t.type for t in shop.care.tasks(cashier, include_later=True)}
    assert TaskType.COMPLAINT_RESOLVED in kinds


def test_every_remedy_can_be_chosen_by_keys(qtbot, shop, clock, make_window, cashier, new_customer, sell, items):
    from salon_desk.ui import care_labels
    customer = new_customer()
    sell(customer.id, services=[items.dye])
    window = make_window(cashier)
    record = shop.care.open_complaint(cashier, customer.id, "attitude", "in_person", "等太久")
    dialog = ComplaintDialog(window.ops, complaint_id=record.id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    _keys(qtbot, dialog, (Qt.Key.Key_2, ALT))
    assert dialog.focusWidget() is dialog.remedy
    seen = [dialog.remedy.currentData()]
    for _ in care_labels.REMEDIES[1:]:
        _keys(qtbot, dialog, (Qt.Key.Key_Down,))
        seen.append(dialog.remedy.currentData())
    assert seen == list(care_labels.REMEDIES)
