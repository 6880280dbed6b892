"""The thin shell: pages 收银台 / 客户 / 项目与员工 / 报表 / 设置, the status bar, lock and switch user.

Pages are built for the logged-in staff member; switching user or language
rebuilds them, so no page ever holds a stale role.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout, QLabel, QLineEdit, QMainWindow, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from ..errors import DatabaseProblem, SalonError
from ..records import StaffInfo
from ..roles import Perm
from . import errors_text, labels
from .counter_page import CounterPage
from .data_safety import BooksBanner
from .lazy_pages import LazyPages
from .ops import SETTINGS, Ops
from .widgets import big_label, error_label

class LockScreen(QWidget):
    """Shown while the counter is locked: nothing of the shop is visible until someone logs in."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__()
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = big_label(self.tr("Locked — log in to continue"), 18)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("lock_username")
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.unlock)
        self.username.returnPressed.connect(self.password.setFocus)
        form.addRow(self.tr("Staff login:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        box = QWidget()
        box.setMaximumWidth(420)
        box.setLayout(form)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        self.error = error_label()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.error)
        button = QPushButton(self.tr("Log in"))
        button.clicked.connect(self.unlock)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def start(self, username: str) -> None:
        self.username.setText(username)
        self.password.clear()
        self.error.clear()
        self.password.setFocus()

    def unlock(self) -> None:
        try:
            staff = self.window_.shop.staff.login(self.username.text(), self.password.text())
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            self.password.clear()
            return
        self.window_.switch_user(staff)


def _page(module: str, name: str, ops: Ops) -> QWidget:
    """A page whose module is imported when the page is first shown."""
    from importlib import import_module
    page: QWidget = getattr(import_module(f"{__package__}.{module}"), name)(ops)
    return page


class MainWindow(QMainWindow):
    def __init__(self, shop, staff: StaffInfo, language_changer: Callable[[str], None] | None = None,
                 language: str = "zh_CN") -> None:
        super().__init__()
        self.shop = shop
        self.language = language
        self.language_changer = language_changer
        self.ops: Ops | None = None
        self.pages: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 8px 18px; font-size: 14px; }")
        self.lock_screen = LockScreen(self)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_screen)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = QLabel(self.tr(
            "Read-only: this computer may not write the shop file, so sales cannot be taken and nothing "
            "can be changed. Check the file's permissions (or the disk), then start salon-desk again."))
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet("background: #b3261e; color: white; padding: 8px; font-weight: bold;")
        self.read_only_banner.setVisible(bool(getattr(shop, "read_only", False)))
        column.addWidget(self.read_only_banner)
        self.network_banner = QLabel(self.tr(
            "The shop file is on a network share. Opening it from two computers there can damage it: "
            "keep it on this computer's own disk and use salon-desk from this computer only "
            "(sharing between computers needs the database server setup)."))
        self.network_banner.setWordWrap(True)
        self.network_banner.setStyleSheet("background: #f9a825; color: black; padding: 8px;")
        self.network_banner.setVisible(False)
        column.addWidget(self.network_banner)
        self.damage_banner = QLabel()      # the background file check found damage: what to do
        self.damage_banner.setObjectName("damage_banner")
        self.damage_banner.setWordWrap(True)
        self.damage_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.damage_banner.setStyleSheet("background: #b3261e; color: white; padding: 8px; font-weight: bold;")
        self.damage_banner.setVisible(False)
        column.addWidget(self.damage_banner)
        self.books_banner = BooksBanner()          # the owner: the last check of the books found a problem
        column.addWidget(self.books_banner)
        column.addWidget(self.stack)
        self.setCentralWidget(central)
        self.staff_label = QLabel()
        self.date_label = QLabel()
        self.statusBar().addWidget(self.staff_label)
        self.statusBar().addPermanentWidget(self.date_label)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        for number in range(1, 8):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, i=number - 1: self.tabs.setCurrentIndex(i))
            self.addAction(action)
        self.resize(1280, 800)
        self.switch_user(staff)

    # -- building ---------------------------------------------------------------
    def switch_user(self, staff: StaffInfo) -> None:
        presenter = self.ops.error_presenter if self.ops is not None else None
        self.ops = Ops(self.shop, staff, self)
        if presenter is not None:
            self.ops.error_presenter = presenter
        self.ops.changed.connect(self.on_changed)
        self.rebuild()
        self.stack.setCurrentWidget(self.tabs)
        if "counter" in self.pages:
            self.counter.focus_search()

    @property
    def staff(self) -> StaffInfo:
        return self.ops.staff

    @property
    def counter(self) -> CounterPage:
        return self.pages["counter"]

    def rebuild(self) -> None:
        if isinstance(self.pages, LazyPages):
            self.pages.close()       # first: removing the tabs below must not build the old set's pages
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        # Only the first page is built now; the others when first shown (a start must not pay for them).
        pages = self.pages = LazyPages(self.tabs)
        pages.built_hook = self._page_built
        ops = self.ops
        if ops.can(Perm.COUNTER):
            pages.add("counter", self.tr("Counter"), lambda: CounterPage(ops), now=True)
            pages.add("appointments", self.tr("Appointments"), lambda: _page("appointments_page", "AppointmentsPage", ops))
            pages.add("customers", self.tr("Customers"), lambda: _page("customers_page", "CustomersPage", ops))
        else:                                      # a technician: notes on their own services
            pages.add("services", self.tr("My services"), lambda: _page("technician_page", "TechnicianPage", ops),
                      now=True)
            pages.add("appointments", self.tr("Appointments"),       # their own column only
                      lambda: _page("appointments_page", "AppointmentsPage", ops))
            pages.add("commission", self.tr("My commission"),       # their own sheet, this month
                      lambda: _page("commission_page", "CommissionPage", ops))
        # 回访: every role; the cashier and the owner see all tasks, a technician the ones assigned to them
        pages.add("care", self.tr("Follow-ups"), lambda: _page("care_page", "CarePage", ops))
        if ops.can(Perm.SEGMENTS):
            pages.add("segments", self.tr("Segments"), lambda: _page("segments_page", "SegmentsPage", ops))
        if ops.can(Perm.CATALOGUE) or ops.can(Perm.STAFF):
            pages.add("catalogue", self.tr("Catalogue and staff"), lambda: _page("catalogue_page", "CataloguePage", ops))
        if ops.can(Perm.REPORTS_ALL):               # the owner; a cashier sees no reports beyond today
            pages.add("reports", self.tr("Reports"), lambda: _page("reports_page", "ReportsPage", ops))
        if ops.can(Perm.COMMISSION):
            pages.add("commission", self.tr("Commission"), lambda: _page("commission_page", "CommissionPage", ops))
        if ops.can(Perm.SETTINGS):
            pages.add("settings", self.tr("Settings"), lambda: _page("settings_page", "SettingsPage", ops))
        self.lock_action.setText(self.tr("Lock / switch user"))
        lock_button = QPushButton(self.tr("Lock / switch user (Ctrl+L)"))
        lock_button.setObjectName("lock_button")
        lock_button.setFlat(True)
        lock_button.clicked.connect(self.lock)
        old = self.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        self.tabs.setCornerWidget(lock_button, Qt.Corner.TopRightCorner)
        if old is not None:
            old.deleteLater()
        lock_button.show()        # a widget given to an already shown window stays hidden until shown
        self.update_status()

    def _page_built(self, key: str, page: QWidget) -> None:
        if key == "appointments":
            page.visit_opened.connect(self.show_visit)   # type: ignore[attr-defined]

    def show_damage(self, problem: DatabaseProblem) -> None:
        """The shop file is damaged (found by the check after start or the nightly one): the red
        banner says so, where the file is and what to do; the counter goes on."""
        from .db_problem import problem_text
        self.damage_banner.setText(problem_text(problem))
        self.damage_banner.setVisible(True)

    def show_visit(self, visit_id: int) -> None:
        """A booking was checked in: the counter, on its visit, ready to check out."""
        self.tabs.setCurrentWidget(self.counter)
        self.counter.select_visit(visit_id)

    def update_status(self) -> None:
        self.network_banner.setVisible(bool(getattr(self.shop, "on_network_share", False))
                                       and self.staff.role == "owner")
        self.books_banner.refresh(self.ops)
        name = self.shop.settings.value("shop.name") or "salon-desk"
        self.setWindowTitle(f"{name} — salon-desk")
        self.staff_label.setText(self.tr("Staff: {name} ({role})").format(
            name=self.staff.display_name, role=labels.role_name(self.staff.role)))
        today = self.shop.today()
        weekdays = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                    self.tr("Sat"), self.tr("Sun")]
        self.date_label.setText(f"{labels.when(today)} {weekdays[today.weekday()]}")

    # -- locking ------------------------------------------------------------
    def lock(self) -> None:
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.start(self.staff.username)
        self.staff_label.setText(self.tr("Locked"))

    def after_restore(self, message: str) -> None:
        """The shop file was replaced by a backup: every session ended, the restored file's staff log in."""
        self.lock()
        self.lock_screen.error.setText(message)
        self.statusBar().showMessage(message, 0)

    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    # -- changes ------------------------------------------------------------
    def on_changed(self, scopes: frozenset) -> None:
        if SETTINGS in scopes:
            language = self.shop.settings.value("ui.language")
            if language != self.language and self.language_changer is not None:
                self.language = language
                self.language_changer(language)
                current = self.tabs.currentIndex()
                self.rebuild()
                self.tabs.setCurrentIndex(current)
            self.update_status()
