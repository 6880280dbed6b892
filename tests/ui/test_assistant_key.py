"""A on a service line adds an assistant (主理 70% / 助理 30%) by keyboard; the sale pays both."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from salon_desk.commission import SERVICE, Rule
from salon_desk.db.models import CommissionEntry
from salon_desk.tenders import Tender
from salon_desk.ui import visit_editor
from salon_desk.ui.widgets import select_row


def test_a_adds_an_assistant_to_the_chosen_line(qtbot, window, shop, owner, cashier, tech, tech2, items, monkeypatch):
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), rotation_permille=100))
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    counter = window.counter
    counter.refresh_visits()
    select_row(counter.visits_view, 0)
    counter.visit_chosen()
    editor = counter.editor
    monkeypatch.setattr(visit_editor.AssistantPicker, "ask",
                        classmethod(lambda cls, parent, names: names.index(tech2.display_name)))
    editor.lines_view.setFocus()
    select_row(editor.lines_view, 0)
    qtbot.keyClick(editor.lines_view, Qt.Key.Key_A)
    shop.sales.checkout(cashier, visit.id, [Tender("cash", 26800)])
    rows = [(e.staff_id, e.role, e.share_permille, e.amount_fen) for e in CommissionEntry.select()]
    assert rows == [(tech.id, "lead", 700, 1876), (tech2.id, "assistant", 300, 804)]
