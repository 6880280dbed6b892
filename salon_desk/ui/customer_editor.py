"""The customer file editor (SPEC §1): every field, preference tags, consents with their dates."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..db.customers import GENDERS, REGIONS, SKIN_TYPES, CustomerDetails
from ..errors import SalonError
from ..phone import check_phone
from ..records import CustomerFile
from . import labels
from .customer_picker import CustomerPickerDialog
from .ops import CUSTOMERS, VISITS, Ops
from .widgets import Confirm, error_label

PURPOSES = ("keep_file", "marketing", "health")


def split_tags(text: str) -> list[str]:
    for sep in ("，", "、", ";", "；"):
        text = text.replace(sep, ",")
    return [t.strip() for t in text.split(",") if t.strip()]


class CustomerEditor(QWidget):
    saved = Signal(int)            # customer id

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.file: CustomerFile | None = None
        self.referrer_id: int | None = None

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone_warning = QLabel()          # as the quick form: a foreign number is allowed, never silently
        self.phone_warning.setObjectName("phone_warning")
        self.phone_warning.setStyleSheet("color: #a15c00;")
        self.phone_warning.hide()
        self.phone.textChanged.connect(self.check_phone)
        self.gender = self._combo(GENDERS, labels.gender_name)
        self.region = self._combo(REGIONS, labels.region_name)
        self.skin = self._combo(SKIN_TYPES, labels.skin_name)
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("year —"))
        self.month = QSpinBox()
        self.month.setRange(0, 12)
        self.month.setSpecialValueText(self.tr("month —"))
        self.day = QSpinBox()
        self.day.setRange(0, 31)
        self.day.setSpecialValueText(self.tr("day —"))
        self.allergies = QPlainTextEdit()
        self.allergies.setObjectName("allergies")
        self.allergies.setMaximumHeight(60)
        self.allergies_hint = QLabel()
        self.allergies_hint.setStyleSheet("color: #888;")
        self.care_goals = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.tags = QLineEdit()
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText(self.tr("comma separated, e.g. osmanthus tea, light pressure, wants a blanket"))
        self.referrer = QLabel()
        self.first_seen = QDateEdit()
        self.first_seen.setCalendarPopup(True)
        self.first_seen.setDisplayFormat("yyyy-MM-dd")
        self.consent_boxes: dict[str, QCheckBox] = {}
        self.consent_labels: dict[str, QLabel] = {}
        self.error = error_label()
        self.error.setObjectName("error")
        self.save_button = QPushButton(self.tr("Save file"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self._layout()
        self.load(None)

    def _combo(self, codes, namer) -> QComboBox:
        combo = QComboBox()
        for code in codes:
            combo.addItem(namer(code), code)
        return combo

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        phone = QVBoxLayout()
        phone.setSpacing(2)
        phone.addWidget(self.phone)
        phone.addWidget(self.phone_warning)
        form.addRow(self.tr("Mobile phone:"), phone)
        form.addRow(self.tr("Gender:"), self.gender)
        birthday = QHBoxLayout()
        for widget in (self.year, self.month, self.day):
            birthday.addWidget(widget)
        birthday.addStretch(1)
        form.addRow(self.tr("Birthday:"), birthday)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow(self.tr("Skin type:"), self.skin)
        allergies = QVBoxLayout()
        allergies.setSpacing(2)
        allergies.addWidget(self.allergies)
        allergies.addWidget(self.allergies_hint)     # shown only when it has something to say
        form.addRow(self.tr("Allergies:"), allergies)
        form.addRow(self.tr("Care goals:"), self.care_goals)
        form.addRow(self.tr("Preferences:"), self.tags)
        form.addRow(self.tr("Notes:"), self.notes)
        referrer = QHBoxLayout()
        referrer.addWidget(self.referrer, 1)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_referrer)
        clear = QPushButton(self.tr("None"))
        clear.clicked.connect(lambda: self.set_referrer(None, ""))
        referrer.addWidget(choose)
        referrer.addWidget(clear)
        self.referrer_buttons = (choose, clear)
        form.addRow(self.tr("Referred by:"), referrer)
        form.addRow(self.tr("First seen:"), self.first_seen)
        layout.addLayout(form)
        consents = QGroupBox(self.tr("Consents (PIPL)"))
        grid = QGridLayout(consents)
        for row, purpose in enumerate(PURPOSES):
            box = QCheckBox(labels.consent_name(purpose))
            box.setObjectName(f"consent_{purpose}")
            box.clicked.connect(lambda checked, p=purpose: self.consent_clicked(p, checked))
            label = QLabel()
            label.setStyleSheet("color: #666;")
            grid.addWidget(box, row, 0)
            grid.addWidget(label, row, 1)
            self.consent_boxes[purpose], self.consent_labels[purpose] = box, label
        layout.addWidget(consents)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)   # the customers page moves it
        layout.addStretch(1)

    # -- loading ------------------------------------------------------------
    def load(self, file: CustomerFile | None) -> None:
        """Show ``file``, or a blank form for a new customer when None."""
        self.file = file
        self.error.clear()
        f = file
        self.name.setText(f.name if f else "")
        self.phone.setText(f.phone if f else "")
        for combo, value in ((self.gender, f.gender if f else ""), (self.region, f.region if f else ""),
                             (self.skin, f.skin_type if f else "")):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.year.setValue((f.birth_year or 0) if f else 0)
        self.month.setValue((f.birth_month or 0) if f else 0)
        self.day.setValue((f.birth_day or 0) if f else 0)
        hidden = f is not None and f.allergies is None
        self.allergies.setPlainText("" if hidden or f is None else f.allergies)
        self.allergies.setVisible(not hidden)
        self.care_goals.setText(f.care_goals if f else "")
        self.notes.setPlainText(f.notes if f else "")
        self.tags.setText("，".join(f.tags) if f else "")
        self.set_referrer(f.referred_by_id if f else None, (f.referred_by_name or "") if f else "")
        seen = f.first_seen if f else self.ops.shop.today()
        self.first_seen.setDate(QDate(seen.year, seen.month, seen.day))
        states = {c.purpose: c for c in f.consents} if f else {}
        for purpose in PURPOSES:
            state = states.get(purpose)
            box = self.consent_boxes[purpose]
            box.setChecked(state.granted if state else purpose == "keep_file" and f is None)
            if state is None:
                self.consent_labels[purpose].setText("")
                continue
            verb = (self.tr("given") if state.granted else
                    self.tr("withdrawn") if state.withdrawn else self.tr("not given"))
            self.consent_labels[purpose].setText(
                self.tr("{verb} {when} by {who}, notice {version}").format(
                    verb=verb, when=labels.when(state.at), who=state.staff_name,
                    version=state.notice_version))
        self._health_state()
        editable = f is None or not f.anonymised       # an erased file is read-only, every field of it
        for widget in (self.name, self.phone, self.gender, self.region, self.skin, self.year, self.month,
                       self.day, self.allergies, self.care_goals, self.notes, self.tags, self.first_seen,
                       *self.referrer_buttons, self.save_button, *self.consent_boxes.values()):
            widget.setEnabled(editable)

    def check_phone(self, text: str) -> None:
        try:
            mainland = check_phone(text).is_mainland if text.strip() else True
        except SalonError:
            mainland = True   # not a number at all: the core refuses it on saving, with its sentence
        self.phone_warning.setText("" if mainland else self.tr(
            "Not a mainland mobile number (11 digits starting with 1); it can still be saved."))
        self.phone_warning.setVisible(not mainland)

    def _health_state(self) -> None:
        allowed = self.consent_boxes["health"].isChecked()
        self.allergies.setReadOnly(not allowed)
        self.allergies_hint.setText("" if allowed else self.tr("Needs the customer's consent to health notes."))
        self.allergies_hint.setVisible(not allowed)

    def set_referrer(self, customer_id: int | None, name: str) -> None:
        self.referrer_id = customer_id
        self.referrer.setText(name if customer_id else self.tr("nobody"))

    def choose_referrer(self) -> None:
        chosen = CustomerPickerDialog.ask(self, self.ops, self.tr("Who referred this customer?"),
                                          exclude_id=self.file.id if self.file else None)
        if chosen is not None:
            self.set_referrer(chosen.id, chosen.name)

    # -- saving ------------------------------------------------------------
    def details(self) -> CustomerDetails:
        seen = self.first_seen.date()
        from datetime import date
        return CustomerDetails(
            name=self.name.text(), phone=self.phone.text(), gender=self.gender.currentData(),
            birth_year=self.year.value() or None, birth_month=self.month.value() or None,
            birth_day=self.day.value() or None, region=self.region.currentData(),
            skin_type=self.skin.currentData(), allergies=self.allergies.toPlainText(),
            care_goals=self.care_goals.text(), notes=self.notes.toPlainText(), tags=split_tags(self.tags.text()),
            referred_by_id=self.referrer_id, first_seen=date(seen.year(), seen.month(), seen.day()))

    def save(self) -> None:
        shop, staff, details = self.ops.shop, self.ops.staff, self.details()
        if self.file is None:
            boxes = self.consent_boxes
            action = lambda: shop.customers.register(  # noqa: E731
                staff, details, consent_keep_file=boxes["keep_file"].isChecked(),
                consent_marketing=boxes["marketing"].isChecked(), consent_health=boxes["health"].isChecked())
        else:
            customer_id = self.file.id
            action = lambda: shop.customers.update(staff, customer_id, details)  # noqa: E731
        outcome = self.ops.run(self, action, changes={CUSTOMERS, VISITS}, show=self.error.setText)
        if outcome.ok:
            self.load(outcome.value)
            self.saved.emit(outcome.value.id)

    def consent_clicked(self, purpose: str, granted: bool) -> None:
        if self.file is None:          # a new file: the boxes are its first consents
            self._health_state()
            return
        if not granted and purpose in ("keep_file", "health"):
            text = (self.tr("Withdrawing consent to keep the file archives it.") if purpose == "keep_file"
                    else self.tr("Withdrawing health consent erases the allergy notes."))
            if not Confirm.ask(self, self.tr("Withdraw consent"), text):
                self.consent_boxes[purpose].setChecked(True)
                return
        customer_id = self.file.id
        outcome = self.ops.run(self, lambda: self.ops.shop.customers.set_consent(self.ops.staff, customer_id, purpose, granted),
                               changes={CUSTOMERS}, show=self.error.setText)
        if outcome.ok:
            self.load(outcome.value)
        else:
            self.consent_boxes[purpose].setChecked(not granted)
