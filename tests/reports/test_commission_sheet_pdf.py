"""The commission sheet and the day close print: A4 sheet with a page per technician, Z report on 80 mm and A4."""

from datetime import date

from salon_desk.commission import SERVICE, Band, Rule
from salon_desk.reports.commission_sheet import render_commission_sheet, render_shift_report
from salon_desk.tenders import Tender


def test_the_sheet_and_the_z_report_render(shiftless, shop, owner, cashier, tech, tech2, items, new_member, tmp_path):
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), category="hair", designated_permille=120,
                                         rotation_permille=80, bands=(Band(0, 0), Band(20_000, 20))))
    shop.shifts.open(cashier, 50000)
    zhang = new_member(tier="gold")
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id, designated=True)
    shop.commission.set_assistants(cashier, line.id, [(tech2.id, 300)])
    shop.sales.checkout(cashier, visit.id, [Tender("cash", 31040)])
    shop.commission.adjust(owner, tech.id, 2026, 11, -1_500, "工具损坏赔偿")
    sheet = shop.commission.sheet(owner, 2026, 11)
    pdf = render_commission_sheet(sheet)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 1
    from pdf_helpers import pdf_pages
    summary, *pages = [p.extract_text() for p in pdf_pages(pdf)]
    lead_page = [p for p in pages if "王师傅" in p][0]
    # 王师傅: ¥26.07 (the worked example) - ¥15.00 adjustment = ¥11.07 net, on the summary and his page
    assert "工具损坏赔偿" in summary and "￥11.07" in summary and "-￥15.00" in summary
    assert "王师傅" in lead_page and "工具损坏赔偿（老板）" in lead_page
    assert "应发\n￥26.07\n￥0.00\n￥0.00\n￥0.00\n￥0.00\n￥0.00\n-￥15.00\n￥11.07" in lead_page
    assert "逐行合计 1 行 ￥26.07" in lead_page
    z = shop.shifts.close(cashier, 81040, 50000)
    for paper in ("80mm", "A4"):
        out = render_shift_report(z, paper)
        assert out.startswith(b"%PDF")
        (tmp_path / f"z-{paper}.pdf").write_bytes(out)
    (tmp_path / "sheet.pdf").write_bytes(pdf)


def test_a_technician_finds_every_line_on_their_pages_with_the_header_on_each(shop, owner, cashier, tech, tech2,
                                                                             items, new_member):
    from datetime import datetime

    from salon_desk.commission import CommissionSheet, SheetLine, TechnicianSheet

    from pdf_helpers import assert_font_embedded, pdf_pages, pdf_text

    lines = tuple(SheetLine(date(2026, 11, 1 + i % 28), f"20261101{i:04d}", "张*", "烫发（陶瓷烫）长发", "service",
                            i % 2 == 0, "lead" if i % 3 else "assistant", 30000 + i, 700 if i % 3 else 300,
                            21000, i % 5 == 0, "#3 v2", 120, 0, 2520 + i, i == 7) for i in range(150))
    t = TechnicianSheet(9, "王师傅", "发型师", 75, 75, 100, 50, 4_500_000, 4_000_000, 500_000, 380_000, 0, 0, 0, 0,
                        (), -2527, ("202611010007",), 377_473, lines)
    pdf = render_commission_sheet(CommissionSheet("丽人坊", 2026, 11, False, datetime(2026, 12, 1), (t,)))
    assert_font_embedded(pdf)
    pages = [p.extract_text() for p in pdf_pages(pdf)]
    assert len(pages) >= 3                                   # the summary and at least two pages of lines
    for page in pages[1:]:
        assert "小票号" in page and "提成" in page              # the header row repeated on every page
    text = pdf_text(pdf)
    for i in range(150):
        assert f"20261101{i:04d}" in text and f"￥{(2520 + i) / 100:.2f}" in text
    assert "202611010007（退）" in text and "￥300.07·卡" not in text and "￥300.05·卡" in text
    assert "￥3,774.73" in text or "￥3774.73" in text
