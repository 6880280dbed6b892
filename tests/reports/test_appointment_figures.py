"""The monthly report's appointments: booked, completed, cancelled, no-shows, rates, by technician."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from salon_desk.reports.exports import monthly_csv
from salon_desk.reports.figure_rows import appointment_technicians_section, appointments_section
from salon_desk.reports.monthly import render_monthly_report
from salon_desk.tenders import Tender

from pdf_helpers import pdf_text


def test_the_month_counts_the_book_and_the_share_of_visits_booked(shop, clock, owner, cashier, tech, tech2, items,
                                                                   sell, new_customer):
    customer = new_customer()
    book = shop.appointments
    who = dict(newcomer_name="甲", newcomer_phone="13900000001")
    came = book.book(cashier, [(items.cut.id, tech.id, datetime(2026, 11, 23, 10), 60, True)], customer_id=customer.id)
    gone = book.book(cashier, [(items.cut.id, tech.id, datetime(2026, 11, 23, 12), 60, False)], **who)
    missed = book.book(cashier, [(items.cut.id, tech2.id, datetime(2026, 11, 23, 14), 60, False)], **who)
    book.book(cashier, [(items.cut.id, tech2.id, datetime(2026, 11, 24, 14), 60, False)], **who)   # still ahead
    book.cancel(cashier, gone.id, "客人改期")
    clock.set(2026, 11, 23, 10, 0)
    visit = book.check_in(cashier, came.id)
    due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
    shop.sales.checkout(cashier, visit.id, [Tender("wechat", due)])
    sell(None, services=[items.wcb])                      # a walk-in without a booking
    clock.set(2026, 11, 23, 15, 0)
    book.no_show(cashier, missed.id)

    f = shop.reports.month(owner, 2026, 11)
    a = f.appointments
    assert (a.booked, a.completed, a.cancelled, a.no_shows) == (4, 1, 1, 1)
    assert a.no_show_rate.percent() == "33.3%"            # 1 of the 3 not cancelled
    assert a.booked_share.percent() == "50.0%"            # 1 of 2 visits had been booked
    by_tech = {t.name: (t.booked, t.completed, t.cancelled, t.no_shows) for t in a.technicians}
    assert by_tech == {"王师傅": (2, 1, 1, 0), "李师傅": (2, 0, 0, 1)}

    section = appointments_section(f)
    assert [(r[0].text(), r[1].text()) for r in section.rows][4:] == [
        ("爽约率（爽约 ÷ 未取消的预约）", "33.3%"), ("预约到店占比（预约到店 ÷ 到店人次）", "50.0%")]
    text = pdf_text(render_monthly_report(f))
    assert "预约（按技师）" in text and "爽约率" in text
    rows = list(csv.reader(io.StringIO(monthly_csv(f).decode("utf-8-sig"))))
    assert ["预约（按技师）", "李师傅", "2", "0", "0", "1", "50.0%"] in rows
    assert appointment_technicians_section(f).headers[-1] == "爽约率"
