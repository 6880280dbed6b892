"""设置 (owner): the shop's rulebook, saved through the core with its validation messages.

Only changed values are sent; each is checked first so the message can
name the field at fault. Nothing is stored unless every change is valid.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from ..errors import SalonError
from ..membership import TIER_ORDER
from ..money import parse_yuan
from ..printer_setup import config_from_settings, parse_target
from ..reports import escpos_jobs
from ..settings_registry import tiers_from_json, tiers_to_json, validate, TierRule
from . import errors_text, labels, thermal
from ..roles import Perm
from .ops import SETTINGS, Ops
from .data_safety import DataSafetyBox
from .widgets import Confirm, TextPrompt, error_label

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


class WheelScrollsThePage(QObject):
    """The mouse wheel over a number box or a list never changes the shop's rules: it scrolls the page."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self.scroll = scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            QCoreApplication.sendEvent(self.scroll.verticalScrollBar(), event)
            return True
        return False


def percent_box(low_permille: int, high_permille: int) -> QDoubleSpinBox:
    """A rate stored in ‰, typed and shown as people think of it: 90 %."""
    spin = QDoubleSpinBox()
    spin.setDecimals(1)
    spin.setSingleStep(1.0)
    spin.setRange(low_permille / 10, high_permille / 10)
    spin.setSuffix(" %")
    return spin


def with_yuan(edit: QLineEdit) -> QWidget:
    """A money field with its ¥ in front (typed and stored as today: yuan typed, fen stored)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(QLabel("¥"))
    row.addWidget(edit, 1)
    return box


class SettingsPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        layout = QVBoxLayout(body)
        # key -> (label, read widget value, write widget value)
        self.fields: dict[str, tuple[str, Callable[[], Any], Callable[[Any], None]]] = {}

        shop_box = QGroupBox(self.tr("Shop and receipt"))
        form = QFormLayout(shop_box)
        self._text(form, "shop.name", self.tr("Shop name"))
        self._text(form, "shop.address", self.tr("Address"))
        self._text(form, "shop.phone", self.tr("Shop phone"))
        self._text(form, "receipt.footer", self.tr("Receipt footer"))
        self._choice(form, "receipt.paper", self.tr("Receipt paper"),
                     [("80mm", self.tr("80 mm roll")), ("58mm", self.tr("58 mm roll")), ("A5", "A5")])
        self._choice(form, "ui.language", self.tr("Language"), list(LANGUAGES))
        layout.addWidget(shop_box)
        layout.addWidget(self._printer_box())

        member_box = QGroupBox(self.tr("Membership"))
        form = QFormLayout(member_box)
        self._yuan(form, "membership.join_threshold_fen", self.tr("One sale to qualify for joining"))
        self._int(form, "membership.lapse_days", self.tr("Membership lapses after days without a sale"), 30, 3650)
        form.addRow(self._tiers_grid())
        layout.addWidget(member_box)

        points_box = QGroupBox(self.tr("Points and birthday"))
        form = QFormLayout(points_box)
        self._int(form, "points.earn_per_yuan", self.tr("Points earned per yuan paid"), 0, 100)
        self._int(form, "points.per_yuan_redeemed", self.tr("Points worth one yuan off"), 1, 10_000)
        self._percent(form, "points.redeem_cap_permille", self.tr("Points may pay at most (% of the sale)"), 0, 1000)
        self._int(form, "points.referral_bonus", self.tr("Referral bonus points"), 0, 100_000)
        self._text(form, "points.reset_month_day", self.tr("Yearly points reset (month-day)"))
        self._choice(form, "birthday.window", self.tr("Birthday perks valid"),
                     [("day", self.tr("on the day")), ("week", self.tr("in the birthday week")),
                      ("month", self.tr("in the birthday month"))])
        self._yuan(form, "birthday.free_service_cap_fen", self.tr("Birthday free service up to"))
        layout.addWidget(points_box)

        care_box = QGroupBox(self.tr("Follow-ups and complaints"))
        form = QFormLayout(care_box)
        self._int(form, "care.visit_followup_hours", self.tr("Call after a visit within hours"), 1, 72)
        self._int(form, "care.product_check_days", self.tr("Check a product's effect after days"), 1, 60)
        self._int(form, "care.inactive_days", self.tr("Warn about a member not seen for days"), 14, 729)
        self._int(form, "care.birthday_days_ahead", self.tr("Birthday greeting days ahead"), 0, 31)
        self._int(form, "care.cycle_lead_days", self.tr("Remind of a usual service days ahead"), 0, 30)
        self._int(form, "complaints.first_response_hours",
                  self.tr("Answer a complaint within hours (clock hours, nights included)"), 1, 720)
        self._int(form, "complaints.resolution_hours", self.tr("Resolve a complaint within hours"), 1, 2160)
        layout.addWidget(care_box)

        other_box = QGroupBox(self.tr("Staff, stock, privacy, backups"))
        form = QFormLayout(other_box)
        self._int(form, "staff.max_failed_logins", self.tr("Wrong passwords before locking"), 1, 100)
        self._int(form, "staff.lockout_minutes", self.tr("Lock for minutes"), 1, 1440)
        self._int(form, "products.low_stock_default", self.tr("Default low-stock warning"), 0, 10_000)
        self._text(form, "privacy.notice_version", self.tr("Privacy notice version"))
        self._int(form, "backup.keep", self.tr("Daily backups kept"), 1, 100)
        layout.addWidget(other_box)
        from .commission_settings import close_and_commission_box
        layout.addWidget(close_and_commission_box(self))
        layout.addWidget(DataSafetyBox(ops))      # last check of the books, verify now, restore a backup

        self.error = error_label()
        self.error.setObjectName("error")
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1b6e20;")
        save = QPushButton(self.tr("Save settings"))
        save.setObjectName("save")
        save.clicked.connect(self.save)
        revert = QPushButton(self.tr("Undo changes"))
        revert.clicked.connect(self.load)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.saved_label)
        row.addWidget(revert)
        row.addWidget(save)
        outer.addLayout(row)                 # always in view below the scrolled form
        layout.addStretch(1)
        self.wheel_guard = WheelScrollsThePage(scroll)
        for box in (*body.findChildren(QAbstractSpinBox), *body.findChildren(QComboBox)):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)      # never focused (nor changed) by the wheel
            box.installEventFilter(self.wheel_guard)
        self.load()

    # -- field builders -------------------------------------------------------
    def _text(self, form: QFormLayout, key: str, label: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(key)
        form.addRow(self.tr("{field}:").format(field=label), edit)
        self.fields[key] = (label, edit.text, lambda v: edit.setText(str(v)))

    def _int(self, form: QFormLayout, key: str, label: str, low: int, high: int) -> None:
        spin = QSpinBox()
        spin.setObjectName(key)
        spin.setRange(low, high)
        form.addRow(self.tr("{field}:").format(field=label), spin)
        self.fields[key] = (label, spin.value, spin.setValue)

    def _percent(self, form: QFormLayout, key: str, label: str, low: int, high: int) -> None:
        spin = percent_box(low, high)
        spin.setObjectName(key)
        form.addRow(self.tr("{field}:").format(field=label), spin)
        self.fields[key] = (label, lambda: round(spin.value() * 10), lambda v: spin.setValue(v / 10))

    def _yuan(self, form: QFormLayout, key: str, label: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(key)
        form.addRow(self.tr("{field}:").format(field=label), with_yuan(edit))
        self.fields[key] = (label, lambda: parse_yuan(edit.text()), lambda v: edit.setText(labels.money(v)[1:]))

    def _choice(self, form: QFormLayout, key: str, label: str, options: list[tuple[str, str]]) -> None:
        combo = QComboBox()
        combo.setObjectName(key)
        for value, text in options:
            combo.addItem(text, value)
        form.addRow(self.tr("{field}:").format(field=label), combo)
        self.fields[key] = (label, combo.currentData, lambda v: combo.setCurrentIndex(max(0, combo.findData(v))))

    def _check(self, form: QFormLayout, key: str, label: str) -> None:
        box = QCheckBox(label)
        box.setObjectName(key)
        form.addRow("", box)
        self.fields[key] = (label, box.isChecked, lambda v: box.setChecked(bool(v)))

    # -- the receipt printer ----------------------------------------------------
    def _printer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Receipt printer"))
        form = QFormLayout(box)
        self._choice(form, "printer.kind", self.tr("Receipt printer"), [
            ("system", self.tr("System print queue (PDF picture)")),
            ("network", self.tr("ESC/POS on the network (IP:9100)")),
            ("usb", self.tr("ESC/POS on USB (vendor:product)")),
            ("serial", self.tr("ESC/POS on a serial port")),
            ("windows", self.tr("ESC/POS through a Windows printer (raw)"))])
        self._text(form, "printer.address", self.tr("Printer address"))
        box.findChild(QLineEdit, "printer.address").setPlaceholderText(
            self.tr("192.168.1.50:9100 / 0416:5011 / COM3@9600 / printer name"))
        self._choice(form, "printer.paper", self.tr("Thermal paper"),
                     [("80mm", self.tr("80 mm roll")), ("58mm", self.tr("58 mm roll"))])
        self._int(form, "printer.columns", self.tr("Characters per line (0: 48 on 80 mm, 32 on 58 mm)"), 0, 64)
        self._choice(form, "printer.code_page", self.tr("Printer's Chinese mode"),
                     [("gbk", "GBK"), ("gb18030", "GB18030")])
        self._check(form, "printer.raster", self.tr("No Chinese font in the printer: print receipts as pictures"))
        self._choice(form, "printer.drawer", self.tr("Cash drawer"), [
            ("pin2", self.tr("on kick pin 2")), ("pin5", self.tr("on kick pin 5")), ("none", self.tr("none"))])
        self._int(form, "printer.drawer_on_ms", self.tr("Drawer pulse (ms)"), 2, 510)
        self._int(form, "printer.drawer_off_ms", self.tr("Pause after the pulse (ms)"), 2, 510)
        self.test_button = QPushButton(self.tr("Print test page"))
        self.test_button.setObjectName("print_test_page")
        self.test_button.clicked.connect(self.print_test_page)
        self.drawer_button = QPushButton(self.tr("Open cash drawer (no sale)"))
        self.drawer_button.setObjectName("open_drawer")
        self.drawer_button.clicked.connect(self.open_drawer)
        self.drawer_button.setVisible(self.ops.can(Perm.OPEN_DRAWER))
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.drawer_button)
        row.addStretch(1)
        form.addRow(row)
        self.printer_status = QLabel()
        self.printer_status.setObjectName("printer_status")
        self.printer_status.setWordWrap(True)
        form.addRow(self.printer_status)
        self.thermal = thermal.ThermalPrinter(self)
        self.thermal.finished.connect(self.test_page_done)
        self.last_test: thermal.PrintRun | None = None
        return box

    def printer_form_config(self):
        """The printer as the form says now (saved or not), each value checked; ValueError names the field."""
        values = {}
        for key in thermal.PRINTER_KEYS:
            label, read, _write = self.fields[key]
            value = read()
            try:
                validate(key, value)
            except SalonError as error:
                raise ValueError(self.tr("{field}: {message}").format(
                    field=label, message=errors_text.message(error))) from error
            values[key] = value
        if values["printer.kind"] != "system":
            try:
                parse_target(values["printer.kind"], values["printer.address"])
            except SalonError as error:
                raise ValueError(self.tr("{field}: {message}").format(
                    field=self.fields["printer.address"][0], message=errors_text.message(error))) from error
        return config_from_settings(values)

    def _printer_says(self, text: str, ok: bool) -> None:
        self.printer_status.setText(text)
        self.printer_status.setStyleSheet("color: #1b6e20;" if ok else "color: #b00020; font-weight: bold;")

    def print_test_page(self) -> bool:
        """The test page on the printer as set in the form; the result comes back in ``test_page_done``."""
        try:
            config = self.printer_form_config()
        except ValueError as problem:
            self._printer_says(str(problem), False)
            return False
        if not config.escpos:
            self._printer_says(self.tr("Choose an ESC/POS printer first: the system queue prints from the "
                                       "print dialog."), False)
            return False
        name = self.fields["shop.name"][1]() or self.shop.settings.value("shop.name")
        self._printer_says(self.tr("Printing the test page…"), True)
        self.thermal.send(config, escpos_jobs.test_page_job(config, name, self.shop.now()))
        return True

    def test_page_done(self, run: thermal.PrintRun) -> None:
        self.last_test = run
        if not run.ok:
            self._printer_says(run.message, False)
            return
        raster = self.findChild(QCheckBox, "printer.raster")
        if raster.isChecked() or Confirm.ask(self, self.tr("Print test page"), self.tr(
                "Did the test page print every line in full, aligned, with readable Chinese?")):
            self._printer_says(run.message + " " + self.tr("The printer is set up."), True)
            return
        # the printer has no Chinese font (or another code page): send pictures instead
        raster.setChecked(True)
        self._printer_says(self.tr("Receipts will be printed as pictures; the test page is printed again "
                                   "that way. Save the settings to keep this."), True)
        self.print_test_page()

    def open_drawer(self) -> None:
        """无销售开钱箱: the owner opens the drawer; the front door audits who and when."""
        try:
            config = self.printer_form_config()
        except ValueError as problem:
            self._printer_says(str(problem), False)
            return
        reason = TextPrompt.ask(self, self.tr("Open cash drawer (no sale)"), self.tr("Reason (optional):"))
        if reason is None:
            return
        outcome = self.ops.run(self, lambda: self.shop.drawer.open_no_sale(
            self.ops.staff, lambda: escpos_jobs.run(config, escpos_jobs.drawer_job(), timeout=1.5), reason),
            show=lambda text: self._printer_says(text, False))
        if outcome.ok:
            self._printer_says(self.tr("The cash drawer was opened (recorded in the audit log)."), True)

    def _tiers_grid(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        for column, title in enumerate((self.tr("Tier"), self.tr("Pays (% of list price)"), "",
                                        self.tr("Promote at spend"), self.tr("or visits"),
                                        self.tr("Double points on birthday"))):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.tier_widgets: list[tuple[QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QCheckBox]] = []
        for row, code in enumerate(TIER_ORDER, start=1):
            rate = percent_box(1, 1000)          # 90 % beside its 9折; stored in ‰ as before
            rate_text = QLabel()
            rate.valueChanged.connect(lambda v, l=rate_text: l.setText(labels.rate_name(round(v * 10))))
            spend = QLineEdit()
            visits = QSpinBox()
            visits.setRange(0, 10_000)
            double = QCheckBox()
            grid.addWidget(QLabel(labels.tier_name(code)), row, 0)
            for column, widget in enumerate((rate, rate_text, with_yuan(spend), visits, double), start=1):
                grid.addWidget(widget, row, column)
            if row == 1:
                spend.setEnabled(False)     # the entry tier: joining decides, not spend
                visits.setEnabled(False)
            self.tier_widgets.append((rate, rate_text, spend, visits, double))
        self.fields["membership.tiers"] = (self.tr("Tiers"), self._read_tiers, self._write_tiers)
        return box

    def _read_tiers(self) -> list[dict[str, Any]]:
        rules = []
        for code, (rate, _t, spend, visits, double) in zip(TIER_ORDER, self.tier_widgets):
            rules.append(TierRule(code, round(rate.value() * 10), parse_yuan(spend.text()), visits.value(),
                                  double.isChecked()))
        return tiers_to_json(tuple(rules))

    def _write_tiers(self, value: list[dict[str, Any]]) -> None:
        for rule, (rate, rate_text, spend, visits, double) in zip(tiers_from_json(value), self.tier_widgets):
            rate.setValue(rule.rate_permille / 10)
            rate_text.setText(labels.rate_name(rule.rate_permille))
            spend.setText(labels.money(rule.spend_fen)[1:])
            visits.setValue(rule.visits)
            double.setChecked(rule.birthday_double_points)

    # -- load and save --------------------------------------------------------
    def load(self) -> None:
        values = self.shop.settings.all(self.ops.staff)
        for key, (_label, _read, write) in self.fields.items():
            write(values[key])
        self.error.clear()
        self.saved_label.clear()

    def changes(self) -> dict[str, Any]:
        """The changed values, each validated; raises ValueError naming the field at fault."""
        current = self.shop.settings.all(self.ops.staff)
        out = {}
        for key, (label, read, _write) in self.fields.items():
            try:
                value = read()
                validate(key, value)
                if key == "shop.name" and not str(value).strip():
                    # receipts, reports and the title bar print it; the setup wizard refuses it empty too
                    raise SalonError("setup.shop_name_required")
            except SalonError as error:
                raise ValueError(self.tr("{field}: {message}").format(
                    field=label, message=errors_text.message(error))) from error
            if value != current[key]:
                out[key] = value
        self.printer_form_config()        # the address must suit the kind of printer
        return out

    def save(self) -> None:
        self.saved_label.clear()
        try:
            changes = self.changes()
        except ValueError as problem:
            self.error.setText(str(problem))
            return
        if not changes:
            self.error.clear()
            self.saved_label.setText(self.tr("Nothing changed."))
            return
        outcome = self.ops.run(self, lambda: self.shop.settings.update(self.ops.staff, changes),
                               changes={SETTINGS}, show=self.error.setText)
        if outcome.ok:
            self.error.clear()
            self.saved_label.setText(self.tr("Saved."))
