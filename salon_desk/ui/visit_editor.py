"""The selected visit at the counter: check-in banner, lines, adding services and products, live totals.

Keyboard: type a code or name in the item field, Enter picks it; for a
service Enter in the technician box adds it, for a product Enter in the
quantity box does. Del removes the selected line. Totals come from
``shop.quote`` — nothing is priced here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..records import Quote, VisitInfo
from . import labels, warning_strips
from .counter_models import VisitLinesModel
from .ops import CUSTOMERS, SALES, VISITS, Ops
from .record_models import CatalogueModel
from .widgets import EnterFilter, SearchField, TextPrompt, big_label, current_record, make_table, select_row


class VisitEditor(QWidget):
    checkout_requested = Signal()
    leave_requested = Signal()        # Esc in the item field: back to the customer search

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.visit: VisitInfo | None = None
        self.quote: Quote | None = None

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setStyleSheet("QLabel#banner { background: #fff8e7; border: 1px solid #e8d9b0;"
                                  " border-radius: 4px; padding: 6px; }")
        self.allergy_strip = warning_strips.make_strip("allergy", self)
        self.birthday_strip = warning_strips.make_strip("birthday", self)
        self.complaint_strip = warning_strips.make_strip("complaint", self)
        self.gift_button = QPushButton(self.tr("Hand over birthday gift") + "  F11")
        self.gift_button.clicked.connect(self.give_gift)
        self.gift_button.setAutoDefault(False)

        self.lines_model = VisitLinesModel(self)
        self.lines_view = make_table(self.lines_model, stretch=VisitLinesModel.NOTE)
        self.lines_view.setObjectName("visit_lines")
        self.lines_view.doubleClicked.connect(lambda _i: self.edit_note())

        self.item_field = SearchField()
        self.item_field.setObjectName("item_field")
        self.item_field.setPlaceholderText(self.tr("Add a service or product: type its code or name"))
        self.items_model = CatalogueModel(self)
        self.items_view = make_table(self.items_model, stretch=CatalogueModel.NAME)
        for column in (CatalogueModel.DURATION, CatalogueModel.DISCOUNT, CatalogueModel.ACTIVE):
            self.items_view.hideColumn(column)
        self.items_view.setMaximumHeight(150)
        self.items_view.doubleClicked.connect(lambda _i: self.pick_item())
        self.item_field.steer(self.items_view)
        self.item_field.textChanged.connect(self.search_items)
        self.item_field.activated.connect(self.pick_item)
        self.item_field.escaped.connect(self.leave_requested)

        self.technician = QComboBox()
        self.technician.setObjectName("technician")
        self.quantity = QSpinBox()
        self.quantity.setRange(-99, 99)     # a typed "-2" reaches the core and is refused, never read as 2
        self.quantity.setValue(1)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_line)
        for widget in (self.technician, self.quantity):
            EnterFilter(widget, self.add_line)
        self.note.returnPressed.connect(self.add_line)
        self.picked = None

        self.remove_button = QPushButton(self.tr("Remove line (Del)"))
        self.remove_button.clicked.connect(self.remove_line)
        self.note_button = QPushButton(self.tr("Note…"))
        self.note_button.clicked.connect(self.edit_note)
        self.session_button = QPushButton(self.tr("Package session (K)"))
        self.session_button.setObjectName("session_button")
        self.session_button.setAutoDefault(False)
        self.session_button.clicked.connect(self.toggle_session)
        # K on the lines (a shortcut: the table would take a letter as a keyboard search)
        self.session_key = QShortcut(QKeySequence(Qt.Key.Key_K), self.lines_view, self.toggle_session,
                                     context=Qt.ShortcutContext.WidgetShortcut)
        # A on the lines: an assistant (助理) on the chosen service line, 主理 70% / 助理 30%
        self.assistant_key = QShortcut(QKeySequence(Qt.Key.Key_A), self.lines_view, self.add_assistant,
                                       context=Qt.ShortcutContext.WidgetShortcut)
        self.cancel_button = QPushButton(self.tr("Customer left without paying"))
        self.cancel_button.clicked.connect(self.cancel_visit)
        for button in (self.remove_button, self.note_button, self.cancel_button):
            button.setAutoDefault(False)

        self.list_total = QLabel()
        self.discount_total = QLabel()
        self.due = big_label("", 22)
        self.due.setObjectName("due")
        self.join_hint = QLabel()
        self.join_hint.setStyleSheet("color: #1b6e20; font-weight: bold;")
        self.checkout_button = QPushButton(self.tr("Check out (F9)"))
        self.checkout_button.setObjectName("checkout_button")
        self.checkout_button.setMinimumHeight(44)
        self.checkout_button.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.checkout_button.clicked.connect(self.checkout_requested)
        self._layout()
        self.reload_technicians()
        self.set_visit(None)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        for strip in (self.allergy_strip, self.complaint_strip, self.birthday_strip):
            layout.addWidget(strip)                # full width, above everything else
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.gift_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.lines_view, 3)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.remove_button)
        line_buttons.addWidget(self.note_button)
        line_buttons.addWidget(self.session_button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.cancel_button)
        layout.addLayout(line_buttons)
        add = QGridLayout()
        add.addWidget(QLabel(self.tr("Item:")), 0, 0)
        add.addWidget(self.item_field, 0, 1)
        add.addWidget(QLabel(self.tr("Technician:")), 0, 2)
        add.addWidget(self.technician, 0, 3)
        add.addWidget(QLabel(self.tr("Qty:")), 0, 4)
        add.addWidget(self.quantity, 0, 5)
        add.addWidget(self.note, 1, 1, 1, 3)
        add.addWidget(self.add_button, 1, 5)
        add.setColumnStretch(1, 3)
        add.setColumnStretch(3, 1)
        layout.addLayout(add)
        layout.addWidget(self.items_view, 2)
        totals = QHBoxLayout()
        col = QVBoxLayout()
        col.addWidget(self.list_total)
        col.addWidget(self.discount_total)
        col.addWidget(self.join_hint)
        totals.addLayout(col)
        totals.addStretch(1)
        totals.addWidget(self.due)
        totals.addWidget(self.checkout_button)
        layout.addLayout(totals)

    # -- loading ------------------------------------------------------------
    def reload_technicians(self) -> None:
        current = self.technician.currentData()
        self.technician.clear()
        for staff in self.shop.staff.technicians(self.ops.staff):
            self.technician.addItem(self.tr("{name} ({role})").format(
                name=staff.display_name, role=labels.role_name(staff.role)), staff.id)
        index = self.technician.findData(current)
        self.technician.setCurrentIndex(max(index, 0))

    def set_visit(self, visit_id: int | None) -> None:
        """Show the visit as it is in the file now; one that is no longer open shows nothing."""
        fresh = None
        if visit_id is not None:
            fresh = self.ops.query(self, lambda: self.shop.visits.get(self.ops.staff, visit_id))
        self.visit = fresh if fresh is not None and fresh.status == "open" else None
        self._show_visit()

    def _show_visit(self) -> None:
        visit = self.visit
        enabled = visit is not None
        for widget in (self.item_field, self.technician, self.quantity, self.note, self.add_button,
                       self.remove_button, self.note_button, self.cancel_button, self.checkout_button,
                       self.lines_view, self.items_view, self.session_button):
            widget.setEnabled(enabled)
        if visit is None:
            self.banner.setText(self.tr("Find the customer on the left and press Enter to check them in, "
                                        "or press F6 for a walk-in."))
            self.gift_button.hide()
            for strip in (self.allergy_strip, self.birthday_strip, self.complaint_strip):
                strip.hide()
            self.lines_model.set_rows([])
            self.quote = None
            self._show_totals()
            return
        flags = ()
        if visit.customer is not None:
            flags = self.ops.query(self, lambda: self.shop.care.open_complaints_of(
                self.ops.staff, visit.customer.id), default=()) or ()
        self.banner.setText(self.banner_html(visit, flags))
        warning_strips.show_strip(self.allergy_strip, warning_strips.allergy_text(visit.allergies))
        warning_strips.show_strip(self.complaint_strip, warning_strips.complaint_text(flags))
        warning_strips.show_strip(self.birthday_strip, warning_strips.birthday_text(
            visit.birthday, visit.customer is not None and bool(visit.customer.tier)))
        birthday = visit.birthday
        self.gift_button.setVisible(bool(birthday and birthday.gift_available))
        claims = self.ops.query(self, lambda: self.shop.packages.claims(self.ops.staff, visit.id), default={})
        self.lines_model.package_lines = frozenset(claims or {})
        self.quote = self.ops.query(self, lambda: self.shop.sales.quote(self.ops.staff, visit.id))
        self.lines_model.amounts = ({p.key: p.amount_fen for p in self.quote.priced.lines}
                                    if self.quote is not None else {})
        self.lines_model.set_rows(visit.lines)
        self._show_totals()
        self.search_items(self.item_field.text())

    def banner_html(self, v: VisitInfo, complaints=()) -> str:
        esc = html.escape
        if v.customer is None:
            return "<b>{}</b>".format(esc(self.tr("Walk-in #{id} — no customer file, sold at list price.")
                                          .format(id=v.id)))
        c = v.customer
        parts = [f"<span style='font-size:16pt'><b>{esc(c.name)}</b></span> &nbsp; {esc(c.phone_masked)}"
                 f" &nbsp; <b>{esc(labels.tier_name(c.tier))}</b>"]
        if c.tier:
            parts[0] += " &nbsp; " + esc(self.tr("No. {no} · {points} points").format(no=c.member_no,
                                                                                      points=c.points))
        if v.tags:
            parts.append(esc(self.tr("Preferences: {tags}").format(tags="、".join(v.tags))))
        if v.last_visit is not None:
            lv = v.last_visit
            parts.append(esc(self.tr("Last visit {when}: {what}, {paid}").format(
                when=labels.when(lv.at.date()), what=lv.summary, paid=labels.money(lv.paid_fen))))
        else:
            parts.append(esc(self.tr("First visit")))
        card = self.card_line(c.id)
        if card:
            parts.append(f"<span style='color:#1a5e8a; font-weight:bold'>{esc(card)}</span>")
        return "<br>".join(parts)

    def card_line(self, customer_id: int) -> str:
        """The stored-value balance (principal + bonus) and the packages with sessions left, or ""."""
        info = self.ops.query(self, lambda: self.shop.cards.info(self.ops.staff, customer_id))
        if info is None:
            return ""
        parts = []
        if info.card_no is not None:
            parts.append(self.tr("Card {total} (principal {principal} + bonus {bonus})").format(
                total=labels.money(info.total_fen), principal=labels.money(info.principal_fen),
                bonus=labels.money(info.bonus_fen)))
        for p in info.packages:
            text = self.tr("{name}: {left} sessions left").format(name=p.name, left=p.sessions_left)
            if p.status == "expired":
                text += self.tr(" (expired {date}: the owner can extend it)").format(date=labels.when(p.expires_on))
            elif p.status == "expiring":
                text += self.tr(" (until {date})").format(date=labels.when(p.expires_on))
            parts.append(text)
        return " · ".join(parts)

    def _show_totals(self) -> None:
        q = self.quote
        if q is None:
            self.list_total.setText("")
            self.discount_total.setText("")
            self.due.setText("")
            self.join_hint.setText("")
            return
        p = q.priced
        self.list_total.setText(self.tr("List total: {amount}").format(amount=labels.money(p.list_total_fen)))
        off = p.member_discount_fen
        texts = []
        if p.package_discount_fen:
            texts.append(self.tr("Package sessions: {amount}").format(amount="-" + labels.money(p.package_discount_fen)))
        if off:
            texts.append(self.tr("Member discount: {amount}").format(amount="-" + labels.money(off)))
        self.discount_total.setText("   ".join(texts))
        self.due.setText(self.tr("Due {amount}").format(amount=labels.money(p.amount_due_fen)))
        self.join_hint.setText(self.tr("This sale qualifies to join as a member") if q.qualifies_to_join else "")

    # -- adding lines ---------------------------------------------------------
    def search_items(self, text: str) -> None:
        if self.visit is None:
            self.items_model.set_rows([])
            return
        self.items_model.set_rows(self.shop.catalogue.items(self.ops.staff, text=text.strip()))
        if text.strip():
            select_row(self.items_view, 0)

    def focus_items(self) -> None:
        self.item_field.setFocus()
        self.item_field.selectAll()

    def pick_item(self) -> None:
        item = current_record(self.items_view)
        if item is None and self.items_model.rowCount():
            item = self.items_model.record(0)
        if item is None:
            return
        self.picked = item
        self.item_field.blockSignals(True)
        self.item_field.setText(f"{item.code} {item.name}")
        self.item_field.blockSignals(False)
        if item.kind == "service":
            self.default_technician(item.id)
            self.technician.setFocus()
        else:
            self.quantity.setValue(1)
            self.quantity.setFocus()
            self.quantity.selectAll()

    def default_technician(self, item_id: int) -> None:
        """The one who last did this service for this customer; else the only technician there is."""
        visit = self.visit
        usual = None
        if visit is not None and visit.customer is not None:
            customer_id = visit.customer.id
            usual = self.ops.query(self, lambda: self.shop.visits.usual_technician(self.ops.staff, customer_id,
                                                                                   item_id))
        if usual is None and self.technician.count() == 1:
            usual = self.technician.itemData(0)
        index = self.technician.findData(usual) if usual is not None else -1
        if index >= 0:
            self.technician.setCurrentIndex(index)

    def add_line(self) -> None:
        if self.visit is None:
            return
        item = self.picked
        if item is None or self.item_field.text() != f"{item.code} {item.name}":
            self.pick_item()
            item = self.picked
            if item is None:
                return
        staff, visit_id, note = self.ops.staff, self.visit.id, self.note.text()
        if item.kind == "service":
            tech = self.technician.currentData()
            action = lambda: self.shop.visits.add_service(staff, visit_id, item.id, tech, note)  # noqa: E731
        elif item.kind == "package":
            action = lambda: self.shop.packages.add_to_visit(staff, visit_id, item.id)  # noqa: E731
        else:
            qty = self.quantity.value()
            action = lambda: self.shop.visits.add_product(staff, visit_id, item.id, qty, note)  # noqa: E731
        outcome = self.ops.run(self, action, changes={VISITS})
        if outcome.ok:
            if item.kind == "service":
                self.offer_session(outcome.value.id, item.name)
            self.picked = None
            self.note.clear()
            self.quantity.setValue(1)
            self.item_field.clear()
            self.item_field.setFocus()
            select_row(self.lines_view, self.lines_model.rowCount() - 1)

    def offer_session(self, line_id: int, name: str) -> None:
        """A service covered by the customer's package: offer to pay it with a session (the cashier may decline)."""
        from .widgets import Confirm
        offers = self.ops.query(self, lambda: self.shop.packages.covering(self.ops.staff, line_id), default=[])
        if not offers:
            return
        package = offers[0]
        if Confirm.ask(self, self.tr("Package session"),
                       self.tr("Pay {service} with a session of {package} ({left} left)?").format(
                           service=name, package=package.name, left=package.sessions_left)):
            self.ops.run(self, lambda: self.shop.packages.use_session(self.ops.staff, line_id, package.id),
                         changes={VISITS})

    def toggle_session(self) -> None:
        """The selected line: paid by a package session, or back to money if it already is."""
        line = current_record(self.lines_view)
        if line is None or line.kind != "service":
            return
        row = self.lines_view.currentIndex().row()
        if line.id in self.lines_model.package_lines:
            self.ops.run(self, lambda: self.shop.packages.release_session(self.ops.staff, line.id), changes={VISITS})
        else:
            self.offer_session(line.id, line.name)
        select_row(self.lines_view, row)          # the same line stays chosen for the next key

    def add_assistant(self) -> None:
        """The chosen service line gets an assistant at the category's default share (主理 70% / 助理 30%
        unless the settings say otherwise), or none, to clear."""
        from ..commission import lead_share
        line = current_record(self.lines_view)
        if line is None or line.kind != "service":
            return
        others = [s for s in self.shop.staff.technicians(self.ops.staff) if s.id != line.technician_id]
        choice = AssistantPicker.ask(self, [s.display_name for s in others])
        if choice is None:
            return
        lead = lead_share(line.category, self.shop.settings.value("commission.lead_share"))
        chosen = [] if choice < 0 else [(others[choice].id, 1000 - lead)]
        row = self.lines_view.currentIndex().row()
        self.ops.run(self, lambda: self.shop.commission.set_assistants(self.ops.staff, line.id, chosen),
                     changes={VISITS})
        select_row(self.lines_view, row)

    # -- changing lines -----------------------------------------------------
    def remove_line(self) -> None:
        line = current_record(self.lines_view)
        if line is None:
            return
        self.ops.run(self, lambda: self.shop.visits.remove_line(self.ops.staff, line.id), changes={VISITS})

    def edit_note(self) -> None:
        line = current_record(self.lines_view)
        if line is None:
            return
        text = TextPrompt.ask(self, self.tr("Service note"),
                              self.tr("Note for {item}:").format(item=line.name), line.note)
        if text is not None:
            self.ops.run(self, lambda: self.shop.visits.set_line_note(self.ops.staff, line.id, text), changes={VISITS})

    def cancel_visit(self) -> None:
        from .widgets import Confirm
        if self.visit is None:
            return
        if Confirm.ask(self, self.tr("Cancel visit"),
                       self.tr("The customer leaves without paying? The visit is kept as cancelled.")):
            self.ops.run(self, lambda: self.shop.visits.cancel(self.ops.staff, self.visit.id), changes={VISITS})

    def give_gift(self) -> None:
        """F11: the birthday gift, chosen from the gift list and confirmed."""
        visit = self.visit
        if visit is None or visit.customer is None or not (visit.birthday and visit.birthday.gift_available):
            return
        warning_strips.give_birthday_gift(self, self.ops, visit.customer.id, visit.customer.name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.lines_view.hasFocus():
            self.remove_line()
            return
        if event.key() == warning_strips.GIFT_KEY:
            self.give_gift()
            return

        super().keyPressEvent(event)


class AssistantPicker:
    """Which assistant (助理) helps on the line; -1 for none; None when cancelled."""

    @classmethod
    def ask(cls, parent: QWidget | None, names: list[str]) -> int | None:
        from PySide6.QtWidgets import QInputDialog
        none = QCoreApplication.translate("AssistantPicker", "No assistant")
        item, ok = QInputDialog.getItem(parent, QCoreApplication.translate("AssistantPicker", "Assistant (30%)"),
                                        QCoreApplication.translate("AssistantPicker", "Assistant on this line:"),
                                        [none] + names, 0, False)
        if not ok:
            return None
        return -1 if item == none else names.index(item)

