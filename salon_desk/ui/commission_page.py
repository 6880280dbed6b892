"""提成: the monthly commission sheet on screen, and the owner's rules and technician levels.

The owner sees every technician's sheet for any month, exports it (PDF, XLSX), adjusts a technician's
month (who and why) and settles a month; a technician logged in sees only their own sheet for the
current month. The rules and levels are edited on their own tab, with the precedence written out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from ..commission import (
    CARD_SALE, KINDS, PRODUCT, PROGRESSIVE, RETROACTIVE, SERVICE, TOPUP_CATEGORY, Band, CommissionSheet, Rule,
    SheetLine, TechnicianSheet,
)
from ..db.catalogue import SERVICE_CATEGORIES
from ..errors import InvalidInput, SalonError
from ..money import parse_yuan
from ..roles import Perm
from . import errors_text, labels
from .ops import SALES, Ops
from .table_base import RecordTableModel
from .widgets import Confirm, current_record, error_label, make_table, select_row

COMMISSION = "commission"        # the ops scope of a change to rules, levels, adjustments or settled months


def _pct(permille: int | None) -> str:
    return "" if permille is None else f"{permille / 10:g}%"


def kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication
    return {SERVICE: QCoreApplication.translate("Commission", "Service"),
            PRODUCT: QCoreApplication.translate("Commission", "Product sale"),
            CARD_SALE: QCoreApplication.translate("Commission", "Card / package sale")}.get(kind, kind)


def role_label(role: str) -> str:
    from PySide6.QtCore import QCoreApplication
    return {"lead": QCoreApplication.translate("Commission", "Lead"),
            "assistant": QCoreApplication.translate("Commission", "Assistant")}.get(role, role)


def category_label(code: str | None) -> str:
    from PySide6.QtCore import QCoreApplication
    if code is None:
        return QCoreApplication.translate("Commission", "any")
    if code == TOPUP_CATEGORY:
        return QCoreApplication.translate("Commission", "Stored-value top-up")
    return labels.category_name(code)


def parse_bands(text: str) -> tuple[Band, ...]:
    """``"0:0, 20000:2, 50000:3"`` (from yuan : percent) -> bands; empty text: no tiers."""
    bands = []
    for part in text.replace("，", ",").replace("；", ",").replace(";", ",").split(","):
        if not part.strip():
            continue
        start, sep, rate = part.replace("：", ":").partition(":")
        try:
            if not sep:
                raise ValueError(part)
            permille = round(float(rate.strip().rstrip("%")) * 10)
            bands.append(Band(parse_yuan(start.strip()), permille))
        except (ValueError, SalonError) as problem:
            raise InvalidInput("commission.bad_bands_text", text=part.strip()) from problem
    return tuple(bands)


def bands_text(bands: tuple[Band, ...]) -> str:
    return ", ".join(f"{b.from_fen / 100:g}:{b.rate_permille / 10:g}" for b in bands)


def seller_box(ops: Ops) -> QComboBox:
    """Who sold a top-up or a package (they earn the card-sale commission); no one by default."""
    from PySide6.QtCore import QCoreApplication
    box = QComboBox()
    box.setObjectName("sold_by")
    box.addItem(QCoreApplication.translate("Commission", "no one (no card-sale commission)"), None)
    for s in ops.query(None, lambda: ops.shop.staff.technicians(ops.staff), default=[]) or []:
        box.addItem(s.display_name, s.id)
    return box


# -- the sheet's tables --------------------------------------------------------------------------------

class SummaryModel(RecordTableModel):
    """One row per technician: what they did and what they are paid."""

    NUMERIC = frozenset(range(2, 14))
    NET = 13

    def headers(self) -> list[str]:
        return [self.tr("Technician name"), self.tr("Level"), self.tr("Designated / rotation"),
                self.tr("Lead / assistant"), self.tr("Labour value"), self.tr("Cash collected"),
                self.tr("Card and package use"), self.tr("Service commission"), self.tr("Labour fees"),
                self.tr("Products and card sales"), self.tr("Tier bonus"), self.tr("Clawbacks"),
                self.tr("Adjustments"), self.tr("Net payable")]

    def display(self, t: TechnicianSheet, column: int) -> str:
        m = labels.money
        return [t.name, t.level or "", f"{t.designated} / {t.rotation}", f"{t.as_lead} / {t.as_assistant}",
                m(t.labour_fen), m(t.cash_fen), m(t.prepaid_fen), m(t.service_fen), m(t.fee_fen),
                m(t.product_fen + t.card_sale_fen), m(t.tier_fen), m(t.clawback_fen), m(t.adjust_fen),
                m(t.net_fen)][column]


class LinesModel(RecordTableModel):
    """Every line behind a technician's figures."""

    NUMERIC = frozenset({6, 7, 9, 10})

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Receipt no."), self.tr("Customer (masked)"), self.tr("Service or item"),
                self.tr("Designated"), self.tr("Lead or assistant"), self.tr("Base"), self.tr("Share"), self.tr("Rule"),
                self.tr("Rate / fee"), self.tr("Commission")]

    def display(self, l: SheetLine, column: int) -> str:
        receipt = l.receipt_no + (" " + self.tr("(refund)") if l.clawback else "")
        base = labels.money(l.base_fen) + (" " + self.tr("(card)") if l.prepaid else "")
        designated = kind_label(l.kind) if l.kind != SERVICE else (
            self.tr("Designated") if l.designated else self.tr("Rotation"))
        return [f"{l.day:%m-%d}", receipt, l.customer, l.item, designated, role_label(l.role), base,
                _pct(l.share_permille), l.rule or "—",
                labels.money(l.fee_fen) if l.fee_fen else _pct(l.rate_permille), labels.money(l.amount_fen)][column]


class RulesModel(RecordTableModel):
    NUMERIC = frozenset({6, 7, 8, 9})

    def __init__(self, names: dict[int, str], parent=None) -> None:
        super().__init__(parent)
        self.names = names

    def headers(self) -> list[str]:
        return [self.tr("Rule"), self.tr("For"), self.tr("For whom"), self.tr("Level"), self.tr("Item category"),
                self.tr("From"), self.tr("Designated"), self.tr("Rotation"), self.tr("Labour fee"),
                self.tr("Paid by card / session"), self.tr("Monthly tiers"), self.tr("Until")]

    def display(self, r: Rule, column: int) -> str:
        tiers = ""
        if r.bands:
            mode = self.tr("progressive") if r.tier_mode == PROGRESSIVE else self.tr("retroactive")
            tiers = f"{bands_text(r.bands)} ({mode})"
        fee = "" if r.fee_fen is None else labels.money(r.fee_fen) + (" " + self.tr("(also on free redos)")
                                                                    if r.fee_on_free else "")
        return [f"#{r.id} v{r.version}", kind_label(r.kind),
                self.names.get(r.staff_id, "") if r.staff_id is not None else self.tr("everyone"),
                r.level or self.tr("any"), category_label(r.category), r.effective_from.isoformat(),
                "" if r.fee_fen is not None else _pct(r.designated_permille),
                "" if r.fee_fen is not None or r.kind != SERVICE else _pct(r.rotation_permille), fee,
                _pct(r.prepaid_permille), tiers, r.effective_to.isoformat() if r.effective_to else ""][column]


class LevelsModel(RecordTableModel):
    def headers(self) -> list[str]:
        return [self.tr("Staff name"), self.tr("Level"), self.tr("From")]

    def display(self, row: tuple[str, str, date], column: int) -> str:
        return [row[0], row[1], row[2].isoformat()][column]


# -- dialogs ----------------------------------------------------------------------------------------

def _months_back(today: date, count: int = 24) -> list[tuple[int, int]]:
    out, year, month = [], today.year, today.month
    for _ in range(count):
        out.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out


class AdjustDialog(QDialog):
    """The owner's manual adjustment: technician, amount (+ or -), why."""

    def __init__(self, technicians: list[tuple[int, str]], year: int, month: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adjust commission for {year}-{month:02d}").format(year=year, month=month))
        form = QFormLayout(self)
        self.technician = QComboBox()
        self.technician.setObjectName("technician")
        for staff_id, name in technicians:
            self.technician.addItem(name, staff_id)
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("e.g. 50 or -12.50"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.error = error_label()
        form.addRow(self.tr("Whose commission:"), self.technician)
        form.addRow(self.tr("Amount (¥, minus to take off):"), self.amount)
        form.addRow(self.tr("Why (shown on the sheet):"), self.reason)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, int, str]:
        """(staff id, amount in fen, reason); raises SalonError on a bad amount."""
        return int(self.technician.currentData()), parse_yuan(self.amount.text()), self.reason.text()

    def check(self) -> None:
        try:
            self.values()
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, technicians: list[tuple[int, str]], year: int,
            month: int) -> tuple[int, int, str] | None:
        dialog = cls(technicians, year, month, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RuleDialog(QDialog):
    """A new rule, or a new version of one from its day on (the old version keeps the sales before it)."""

    def __init__(self, staff: list[tuple[int, str]], levels: list[str], today: date, base: Rule | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        from .settings_page import percent_box
        self.base = base
        self.setWindowTitle(self.tr("New version of rule #{no}").format(no=base.id) if base else
                            self.tr("New commission rule"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        self.staff.addItem(self.tr("everyone"), None)
        for staff_id, name in staff:
            self.staff.addItem(name, staff_id)
        self.level = QComboBox()
        self.level.setObjectName("level")
        self.level.setEditable(True)
        self.level.addItem("")
        self.level.addItems(levels)
        self.level.lineEdit().setPlaceholderText(self.tr("any level"))
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.addItem(category_label(None), None)
        for code in (*SERVICE_CATEGORIES, "package", TOPUP_CATEGORY):
            self.category.addItem(category_label(code), code)
        self.designated = percent_box(0, 1000)
        self.designated.setObjectName("designated")
        self.rotation = percent_box(0, 1000)
        self.rotation.setObjectName("rotation")
        self.use_fee = QCheckBox(self.tr("Pay a fixed labour fee per service (手工费) instead of a rate"))
        self.use_fee.setObjectName("use_fee")
        self.fee = QLineEdit()
        self.fee.setObjectName("fee")
        self.fee_on_free = QCheckBox(self.tr("A free redo from a complaint (a ¥0 line) still earns the fee"))
        self.fee_on_free.setObjectName("fee_on_free")
        self.use_prepaid = QCheckBox(self.tr("A lower rate when paid by stored value or a package session:"))
        self.use_prepaid.setObjectName("use_prepaid")
        self.prepaid = percent_box(0, 1000)
        self.prepaid.setObjectName("prepaid")
        self.bands = QLineEdit()
        self.bands.setObjectName("bands")
        self.bands.setPlaceholderText(self.tr("from ¥ : %, e.g. 0:0, 20000:2, 50000:3"))
        self.tier_mode = QComboBox()
        self.tier_mode.setObjectName("tier_mode")
        self.tier_mode.addItem(self.tr("progressive (each band's rate on the part inside it)"), PROGRESSIVE)
        self.tier_mode.addItem(self.tr("retroactive (the highest band reached, on the whole month)"), RETROACTIVE)
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setObjectName("start")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.has_end = QCheckBox(self.tr("Ends before:"))
        self.has_end.setObjectName("has_end")
        self.end = QDateEdit(QDate(today.year, today.month, today.day).addYears(1))
        self.end.setObjectName("end")
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.error = error_label()
        self.error.setObjectName("error")
        form.addRow(self.tr("For:"), self.kind)
        form.addRow(self.tr("Staff member (a special rule):"), self.staff)
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.tr("Service category:"), self.category)
        form.addRow(self.tr("Designated (指定) rate, or the one rate of a product or card sale:"), self.designated)
        form.addRow(self.tr("Rotation (轮牌) rate:"), self.rotation)
        form.addRow(self.use_fee)
        form.addRow(self.tr("Labour fee (¥):"), self.fee)
        form.addRow(self.fee_on_free)
        form.addRow(self.use_prepaid, self.prepaid)
        form.addRow(self.tr("Monthly tiers on labour value:"), self.bands)
        form.addRow(self.tr("Tiers are paid:"), self.tier_mode)
        tiers_note = QLabel(self.tr("Monthly tiers are read from a service rule without a category: the "
                                    "technician's own, their level's, or the default rule."))
        tiers_note.setWordWrap(True)
        tiers_note.setStyleSheet("color: #666;")
        form.addRow(tiers_note)
        form.addRow(self.tr("In force from:"), self.start)
        form.addRow(self.has_end, self.end)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if base is not None:
            self._show(base)
            for widget in (self.kind, self.staff, self.level, self.category):
                widget.setEnabled(False)           # a version changes the terms, not whom the rule is for

    def _show(self, r: Rule) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind)))
        self.staff.setCurrentIndex(max(0, self.staff.findData(r.staff_id)))
        self.level.setEditText(r.level or "")
        self.category.setCurrentIndex(max(0, self.category.findData(r.category)))
        self.designated.setValue(r.designated_permille / 10)
        self.rotation.setValue(r.rotation_permille / 10)
        self.use_fee.setChecked(r.fee_fen is not None)
        self.fee.setText(f"{(r.fee_fen or 0) / 100:.2f}" if r.fee_fen is not None else "")
        self.fee_on_free.setChecked(r.fee_on_free)
        self.use_prepaid.setChecked(r.prepaid_permille is not None)
        self.prepaid.setValue((r.prepaid_permille or 0) / 10)
        self.bands.setText(bands_text(r.bands))
        self.tier_mode.setCurrentIndex(max(0, self.tier_mode.findData(r.tier_mode)))

    def rule(self) -> Rule:
        """The rule as typed; raises SalonError (the core checks the rest when it is saved)."""
        start = self.start.date().toPython()
        end = self.end.date().toPython() if self.has_end.isChecked() else None
        level = self.level.currentText().strip() or None
        return Rule(self.base.id if self.base else 0, 0, self.kind.currentData(), start, end,
                    self.staff.currentData(), level, self.category.currentData(),
                    round(self.designated.value() * 10), round(self.rotation.value() * 10),
                    parse_yuan(self.fee.text()) if self.use_fee.isChecked() else None,
                    round(self.prepaid.value() * 10) if self.use_prepaid.isChecked() else None,
                    self.fee_on_free.isChecked(), parse_bands(self.bands.text()), self.tier_mode.currentData())

    def check(self) -> None:
        try:
            from ..commission import check_rule
            check_rule(self.rule())
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, staff: list[tuple[int, str]], levels: list[str], today: date,
            base: Rule | None = None) -> Rule | None:
        dialog = cls(staff, levels, today, base, parent)
        return dialog.rule() if dialog.exec() == QDialog.DialogCode.Accepted else None


class LevelDialog(QDialog):
    """A staff member's level from a day on (the history is kept)."""

    def __init__(self, staff: list[tuple[int, str]], levels: list[str], today: date, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a technician's level"))
        form = QFormLayout(self)
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        for staff_id, name in staff:
            self.staff.addItem(name, staff_id)
        self.level = QComboBox()
        self.level.setObjectName("level")
        self.level.setEditable(True)
        self.level.addItems(levels or ["助理", "发型师", "总监"])
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setObjectName("start")
        self.start.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Staff member:"), self.staff)
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.tr("Level from:"), self.start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, str, date]:
        return int(self.staff.currentData()), self.level.currentText(), self.start.date().toPython()

    @classmethod
    def ask(cls, parent: QWidget | None, staff: list[tuple[int, str]], levels: list[str],
            today: date) -> tuple[int, str, date] | None:
        dialog = cls(staff, levels, today, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


# -- the sheet view -------------------------------------------------------------------------------------

class SheetView(QWidget):
    """The month's sheet: the summary per technician, and the chosen technician's every line."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.owner = ops.can(Perm.COMMISSION)
        self.sheet: CommissionSheet | None = None
        self.month = QComboBox()
        self.month.setObjectName("month")
        months = _months_back(self.shop.today()) if self.owner else _months_back(self.shop.today(), 1)
        for year, month in months:
            self.month.addItem(f"{year}-{month:02d}", (year, month))
        self.month.setEnabled(self.owner)      # a technician sees the current month only
        self.month.currentIndexChanged.connect(lambda _i: self.reload())
        self.state = QLabel()
        self.state.setObjectName("state")
        self.summary_model = SummaryModel(self)
        self.summary_view = make_table(self.summary_model)
        self.summary_view.horizontalHeader().setStretchLastSection(False)     # the amounts stay together
        self.summary_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_lines())
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines_model = LinesModel(self)
        self.lines_view = make_table(self.lines_model, stretch=3)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Save the sheet as PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button = QPushButton(self.tr("Save as XLSX…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.adjust_button = QPushButton(self.tr("Adjust a technician's month…"))
        self.adjust_button.setObjectName("adjust")
        self.adjust_button.clicked.connect(self.adjust)
        self.settle_button = QPushButton(self.tr("Settle this month…"))
        self.settle_button.setObjectName("settle")
        self.settle_button.clicked.connect(self.settle)
        for button in (self.adjust_button, self.settle_button):
            button.setVisible(self.owner)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:")))
        top.addWidget(self.month)
        top.addWidget(self.state, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        top.addWidget(self.adjust_button)
        top.addWidget(self.settle_button)
        lower = QWidget()
        lower_col = QVBoxLayout(lower)
        lower_col.setContentsMargins(0, 0, 0, 0)
        lower_col.addWidget(self.detail)
        lower_col.addWidget(self.lines_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.summary_view)
        splitter.addWidget(lower)
        splitter.setSizes([200, 500] if self.owner else [60, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        ops.changed.connect(self.on_changed)
        # a busy month's sheet takes a moment to read: read when shown, never behind the counter's back
        self.stale = True

    def showEvent(self, event: QShowEvent) -> None:       # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.stale:
            self.reload()

    def chosen_month(self) -> tuple[int, int]:
        year, month = self.month.currentData()
        return int(year), int(month)

    def on_changed(self, scopes: frozenset) -> None:
        if COMMISSION in scopes or SALES in scopes:
            self.stale = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        self.stale = False
        year, month = self.chosen_month()
        chosen = current_record(self.summary_view)
        sheet = self.ops.query(self, lambda: self.shop.commission.sheet(self.ops.staff, year, month),
                               show=self.message.setText)
        self.sheet = sheet
        rows = list(sheet.technicians) if sheet else []
        self.summary_model.set_rows(rows)
        ids = [t.staff_id for t in rows]
        select_row(self.summary_view, ids.index(chosen.staff_id) if chosen and chosen.staff_id in ids else 0)
        if sheet is not None:
            self.state.setText(self.tr("Settled: corrections go into the next month.") if sheet.settled
                               else self.tr("Open: not settled yet."))
        self.settle_button.setEnabled(bool(sheet) and not sheet.settled)
        self.adjust_button.setEnabled(bool(sheet) and not sheet.settled)
        self.show_lines()

    def show_lines(self) -> None:
        t: TechnicianSheet | None = current_record(self.summary_view)
        self.lines_model.set_rows(list(t.lines) if t else [])
        if t is None:
            self.detail.setText(self.tr("No commission this month yet."))
            return
        parts = [self.tr("{name}: net payable {net} = service {service} + labour fees {fees} + products {products}"
                         " + card sales {cards} + tier bonus {tier} + clawbacks {claw} + adjustments {adjust}").format(
            name=t.name, net=labels.money(t.net_fen), service=labels.money(t.service_fen),
            fees=labels.money(t.fee_fen), products=labels.money(t.product_fen), cards=labels.money(t.card_sale_fen),
            tier=labels.money(t.tier_fen), claw=labels.money(t.clawback_fen), adjust=labels.money(t.adjust_fen))]
        for start, end, base, rate, amount in t.tier_bands:
            parts.append(self.tr("Tier {start}–{end}: {base} × {rate} = {amount}").format(
                start=labels.money(start), end=labels.money(end) if end is not None else self.tr("and above"),
                base=labels.money(base), rate=_pct(rate), amount=labels.money(amount)))
        if t.clawback_receipts:
            parts.append(self.tr("Clawed back for receipts: {receipts}").format(
                receipts=", ".join(t.clawback_receipts)))
        for a in t.adjustments:
            parts.append(self.tr("Adjustment {day}: {amount}, {reason} (by {by})").format(
                day=f"{a.day:%m-%d}", amount=labels.money(a.amount_fen), reason=a.reason, by=a.by))
        self.detail.setText("\n".join(parts))

    # -- actions --------------------------------------------------------------------------------
    def export(self, kind: str) -> Path | None:
        from .reports_page import ReportFile
        if self.sheet is None:
            return None
        year, month = self.chosen_month()
        path = ReportFile.ask(self, self.tr("Save the monthly commission sheet"), f"commission-{year}-{month:02d}.{kind}",
                              self.tr("PDF document (*.pdf)") if kind == "pdf" else self.tr("Excel files (*.xlsx)"))
        if path is None:
            return None
        if kind == "pdf":
            from ..reports.commission_sheet import render_commission_sheet
            data = render_commission_sheet(self.sheet)
        else:
            from ..reports.commission_xlsx import commission_sheet_xlsx
            data = commission_sheet_xlsx(self.sheet)
        try:
            path.write_bytes(data)
        except OSError as problem:
            self.message.setText(self.tr("The sheet could not be written to {path}: {problem}").format(
                path=str(path), problem=problem.strerror or str(problem)))
            return None
        self.message.setText(self.tr("The sheet was saved to {path}").format(path=str(path)))
        return path

    def adjust(self) -> None:
        year, month = self.chosen_month()
        staff = [(s.id, s.display_name) for s in self.shop.staff.technicians(self.ops.staff)]
        chosen = current_record(self.summary_view)
        if chosen is not None and chosen.staff_id in [s for s, _ in staff]:
            staff.sort(key=lambda s: s[0] != chosen.staff_id)      # the technician in view comes first
        values = AdjustDialog.ask(self, staff, year, month)
        if values is None:
            return
        staff_id, amount, reason = values
        outcome = self.ops.run(self, lambda: self.shop.commission.adjust(self.ops.staff, staff_id, year, month,
                                                                         amount, reason),
                               changes={COMMISSION}, show=self.message.setText)
        if outcome.ok:
            self.message.setText(self.tr("Adjustment saved."))

    def settle(self) -> None:
        year, month = self.chosen_month()
        if not Confirm.ask(self, self.tr("Settle this month"), self.tr(
                "Settle the commission of {year}-{month:02d}? Its sheet is then frozen: refunds and corrections "
                "of its sales go into the next open month.").format(year=year, month=month)):
            return
        outcome = self.ops.run(self, lambda: self.shop.commission.settle(self.ops.staff, year, month),
                               changes={COMMISSION}, show=self.message.setText)
        if outcome.ok:
            self.message.setText(self.tr("{year}-{month:02d} is settled.").format(year=year, month=month))


# -- the rules view -------------------------------------------------------------------------------------

class RulesView(QWidget):
    """The owner's rule table and technician levels, with which rule wins written out."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        precedence = QLabel(self.tr(
            "Which rule pays a line: the most specific rule in force on the day of the sale. "
            "A staff member's special rule > level × category > category > level > the default rule. "
            "Between two rules equally specific, the one in force from the later day wins. A change is a new "
            "version from its day on: sales before that day keep the rule they were paid by. "
            "A service line pays its designated (指定) or rotation (轮牌) rate, or the fixed labour fee; a line "
            "paid by stored value or a package session pays the lower rate when the rule has one. Each "
            "contributor's amount is rounded to the fen on their own share of the base."))
        precedence.setObjectName("precedence")
        precedence.setWordWrap(True)
        self.names: dict[int, str] = {}
        self.rules_model = RulesModel(self.names, self)
        self.rules_view = make_table(self.rules_model)
        self.levels_model = LevelsModel(self)
        self.levels_view = make_table(self.levels_model)
        for view in (self.rules_view, self.levels_view):
            view.horizontalHeader().setStretchLastSection(False)
        self.message = error_label()
        self.message.setObjectName("message")
        new_rule = QPushButton(self.tr("New rule…"))
        new_rule.setObjectName("new_rule")
        new_rule.clicked.connect(self.new_rule)
        new_version = QPushButton(self.tr("New version of the chosen rule…"))
        new_version.setObjectName("new_version")
        new_version.clicked.connect(self.new_version)
        set_level = QPushButton(self.tr("Set a level…"))
        set_level.setObjectName("set_level")
        set_level.clicked.connect(self.set_level)
        buttons = QHBoxLayout()
        buttons.addWidget(new_rule)
        buttons.addWidget(new_version)
        buttons.addStretch(1)
        level_buttons = QHBoxLayout()
        level_buttons.addWidget(set_level)
        level_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(precedence)
        layout.addWidget(QLabel("<b>" + self.tr("Rules") + "</b>"))
        layout.addWidget(self.rules_view, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("<b>" + self.tr("Technician levels") + "</b>"))
        layout.addWidget(self.levels_view, 1)
        layout.addLayout(level_buttons)
        layout.addWidget(self.message)
        ops.changed.connect(self.on_changed)
        self.reload()

    def on_changed(self, scopes: frozenset) -> None:
        if COMMISSION in scopes:
            self.reload()

    def _staff(self) -> list[tuple[int, str]]:
        return [(s.id, s.display_name) for s in self.ops.query(
            self, lambda: self.shop.staff.technicians(self.ops.staff), default=[]) or []]

    def _levels(self) -> dict[int, tuple[tuple[date, str], ...]]:
        return self.ops.query(self, lambda: self.shop.commission.levels(self.ops.staff), default={}) or {}

    def level_names(self) -> list[str]:
        return sorted({level for history in self._levels().values() for _d, level in history})

    def reload(self) -> None:
        roster = self.ops.query(self, lambda: self.shop.staff.roster(self.ops.staff, include_inactive=True),
                                default=[]) or []
        self.names.clear()
        self.names.update({s.id: s.display_name for s in roster})
        rules = self.ops.query(self, lambda: self.shop.commission.rules(self.ops.staff), default=()) or ()
        self.rules_model.set_rows(sorted(rules, key=lambda r: (r.id, r.version)))
        rows: list[Any] = []
        for staff_id, history in self._levels().items():
            rows += [(self.names.get(staff_id, str(staff_id)), level, since) for since, level in history]
        self.levels_model.set_rows(sorted(rows, key=lambda r: (r[0], r[2])))

    def new_rule(self) -> None:
        self.edit_rule(None)

    def new_version(self) -> None:
        base = current_record(self.rules_view)
        if base is None:
            self.message.setText(self.tr("Choose the rule to change first."))
            return
        self.edit_rule(base)

    def edit_rule(self, base: Rule | None) -> None:
        rule = RuleDialog.ask(self, self._staff(), self.level_names(), self.shop.today(), base)
        if rule is None:
            return
        outcome = self.ops.run(self, lambda: self.shop.commission.add_rule(self.ops.staff, rule),
                               changes={COMMISSION}, show=self.message.setText)
        if outcome.ok:
            self.message.clear()

    def set_level(self) -> None:
        values = LevelDialog.ask(self, self._staff(), self.level_names(), self.shop.today())
        if values is None:
            return
        staff_id, level, since = values
        outcome = self.ops.run(self, lambda: self.shop.commission.set_level(self.ops.staff, staff_id, level, since),
                               changes={COMMISSION}, show=self.message.setText)
        if outcome.ok:
            self.message.clear()


class CommissionPage(QWidget):
    """提成 (owner): the sheet, and the rules and levels. 我的提成 (technician): their own sheet this month."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = SheetView(ops)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rules: RulesView | None = None
        if ops.can(Perm.COMMISSION):
            self.tabs = QTabWidget()
            self.tabs.addTab(self.sheet, self.tr("Monthly sheet"))
            self.rules = RulesView(ops)
            self.tabs.addTab(self.rules, self.tr("Rules and levels"))
            layout.addWidget(self.tabs)
        else:
            layout.addWidget(self.sheet)
