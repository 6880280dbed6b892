"""The counter's search results as the cashier sees them while typing: the right people, the
first one chosen, columns that stay put (the table never measures its contents per keystroke)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from salon_desk.ui.counter_models import CustomerTableModel


def widths(view) -> list[int]:
    header = view.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def test_typing_narrows_the_results_the_first_is_chosen_and_the_columns_stay_put(qtbot, window, new_member,
                                                                                new_customer):
    new_member("张三", "13812345678", tier="gold", points=1234)
    new_customer("张小山", "13900005678")
    new_customer("李四", "13700001111")
    counter, view = window.counter, window.counter.results_view
    counter.search.setFocus()
    counter.search.insert("张")                 # an input method commits the characters
    assert sorted(c.name for c in counter.results_model.rows()) == ["张三", "张小山"]
    assert counter.results_view.currentIndex().row() == 0
    before = widths(view)
    counter.search.insert("小")
    assert [c.name for c in counter.results_model.rows()] == ["张小山"]
    assert view.currentIndex().row() == 0
    assert widths(view) == before
    header = view.horizontalHeader()
    assert header.sectionResizeMode(CustomerTableModel.NAME) == QHeaderView.ResizeMode.Stretch
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Fixed
               for c in range(header.count()) if c != CustomerTableModel.NAME)
    # every column is wide enough for what it shows (nothing cut to "…")
    counter.search.clear()
    qtbot.keyClicks(counter.search, "5678")
    metrics = view.fontMetrics()
    model = counter.results_model
    for row in range(model.rowCount()):
        for column in (CustomerTableModel.PHONE, CustomerTableModel.TIER, CustomerTableModel.POINTS,
                       CustomerTableModel.LAST_VISIT):
            text = model.display(model.record(row), column)
            assert metrics.horizontalAdvance(text) < header.sectionSize(column), (column, text)


def test_the_same_answer_again_does_not_reset_the_table(qtbot, window, new_customer):
    new_customer("王芳", "13811112222")
    counter = window.counter
    qtbot.keyClicks(counter.search, "wf")
    resets: list[int] = []
    counter.results_model.modelReset.connect(lambda: resets.append(1))
    counter.find("wf")                       # the same typed text, found again after a change elsewhere
    assert resets == [] and [c.name for c in counter.results_model.rows()] == ["王芳"]
    counter.find("13811112222")
    assert [c.name for c in counter.results_model.rows()] == ["王芳"]
