"""Every table model of the window passes pytest-qt's model tester, filled with real records."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.tenders import Tender
from salon_desk.ui.counter_models import (
    CustomerTableModel, OpenVisitsModel, PaymentsModel, QuoteLinesModel, VisitLinesModel,
)
from salon_desk.ui.record_models import (
    CatalogueModel, PointsHistoryModel, ReceiptLinesModel, SalesModel, StaffModel,
)
from salon_desk.ui.table_base import RecordRole


@pytest.fixture
def records(shop, owner, cashier, tech, items, new_member, new_customer, sell):
    zhang = new_member("张三", "13812345678", tier="gold", points=1000)
    li = new_customer("李四", "13900001111")
    sale = sell(zhang.id, services=[items.cut, items.care], products=[(items.serum, 2)], points=300)
    shop.sales.refund(owner, sale.sale_id, [sale.lines[0].sale_line_id],
                      grant=shop.staff.authorise_owner(owner, "boss", "secret123"), reason="不满意")
    visit = shop.visits.check_in(cashier, li.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id, "短发")
    shop.visits.add_product(cashier, visit.id, items.serum.id, 1)
    walk_in = shop.visits.check_in(cashier, None)
    quote = shop.sales.quote(cashier, visit.id)
    by_key = {p.key: p for p in quote.priced.lines}
    return {
        CustomerTableModel: shop.customers.find(cashier, "13"),
        OpenVisitsModel: shop.visits.open_visits(cashier),
        VisitLinesModel: shop.visits.get(cashier, visit.id).lines,
        QuoteLinesModel: [(line, by_key[line.id]) for line in quote.lines],
        PaymentsModel: [Tender("wechat", 20000), Tender("cash", 12000)],
        CatalogueModel: shop.catalogue.items(owner, include_inactive=True),
        StaffModel: shop.staff.roster(owner, include_inactive=True),
        SalesModel: shop.sales.of_customer(cashier, zhang.id),
        ReceiptLinesModel: shop.sales.receipt(owner, sale.sale_id).lines,
        PointsHistoryModel: shop.points.history(owner, zhang.id),
        "walk_in": walk_in,
    }


@pytest.mark.parametrize("model_type", [
    CustomerTableModel, OpenVisitsModel, VisitLinesModel, QuoteLinesModel, PaymentsModel,
    CatalogueModel, StaffModel, SalesModel, ReceiptLinesModel, PointsHistoryModel,
])
def test_model_passes_the_model_tester(qtmodeltester, records, model_type):
    model = model_type()
    rows = records[model_type]
    assert rows, "the fixture must give the model some rows"
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)      # stays attached: checks the resets below too
    model.set_rows([])
    model.set_rows(rows)
    assert model.rowCount() == len(rows)
    assert model.index(0, 0).data(RecordRole) == rows[0]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert all(isinstance(h, str) and h for h in headers)


def test_models_show_money_and_names_as_the_cashier_reads_them(records):
    lines = QuoteLinesModel()
    lines.set_rows(records[QuoteLinesModel])
    assert [lines.index(r, QuoteLinesModel.AMOUNT).data() for r in range(lines.rowCount())] == ["¥268.00", "¥129.00"]
    visits = OpenVisitsModel()
    visits.set_rows(records[OpenVisitsModel])
    assert visits.index(0, OpenVisitsModel.CUSTOMER).data() == "李四 1111"
    assert visits.index(1, OpenVisitsModel.CUSTOMER).data() == f"散客 #{records['walk_in'].id}"
    assert visits.index(0, OpenVisitsModel.TOTAL).data() == "¥397.00"
    sales = SalesModel()
    sales.set_rows(records[SalesModel])
    assert "已退" in sales.index(0, SalesModel.STATUS).data()
