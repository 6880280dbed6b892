"""The owner's report page in the window's language, with its two charts drawn in the window.

English mode shows English titles, headings, row labels and footnotes from the very
figures the (Chinese) PDF and exports are made of; Chinese mode reads word for word
like the PDF. The per-day chart has one bar a day with that day's net received; the
payment mix has one slice per payment method.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt

from salon_desk.app import build_main_window
from salon_desk.care_figures import DEFINITIONS as CARE_DEFINITIONS
from salon_desk.reports.figure_rows import DEFINITIONS, all_sections, definitions
from salon_desk.segments import RFMFacts, at_risk_list, at_risk_reason, fixed_cuts, Measure, segment
from salon_desk.tenders import Tender
from salon_desk.ui import report_words
from salon_desk.ui.i18n import install_language

CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]")      # Chinese characters and full-width marks

# sections whose every text cell is a label (the others also hold names: services, technicians, customers)
LABEL_SECTIONS = {"revenue", "methods", "days", "categories", "customers", "tiers", "points", "key", "prepaid",
                  "appointments", "care_key", "complaints", "complaint_categories", "satisfaction", "followups",
                  "segments"}


@pytest.fixture
def month(shop, clock, owner, cashier, tech, tech2, items, new_member, new_customer, sell, owner_ok):
    """November 2026: a WeChat sale on the 22nd, a cash sale on the 23rd, a refund on the 26th."""
    zhang = new_member("张三", "13800000001", tier="gold", points=1000)
    li = new_customer("李四", "13800000002")
    first = sell(zhang.id, services=[items.cut, items.care], points=300)                    # 11-22, WeChat
    clock.set(2026, 11, 23, 16, 0)
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech2.id)
    cash = shop.sales.checkout(cashier, visit.id, [Tender("cash", 10000)])
    clock.set(2026, 11, 25, 11, 0)
    third = sell(li.id, services=[items.dye], products=[(items.serum, 1)])
    clock.set(2026, 11, 26, 10, 0)
    serum = [line for line in third.lines if line.kind == "product"][0]
    refund = shop.sales.refund(owner, third.sale_id, [serum.sale_line_id], reason="过敏", **owner_ok)
    clock.set(2026, 12, 3, 9, 0)
    back = sum(r.amount_fen for r in refund.refunds if r.kind == "refund")
    return {date(2026, 11, 22): first.amount_due_fen, date(2026, 11, 23): cash.amount_due_fen,
            date(2026, 11, 25): third.amount_due_fen, date(2026, 11, 26): -back}


@pytest.fixture
def english():
    install_language("en")
    yield
    install_language("zh_CN")


def reports_page(qtbot, shop, owner, language: str):
    window = build_main_window(shop, owner, language=language)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    page = window.pages["reports"]
    window.tabs.setCurrentWidget(page)
    assert (page.figures.year, page.figures.month) == (2026, 11)
    return page


def shown_section(page, title: str):
    titles = [page.sections.item(i).text() for i in range(page.sections.count())]
    page.sections.setCurrentRow(titles.index(title))
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    rows = [[page.model.index(r, c).data() for c in range(page.model.columnCount())]
            for r in range(page.model.rowCount())]
    return headers, rows


def test_in_english_the_page_reads_english_from_the_same_figures(qtbot, shop, owner, month, english):
    page = reports_page(qtbot, shop, owner, "en")
    assert page.title.text().endswith("— business report 2026-11"), page.title.text()
    assert "年" not in page.title.text() and "月" not in page.title.text()
    assert page.sections.item(0).text() == "Revenue"
    headers, rows = shown_section(page, "Revenue")
    assert headers == ["Item", "Amount / count"]
    net = page.figures.revenue.net_fen
    assert ["Net received", f"¥{net // 100:,}.{net % 100:02d}"] in rows
    assert any(row[0] == "Refunds (1)" for row in rows), "a label with its count put back"
    headers, rows = shown_section(page, "Payment methods")
    assert headers == ["Payment methods", "Received", "Refunded", "Net"]
    assert {row[0] for row in rows} == {"WeChat Pay", "Cash", "Total"}
    notes = page.notes.text()
    assert "Repurchase rate: the share of this period's customers" in notes
    assert not CJK.search(notes), notes
    for index in range(page.sections.count()):
        page.sections.setCurrentRow(index)
        section = page.model.section
        assert not CJK.search(section.title) and not any(CJK.search(h) for h in section.headers), section.title
        if section.key in LABEL_SECTIONS:
            for row in page.model._rows:
                texts = [v.raw for v in row.values if v.kind == "text"]
                assert not any(CJK.search(t) for t in texts), (section.key, texts)


def test_in_chinese_the_page_reads_like_the_pdf(qtbot, shop, owner, month):
    page = reports_page(qtbot, shop, owner, "zh_CN")
    f = page.figures
    for section in all_sections(f):
        assert report_words.section(section) == section, section.title
    assert page.notes.text() == "\n".join(definitions(f))
    assert page.title.text().endswith("2026年11月经营报表")


def test_the_day_chart_has_one_bar_a_day_with_its_net_received(qtbot, shop, owner, month, english):
    page = reports_page(qtbot, shop, owner, "en")
    chart = page.day_chart
    assert chart.isVisible() and chart.chart().title() == "Net received each day (yuan)"
    assert chart.days == [str(day) for day in range(1, 31)], "every day of November, one bar each"
    [axis, _amounts] = chart.chart().axes()
    assert axis.categoriesLabels() == ["1", "5", "10", "15", "20", "25", "30"], "day numbers a glance can read"
    values = chart.values()
    assert len(values) == 30
    expected = [month.get(date(2026, 11, day), 0) / 100 for day in range(1, 31)]
    assert values == pytest.approx(expected)
    assert values[21] == pytest.approx(month[date(2026, 11, 22)] / 100) and values[25] < 0, \
        "the 22nd's sale, the 26th's refund below the line"


def test_the_payment_mix_has_a_slice_per_method(qtbot, shop, owner, month, english):
    page = reports_page(qtbot, shop, owner, "en")
    shares = dict((label.rsplit(" ", 1)[0], value) for label, value in page.mix_chart.shares())
    received = {m.method: m.received_fen / 100 for m in page.figures.methods}
    assert shares == pytest.approx({"WeChat Pay": received["wechat"], "Cash": received["cash"]})
    labels = [label for label, _ in page.mix_chart.shares()]
    total = sum(received.values())
    assert f"WeChat Pay {received['wechat'] / total:.0%}" in labels, labels


def test_chinese_labels_of_the_charts(qtbot, shop, owner, month):
    page = reports_page(qtbot, shop, owner, "zh_CN")
    assert page.day_chart.chart().title() == "每日实收（元）"
    assert any(re.fullmatch(r"微信支付 \d+%", label) for label, _ in page.mix_chart.shares())


def test_segment_footnotes_and_at_risk_reasons_in_both_languages(qapp, english):
    facts = [RFMFacts(i, recency, freq, spent, spent * 2, interval)
             for i, (recency, freq, spent, interval) in enumerate(
                 [(400, 1, 5_000, None), (200, 2, 30_000, 35), (20, 6, 90_000, 20), (10, 9, 150_000, 15),
                  (95, 3, 40_000, 60), (300, 1, 8_000, 90)], start=1)]
    tertiles = segment(facts, date(2026, 11, 30))
    owners = segment(facts, date(2026, 11, 30), {Measure.RECENCY: fixed_cuts(Measure.RECENCY, mid=90, top=30)})
    lines = list(tertiles.sentences()) + list(owners.sentences()) + [
        at_risk_reason(s) for s in at_risk_list(tertiles)] + list(DEFINITIONS) + list(CARE_DEFINITIONS)
    assert len(lines) > len(DEFINITIONS) + len(CARE_DEFINITIONS) + 10
    english_lines = report_words.footnotes(lines)
    for chinese, translated in zip(lines, english_lines):
        assert not CJK.search(translated), (chinese, translated)
    install_language("zh_CN")
    assert report_words.footnotes(lines) == lines, "in Chinese the footnotes are the PDF's own"
