"""A start builds only the counter: every other page is built the first time it is opened."""

from __future__ import annotations

from salon_desk.ui.customers_page import CustomersPage
from salon_desk.ui.reports_page import ReportsPage


def test_only_the_counter_is_built_at_start_and_a_tab_builds_its_page_when_opened(qtbot, make_window, owner):
    window = make_window(owner)
    assert [key for key in ("counter", "appointments", "customers", "care", "reports", "settings")
            if window.pages.built(key)] == ["counter"]
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("客户"))          # the cashier clicks 客户
    page = window.tabs.currentWidget()
    assert isinstance(page, CustomersPage) and window.pages.built("customers")
    assert page.isVisible() and window.pages["customers"] is page
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == titles
    assert not window.pages.built("reports")
    reports = window.pages["reports"]                          # asked for by code: built, tab unchanged
    assert isinstance(reports, ReportsPage) and window.tabs.currentWidget() is page
    assert window.tabs.widget(titles.index("报表")) is reports


def test_a_booking_checked_in_from_the_appointments_tab_opens_on_the_counter(qtbot, window):
    page = window.pages["appointments"]
    window.tabs.setCurrentWidget(page)
    page.visit_opened.emit(0)        # the page's own signal, connected when the page was built
    assert window.tabs.currentWidget() is window.counter


def test_switching_user_rebuilds_the_tabs_lazily_again(qtbot, make_window, owner, cashier):
    window = make_window(owner)
    window.pages["reports"]
    window.switch_user(cashier)
    assert "reports" not in window.pages and not window.pages.built("customers")
    window.tabs.setCurrentIndex(2)
    assert isinstance(window.tabs.currentWidget(), CustomersPage)
