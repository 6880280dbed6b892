"""The settings page's box for the day's close and commission: sales only with an open shift, the
variance above which the owner signs the close, and the lead's default share per service category."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QWidget

from ..commission import DEFAULT_LEAD_PERMILLE
from ..db.catalogue import SERVICE_CATEGORIES
from . import labels

if TYPE_CHECKING:
    from .settings_page import SettingsPage


def close_and_commission_box(page: "SettingsPage") -> QGroupBox:
    from .settings_page import percent_box
    box = QGroupBox(QCoreApplication.translate("CommissionSettings", "Day's close and commission"))
    form = QFormLayout(box)
    page._check(form, "shift.required", QCoreApplication.translate("CommissionSettings", "Refuse sales while no shift is open (open one with its float first)"))
    page._yuan(form, "shift.variance_limit_fen", QCoreApplication.translate("CommissionSettings", "A close further out than this needs the owner"))
    grid_box = QWidget()
    grid = QGridLayout(grid_box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.addWidget(QLabel("<b>" + QCoreApplication.translate("CommissionSettings", "Service category") + "</b>"), 0, 0)
    grid.addWidget(QLabel("<b>" + QCoreApplication.translate("CommissionSettings", "Lead (主理)") + "</b>"), 0, 1)
    grid.addWidget(QLabel("<b>" + QCoreApplication.translate("CommissionSettings", "Assistant (助理)") + "</b>"), 0, 2)
    spins = {}
    for row, code in enumerate(SERVICE_CATEGORIES, start=1):
        spin = percent_box(1, 999)
        spin.setObjectName(f"commission.lead_share.{code}")
        rest = QLabel()
        spin.valueChanged.connect(lambda v, l=rest: l.setText(f"{100 - v:g} %"))
        grid.addWidget(QLabel(labels.category_name(code)), row, 0)
        grid.addWidget(spin, row, 1)
        grid.addWidget(rest, row, 2)
        spins[code] = spin

    def read() -> dict[str, int]:
        # only the categories that differ from 70 / 30 are stored
        return {code: round(spin.value() * 10) for code, spin in spins.items()
                if round(spin.value() * 10) != DEFAULT_LEAD_PERMILLE}

    def write(value: dict[str, int]) -> None:
        for code, spin in spins.items():
            spin.setValue(value.get(code, DEFAULT_LEAD_PERMILLE) / 10)

    form.addRow(QCoreApplication.translate("CommissionSettings", "Shares when an assistant is added (A at the counter):"), grid_box)
    page.fields["commission.lead_share"] = (QCoreApplication.translate("CommissionSettings", "Shares when an assistant is added"), read, write)
    rules = QLabel(QCoreApplication.translate(
        "CommissionSettings", "Commission rules and technician levels are set under Commission → Rules and levels. "
        "The most specific rule in force on the sale's day pays: a staff member's special rule > level × "
        "category > category > level > the default rule."))
    rules.setObjectName("commission_precedence")
    rules.setWordWrap(True)
    rules.setStyleSheet("color: #666;")
    form.addRow(rules)
    return box
