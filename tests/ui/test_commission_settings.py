"""Settings for the day's close and commission: sales only with an open shift, the variance limit, and the
assistant's default share per service category, used by A at the counter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLabel, QLineEdit

from salon_desk.commission import SERVICE, Rule
from salon_desk.db.models import CommissionEntry
from salon_desk.errors import Conflict
from salon_desk.tenders import Tender
from salon_desk.ui import visit_editor
from salon_desk.ui.widgets import select_row


@pytest.fixture
def page(make_window, owner):
    window = make_window(owner)
    window.tabs.setCurrentWidget(window.pages["settings"])
    return window.pages["settings"]


def test_the_owner_sets_the_shift_rule_the_variance_limit_and_the_shares(shiftless, qtbot, page, shop, owner,
                                                                       cashier, tech, items):
    shop.settings.update(owner, {"shift.required": False})
    page.load()
    required = page.findChild(QCheckBox, "shift.required")
    limit = page.findChild(QLineEdit, "shift.variance_limit_fen")
    beauty = page.findChild(QDoubleSpinBox, "commission.lead_share.beauty")
    hair = page.findChild(QDoubleSpinBox, "commission.lead_share.hair")
    assert (limit.text(), beauty.text(), hair.text()) == ("10.00", "70.0 %", "70.0 %")
    assert "员工个人特殊规则 > 级别 × 类别 > 类别 > 级别 > 默认规则" in page.findChild(QLabel, "commission_precedence").text()
    assert not required.isChecked()
    required.setChecked(True)
    limit.setText("20")
    beauty.setValue(60)
    page.save()
    assert page.error.text() == "" and page.saved_label.text() == "已保存。"
    assert shop.settings.value("shift.variance_limit_fen") == 2000
    assert shop.settings.value("commission.lead_share") == {"beauty": 600}
    assert shop.settings.value("shift.required") is True
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    with pytest.raises(Conflict) as err:                  # no shift open: the sale is refused
        shop.sales.checkout(cashier, visit.id, [Tender("cash", 6800)])
    assert err.value.code == "shift.not_open"


def test_a_adds_the_assistant_at_the_share_set_for_the_category(qtbot, window, shop, owner, cashier, tech, tech2,
                                                                items, monkeypatch):
    shop.settings.update(owner, {"commission.lead_share": {"beauty": 600}})
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), rotation_permille=100))
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.promo.id, tech.id)          # 双十一护理套餐, beauty, ¥199
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)            # 洗剪吹, hair, ¥68
    counter = window.counter
    counter.refresh_visits()
    select_row(counter.visits_view, 0)
    counter.visit_chosen()
    editor = counter.editor
    monkeypatch.setattr(visit_editor.AssistantPicker, "ask",
                        classmethod(lambda cls, parent, names: names.index(tech2.display_name)))
    editor.lines_view.setFocus()
    for row in (0, 1):
        select_row(editor.lines_view, row)
        qtbot.keyClick(editor.lines_view, Qt.Key.Key_A)
    due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
    shop.sales.checkout(cashier, visit.id, [Tender("cash", due)])
    rows = sorted((e.base_fen, e.role, e.share_permille) for e in CommissionEntry.select())
    # beauty: 主理 60% / 助理 40% as set; hair: the usual 70 / 30
    assert rows == [(6800, "assistant", 300), (6800, "lead", 700), (19900, "assistant", 400), (19900, "lead", 600)]
