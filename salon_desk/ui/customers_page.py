"""客户: search the files, edit one, its membership and points, its visit history; archive, erase, merge,
export, and print the visit record (到店记录) or the customer's data copy (个人信息副本)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout,
    QWidget,
)

from ..records import CustomerFile
from ..roles import Perm
from .booking_flags import NoShowFlag
from .counter_models import CustomerTableModel
from .customer_editor import CustomerEditor
from .customer_picker import CustomerPickerDialog
from .membership_panel import MembershipPanel
from . import printing
from .ops import CUSTOMERS, SALES, VISITS, Ops
from .record_range import VisitRangeDialog
from .sales_history import SalesHistory
from .widgets import Confirm, Notice, SearchField, big_label, current_record, make_table, select_row


class SaveFile:
    """Where to save an export; tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, name: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(parent, title, name, "JSON (*.json)")
        return Path(path) if path else None


class CustomersPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.file: CustomerFile | None = None

        self.search = SearchField()
        self.search.setObjectName("customers_search")
        self.search.setPlaceholderText(self.tr("Phone tail, phone, name or pinyin initials"))
        self.archived = QCheckBox(self.tr("Include archived"))
        self.model = CustomerTableModel(self, masked_phone=False)
        self.view = make_table(self.model, stretch=CustomerTableModel.NAME)
        self.view.setObjectName("customers")
        self.view.setSortingEnabled(False)
        self.search.steer(self.view)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.search.activated.connect(lambda: self.editor.name.setFocus())
        self.archived.toggled.connect(lambda _c: self.reload())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.chosen())
        self.new_button = QPushButton(self.tr("New customer"))
        self.new_button.clicked.connect(self.new_customer)

        self.title = big_label("", 15)
        self.complaint_flag = QLabel()
        self.complaint_flag.setObjectName("complaint_flag")
        self.complaint_flag.hide()
        self.no_show_flag = NoShowFlag(ops)             # the appointment book's no-shows
        self.complaint_button = QPushButton(self.tr("Complaint…"))
        self.complaint_button.setObjectName("complaint_button")
        self.complaint_button.clicked.connect(self.complaint)
        self.complaint_button.setVisible(ops.can(Perm.COMPLAINTS))
        self.editor = CustomerEditor(ops)
        self.editor.saved.connect(self.saved)
        self.membership = MembershipPanel(ops)
        self.history = SalesHistory(ops, self.load_sales)
        self.tabs = QTabWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.tabs.addTab(scroll, self.tr("File"))
        self.tabs.addTab(self.membership, self.tr("Membership and points"))
        self.tabs.addTab(self.history, self.tr("Visit history"))
        from .card_actions import CardPanel
        self.card_panel = CardPanel(ops)
        if ops.can(Perm.COUNTER):
            self.tabs.addTab(self.card_panel, self.tr("Card and packages"))
        self.tabs.currentChanged.connect(lambda index: self.editor.save_button.setVisible(index == 0))

        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self.toggle_archive)
        self.erase_button = QPushButton(self.tr("Erase personal data…"))
        self.erase_button.clicked.connect(self.erase)
        self.merge_button = QPushButton(self.tr("Merge a duplicate into this file…"))
        self.merge_button.clicked.connect(self.merge)
        self.export_button = QPushButton(self.tr("Export a copy…"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("print_button")
        menu = QMenu(self.print_button)
        self.print_record_action = menu.addAction(self.tr("Visit record…"))
        self.print_record_action.triggered.connect(self.print_visit_record)
        self.print_copy_action = menu.addAction(self.tr("Customer's data copy (PDF)…"))
        self.print_copy_action.triggered.connect(self.print_data_copy)
        self.print_copy_action.setVisible(ops.can(Perm.EXPORT))
        self.print_statement_action = menu.addAction(self.tr("Card and package statement…"))
        self.print_statement_action.triggered.connect(self.card_panel.statement)
        self.card_refund_action = menu.addAction(self.tr("Refund the card balance…"))
        self.card_refund_action.triggered.connect(self.card_panel.refund_card)
        self.card_refund_action.setVisible(ops.can(Perm.PREPAID_ADMIN))
        self.print_button.setMenu(menu)
        self.erase_button.setVisible(ops.can(Perm.ERASE))
        self.merge_button.setVisible(ops.can(Perm.MERGE))
        self.export_button.setVisible(ops.can(Perm.EXPORT))
        self._layout()
        ops.changed.connect(self.on_changed)
        self.reload()

    def _layout(self) -> None:
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.search)
        row = QHBoxLayout()
        row.addWidget(self.archived)
        row.addStretch(1)
        row.addWidget(self.new_button)
        col.addLayout(row)
        col.addWidget(self.view, 1)
        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.complaint_flag)
        head.addWidget(self.no_show_flag)
        head.addStretch(1)
        rcol.addLayout(head)
        rcol.addWidget(self.tabs, 1)
        actions = QHBoxLayout()
        for button in (self.archive_button, self.print_button, self.complaint_button, self.merge_button,
                       self.export_button, self.erase_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.editor.error)
        actions.addWidget(self.editor.save_button)       # always in view, whatever the scroll
        rcol.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 800])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    # -- the list -----------------------------------------------------------
    def reload(self) -> None:
        text = self.search.text().strip()
        archived = self.archived.isChecked()
        keep = self.file.id if self.file else None
        if text:
            rows = self.ops.query(self, lambda: self.shop.customers.find(
                self.ops.staff, text, limit=100, include_archived=archived), default=[])
        else:
            rows = self.ops.query(self, lambda: self.shop.customers.recent(
                self.ops.staff, limit=200, include_archived=archived), default=[])
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.model.set_rows(rows or [])
        ids = [r.id for r in self.model.rows()]
        select_row(self.view, ids.index(keep) if keep in ids else 0)
        selection.blockSignals(False)
        self.view.viewport().update()
        self.chosen()

    def chosen(self) -> None:
        summary = current_record(self.view)
        self.show_file(summary.id if summary else None)

    def show_file(self, customer_id: int | None) -> None:
        self.file = None
        if customer_id is not None:
            self.file = self.ops.query(self, lambda: self.shop.customers.file(self.ops.staff, customer_id))
        f = self.file
        self.editor.load(f)
        self.membership.load(f)
        self.history.reload()
        self.card_panel.load(f)
        self.title.setText((f.name or self.tr("(erased)")) if f else self.tr("New customer"))
        self.archive_button.setText(self.tr("Restore from archive") if f and f.archived else self.tr("Archive"))
        for button in (self.archive_button, self.erase_button, self.merge_button, self.export_button,
                       self.print_button):
            button.setEnabled(f is not None and not f.anonymised)
        self.membership.setEnabled(f is not None)
        self.history.setEnabled(f is not None)
        self.complaint_button.setEnabled(f is not None and not f.anonymised)
        self._show_complaints(f.id if f is not None else None)
        self.no_show_flag.show_for(f.id if f is not None and not f.anonymised else None)

    def _show_complaints(self, customer_id: int | None) -> None:
        """Open complaints in red beside the name (bold while a deadline has passed)."""
        flags = ()
        if customer_id is not None:
            flags = self.ops.query(self, lambda: self.shop.care.open_complaints_of(self.ops.staff, customer_id),
                                   default=()) or ()
        overdue = any(f.overdue for f in flags)
        self.complaint_flag.setVisible(bool(flags))
        self.complaint_flag.setText("⚠ " + (self.tr("Open complaint — answer overdue!") if overdue
                                           else self.tr("Open complaint")))
        self.complaint_flag.setStyleSheet("color: #ffffff; background: #b00020; padding: 2px 6px; font-weight: bold;"
                                          if overdue else "color: #b00020; font-weight: bold;")

    def complaint(self) -> None:
        """Record a complaint of this customer, or open their oldest open one."""
        from .complaint_dialog import ComplaintDialog
        if self.file is None:
            return
        customer_id = self.file.id
        open_ones = self.ops.query(self, lambda: self.shop.care.complaints(
            self.ops.staff, customer_id=customer_id), default=[]) or []
        if open_ones:
            ComplaintDialog.open_existing(self, self.ops, open_ones[0].id)
        else:
            ComplaintDialog.start(self, self.ops, customer_id)
        self._show_complaints(customer_id)

    def load_sales(self):
        if self.file is None:
            return []
        return self.shop.sales.of_customer(self.ops.staff, self.file.id)

    def new_customer(self) -> None:
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1, -1))
        self.show_file(None)
        self.tabs.setCurrentIndex(0)
        self.editor.name.setFocus()

    def saved(self, customer_id: int) -> None:
        self.show_file(customer_id)

    def on_changed(self, scopes: frozenset) -> None:
        if scopes & {CUSTOMERS, SALES}:
            keep = self.file.id if self.file else None
            self.reload()
            if keep is not None and (self.file is None or self.file.id != keep):
                self.show_file(keep)

    # -- file actions ---------------------------------------------------------
    def toggle_archive(self) -> None:
        f = self.file
        if f is None:
            return
        self.ops.run(self, lambda: self.shop.customers.archive(self.ops.staff, f.id, not f.archived),
                     changes={CUSTOMERS, VISITS})
        self.show_file(f.id)

    def erase(self) -> None:
        f = self.file
        if f is None or not Confirm.ask(self, self.tr("Erase personal data"), self.tr(
                "Erase {name}'s personal data for good? Sales stay in the books as 'erased customer'. "
                "This cannot be undone.").format(name=f.name)):
            return
        if self.ops.run(self, lambda: self.shop.customers.anonymise(self.ops.staff, f.id), changes={CUSTOMERS}).ok:
            self.show_file(f.id)

    def merge(self) -> None:
        f = self.file
        if f is None:
            return
        other = CustomerPickerDialog.ask(self, self.ops, self.tr("Which duplicate file goes into {name}'s?").format(
            name=f.name), exclude_id=f.id)
        if other is None or not Confirm.ask(self, self.tr("Merge files"), self.tr(
                "Move the visits, sales and points of {other} ({phone}) into {name}'s file? {other}'s file is "
                "then archived.").format(other=other.name, phone=other.phone_masked, name=f.name)):
            return
        outcome = self.ops.run(self, lambda: self.shop.customers.merge(self.ops.staff, f.id, other.id),
                               changes={CUSTOMERS, SALES})
        if outcome.ok:
            self.show_file(f.id)

    def export(self) -> None:
        f = self.file
        if f is None:
            return
        path = SaveFile.ask(self, self.tr("Export customer file"), f"customer-{f.id}.json")
        if path is None:
            return
        outcome = self.ops.run(self, lambda: self.shop.customers.export(self.ops.staff, f.id))
        if outcome.ok:
            path.write_text(json.dumps(outcome.value, ensure_ascii=False, indent=2), encoding="utf-8")
            Notice.show(self, self.tr("Export customer file"), self.tr("Saved to {path}").format(path=str(path)))

    def print_visit_record(self) -> None:
        """The visit record on A4: every visit, or those of a date range, in the preview."""
        f = self.file
        if f is None:
            return
        chosen = VisitRangeDialog.ask(self, self.shop.today())
        if chosen is None:
            return
        start, end = chosen
        self.ops.run(self, lambda: printing.preview_visit_record(self, self.shop, self.ops.staff, f.id, start, end))

    def print_data_copy(self) -> None:
        """The customer's complete file as a PDF (their right to a copy); the core audits the export."""
        f = self.file
        if f is None:
            return
        self.ops.run(self, lambda: printing.preview_data_copy(self, self.shop, self.ops.staff, f.id))
