"""The commission sheet and the day close print: A4 sheet with a page per technician, Z report on 80 mm and A4."""

from datetime import date

from salon_desk.commission import SERVICE, Band, Rule
from salon_desk.reports.commission_sheet import render_commission_sheet, render_shift_report
from salon_desk.tenders import Tender


def test_the_sheet_and_the_z_report_render(shop, owner, cashier, tech, tech2, items, new_member, tmp_path):
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), category="hair", designated_permille=120,
                                         rotation_permille=80, bands=(Band(0, 0), Band(20_000, 20))))
    shop.shifts.open(cashier, 50000)
    zhang = new_member(tier="gold")
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id, designated=True)
    shop.commission.set_assistants(cashier, line.id, [(tech2.id, 300)])
    shop.sales.checkout(cashier, visit.id, [Tender("cash", 31040)])
    sheet = shop.commission.sheet(owner, 2026, 11)
    pdf = render_commission_sheet(sheet)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 1
    z = shop.shifts.close(cashier, 81040, 50000)
    for paper in ("80mm", "A4"):
        out = render_shift_report(z, paper)
        assert out.startswith(b"%PDF")
        (tmp_path / f"z-{paper}.pdf").write_bytes(out)
    (tmp_path / "sheet.pdf").write_bytes(pdf)
