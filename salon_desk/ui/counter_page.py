"""收银台: find the customer as you type, check in, who is in the shop now, the visit editor.

Keys: F3 search, Enter checks the chosen customer in, F4 new customer,
F6 anonymous walk-in, F7 top up the customer's stored-value card, F8 sell a
package, F9 check out the selected visit, Esc back to search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from . import thermal
from .counter_models import CustomerTableModel, OpenVisitsModel
from .customer_quick import QuickCustomerDialog
from .ops import CATALOGUE, CUSTOMERS, SALES, STAFF, VISITS, Ops
from .visit_editor import VisitEditor
from .widgets import SearchField, big_label, current_record, fixed_columns, make_table, select_row

if TYPE_CHECKING:
    from ..card_records import TopUpRecord


def finish_sale(parent: QWidget, ops: Ops, receipt: Any) -> object:
    """The receipt step after a sale (its printing modules load with the first sale, not at start)."""
    from .after_checkout import finish_sale as finish
    return finish(parent, ops, receipt)


class CounterPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.thermal = thermal.ThermalPrinter(self)       # top-up slips on an ESC/POS printer
        self.thermal.finished.connect(self.on_printed)
        self.last_print: thermal.PrintRun | None = None

        self.search = SearchField()
        self.search.setObjectName("customer_search")
        self.search.setPlaceholderText(self.tr("Phone tail, phone, name or pinyin initials (F3)"))
        self.search.setStyleSheet("font-size: 18px; padding: 4px;")
        self.results_model = CustomerTableModel(self)
        self.results_view = make_table(self.results_model, stretch=CustomerTableModel.NAME)
        self.results_view.setObjectName("search_results")
        fixed_columns(self.results_view, CustomerTableModel.SAMPLES, stretch=CustomerTableModel.NAME)
        self.results_view.doubleClicked.connect(lambda _i: self.check_in_chosen())
        self.search.steer(self.results_view)
        self.search.textChanged.connect(self.find)
        self.search.activated.connect(self.check_in_chosen)

        self.check_in_button = QPushButton(self.tr("Check in (Enter)"))
        self.check_in_button.clicked.connect(self.check_in_chosen)
        self.new_button = QPushButton(self.tr("New customer (F4)"))
        self.new_button.clicked.connect(self.new_customer)
        self.walk_in_button = QPushButton(self.tr("Walk-in (F6)"))
        self.walk_in_button.clicked.connect(self.walk_in)
        self.topup_button = QPushButton(self.tr("Top up card (F7)"))
        self.topup_button.setObjectName("topup")
        self.topup_button.clicked.connect(self.top_up)
        self.package_button = QPushButton(self.tr("Sell package (F8)"))
        self.package_button.setObjectName("sell_package")
        self.package_button.clicked.connect(self.sell_package)
        self.today_button = QPushButton(self.tr("Today's receipts…"))
        self.today_button.clicked.connect(self.today_sales)
        self.shift_button = QPushButton(self.tr("Shift / day close…"))
        self.shift_button.setObjectName("shift")
        self.shift_button.clicked.connect(self.shift)

        self.visits_model = OpenVisitsModel(self)
        self.visits_view = make_table(self.visits_model, stretch=OpenVisitsModel.TECHNICIANS)
        self.visits_view.setObjectName("open_visits")
        self.visits_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.visit_chosen())

        self.editor = VisitEditor(ops)
        self.editor.checkout_requested.connect(self.checkout)
        self.editor.leave_requested.connect(self.focus_search)
        self._layout()
        ops.changed.connect(self.on_changed)
        self.refresh_visits()

    def _layout(self) -> None:
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(big_label(self.tr("Find customer"), 13))
        col.addWidget(self.search)
        col.addWidget(self.results_view, 3)
        buttons = QHBoxLayout()
        for button in (self.check_in_button, self.new_button, self.walk_in_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        col.addLayout(buttons)
        prepaid = QHBoxLayout()
        for button in (self.topup_button, self.package_button):
            button.setAutoDefault(False)
            prepaid.addWidget(button)
        col.addLayout(prepaid)
        visits_title = QHBoxLayout()
        self.visits_title = big_label(self.tr("In the shop now"), 13)
        visits_title.addWidget(self.visits_title)
        visits_title.addStretch(1)
        visits_title.addWidget(self.today_button)
        visits_title.addWidget(self.shift_button)
        col.addLayout(visits_title)
        col.addWidget(self.visits_view, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 760])
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    # -- finding and checking in --------------------------------------------
    def find(self, text: str) -> None:
        text = text.strip()
        rows = self.ops.query(self, lambda: self.shop.customers.find(self.ops.staff, text), default=[]) if text else []
        if self.results_model.update_rows(rows) or not self.results_view.currentIndex().isValid():
            select_row(self.results_view, 0)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def check_in_chosen(self) -> None:
        customer = current_record(self.results_view)
        if customer is None:
            return
        for visit in self.visits_model.rows():
            if visit.customer is not None and visit.customer.id == customer.id:
                self.select_visit(visit.id)       # already here: go to their visit
                self.editor.focus_items()
                return
        self.check_in(customer.id)

    def check_in(self, customer_id: int | None) -> None:
        from .appointments_page import offer_booking    # the dialogs' modules load when first used
        outcome = offer_booking(self, self.ops, customer_id) if customer_id is not None else None   # booked today?
        if outcome is None:
            outcome = self.ops.run(self, lambda: self.shop.visits.check_in(self.ops.staff, customer_id),
                                   changes={VISITS})
        if outcome.ok:
            self.search.clear()
            self.select_visit(outcome.value.id)
            self.editor.focus_items()

    def walk_in(self) -> None:
        self.check_in(None)

    def new_customer(self) -> None:
        typed = self.search.text().strip()
        created = QuickCustomerDialog.ask(self, self.ops, typed if typed.isdigit() and len(typed) > 4 else "")
        if created is not None:
            self.check_in(created.id)

    # -- who is in the shop ---------------------------------------------------
    def refresh_visits(self) -> None:
        keep = self.editor.visit.id if self.editor.visit else None
        visits = self.ops.query(self, lambda: self.shop.visits.open_visits(self.ops.staff), default=[])
        ids = [v.id for v in visits]
        # never jump to another customer's visit on its own: lines must not land on the wrong bill
        chosen = keep if keep in ids else None
        selection = self.visits_view.selectionModel()
        selection.blockSignals(True)
        self.visits_model.set_rows(visits)
        if chosen is not None:
            select_row(self.visits_view, ids.index(chosen))
        selection.blockSignals(False)
        self.visits_view.viewport().update()
        self.visits_title.setText(self.tr("In the shop now ({count})").format(count=len(visits)))
        self.editor.set_visit(chosen)

    def select_visit(self, visit_id: int) -> None:
        ids = [v.id for v in self.visits_model.rows()]
        if visit_id not in ids:
            self.refresh_visits()
            ids = [v.id for v in self.visits_model.rows()]
        if visit_id in ids:
            selection = self.visits_view.selectionModel()
            selection.blockSignals(True)
            select_row(self.visits_view, ids.index(visit_id))
            selection.blockSignals(False)
            self.visits_view.viewport().update()
            self.editor.set_visit(visit_id)

    def visit_chosen(self) -> None:
        visit = current_record(self.visits_view)
        self.editor.set_visit(visit.id if visit else None)

    def on_changed(self, scopes: frozenset) -> None:
        if scopes & {VISITS, SALES, CUSTOMERS, CATALOGUE, STAFF}:
            if scopes & {STAFF}:
                self.editor.reload_technicians()
            self.refresh_visits()
            if scopes & {CUSTOMERS, SALES} and self.search.text().strip():
                self.find(self.search.text())

    # -- checkout -----------------------------------------------------------
    def checkout(self) -> None:
        visit = self.editor.visit
        if visit is None:
            return
        from .checkout_dialog import CheckoutDialog
        receipt = CheckoutDialog.ask(self, self.ops, visit.id)
        if receipt is not None:
            finish_sale(self, self.ops, receipt)
            self.focus_search()

    # -- cards and packages ---------------------------------------------------
    def chosen_customer(self) -> tuple[int, str] | None:
        """The customer of the selected visit, else the one chosen in the search results."""
        visit = self.editor.visit
        if visit is not None and visit.customer is not None:
            return visit.customer.id, visit.customer.name
        customer = current_record(self.results_view)
        return (customer.id, customer.name) if customer is not None else None

    def top_up(self) -> None:
        chosen = self.chosen_customer()
        if chosen is None:
            return
        from .card_dialogs import TopUpDialog
        record = TopUpDialog.ask(self, self.ops, *chosen)
        if record is not None:
            self.print_topup_slip(record)
            self.refresh_visits()

    def print_topup_slip(self, record: TopUpRecord) -> None:
        """The top-up slip on the thermal printer (a cash top-up opens the drawer), else the print queue."""
        if thermal.uses_thermal(self.shop):
            from ..reports import escpos_jobs       # loads the picture renderer: only with a thermal printer
            config = thermal.printer_config(self.shop)
            job = thermal.build_or_report(lambda: escpos_jobs.topup_job(config, record),
                                          lambda text: self.ops.error_presenter(self, text))
            if job is not None:
                self.thermal.send(config, job)
            return
        from ..reports.prepaid import topup_slip
        from .printing import print_to_default
        print_to_default(topup_slip(record, self.shop.settings.value("receipt.paper")))

    def on_printed(self, run: thermal.PrintRun) -> None:
        """A top-up slip that did not print is told; the top-up is stored either way."""
        self.last_print = run
        if not run.ok:
            self.ops.error_presenter(self, run.message)

    def sell_package(self) -> None:
        chosen = self.chosen_customer()
        if chosen is None:
            return
        from .card_dialogs import PackageSaleDialog
        receipt = PackageSaleDialog.ask(self, self.ops, *chosen)
        if receipt is not None:
            finish_sale(self, self.ops, receipt)

    def today_sales(self) -> None:
        from .sales_history import TodaySalesDialog
        TodaySalesDialog.ask(self, self.ops)

    def shift(self) -> None:
        from .shift_dialog import ShiftDialog
        ShiftDialog.ask(self, self.ops)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        actions = {Qt.Key.Key_F3: self.focus_search, Qt.Key.Key_F4: self.new_customer,
                   Qt.Key.Key_F6: self.walk_in, Qt.Key.Key_F7: self.top_up, Qt.Key.Key_F8: self.sell_package,
                   Qt.Key.Key_F9: self.checkout, Qt.Key.Key_F11: self.editor.give_gift}
        action = actions.get(Qt.Key(event.key())) if event.key() in actions else None
        if action is not None:
            action()
            return
        super().keyPressEvent(event)
