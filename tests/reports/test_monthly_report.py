"""The monthly report PDF, XLSX and CSV print the same figures, in Chinese, with the font embedded."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from salon_desk.report_figures import Rate
from salon_desk.reports.exports import HEADER_ROW, SHEET_NAMES, monthly_csv, monthly_xlsx
from salon_desk.reports.figure_rows import DEFINITIONS, all_sections
from salon_desk.reports.monthly import render_monthly_report

from pdf_helpers import assert_font_embedded, assert_glyphs_exist, pdf_pages, pdf_text, pdf_words

@pytest.fixture
def december(month_shop, shop, owner):
    return shop.reports.month(owner, 2026, 12)


@pytest.fixture
def pdf(december):
    return render_monthly_report(december)


def test_report_is_a4_chinese_and_embeds_its_font(pdf, december):
    pages = pdf_pages(pdf)
    assert 2 <= len(pages) <= 7
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842 for p in pages)
    assert_font_embedded(pdf)
    text = pdf_text(pdf)
    assert_glyphs_exist(text)
    for label in ("丽人坊 月度经营报表", "2026年12月", "统计期间：2026-12-01 至 2026-12-31", "营业收入", "标价合计",
                  "会员折扣", "生日优惠", "积分抵扣", "实收净额", "收款方式", "微信支付", "现金", "支付宝", "银行卡",
                  "小票数", "平均客单价", "作废单", "每日营业", "每日实收（元）", "项目分类", "美发", "产品",
                  "热门服务", "染发", "技师业绩", "王师傅", "李师傅", "客户", "新客户", "新入会会员", "会员升级",
                  "流失会员", "期末会员等级分布", "银卡会员", "金卡会员", "积分", "期末积分余额", "折合金额",
                  "关键指标", "复购率", "转介绍率", "每日明细", f"第 1 页 / 共 {len(pages)} 页"):
        assert label in text, label
    for line in DEFINITIONS:
        assert line[:12] in text.replace("\n", "")
    for label in ("服务质量关键指标", "投诉率", "24 小时内首次回应率", "投诉类别", "满意度", "回访按时完成率",
                  "客户分类", "风险客户"):
        assert label in text, label


def test_every_figure_of_every_section_is_on_the_pdf(pdf, december):
    words = pdf_words(pdf)
    text = pdf_text(pdf)
    for section in all_sections(december):
        for row in list(section.rows) + ([section.total] if section.total else []):
            for value in row:
                printed = value.text()
                if not printed:
                    continue
                if value.kind == "text":
                    assert printed in text, (section.title, printed)
                else:
                    assert printed in words, (section.title, printed)
    rev = december.revenue
    net = f"￥{rev.net_fen // 100:,}.{rev.net_fen % 100:02d}"
    assert net in words and "50.0%" in words and "-￥129.00" in words


def _sheet_rows(wb, key):
    ws = wb[SHEET_NAMES[key]]
    return [[c.value for c in row] for row in ws.iter_rows(min_row=HEADER_ROW + 1) if row[0].value is not None]


def test_xlsx_figures_equal_the_pdf(pdf, december):
    wb = load_workbook(io.BytesIO(monthly_xlsx(december)))
    words = pdf_words(pdf)
    assert [ws.title for ws in wb.worksheets] == [SHEET_NAMES[s.key] for s in all_sections(december)]
    for section in all_sections(december):
        rows = _sheet_rows(wb, section.key)
        expected = list(section.rows) + ([section.total] if section.total else [])
        assert len(rows) >= len(expected), section.key
        for got, want in zip(rows, expected):
            for cell, value in zip(got, want):
                if value.kind == "fen":
                    assert Decimal(str(cell)) == Decimal(value.raw) / 100
                    assert value.text() in words            # the same number is on the PDF
                elif value.kind in ("count", "points"):
                    assert cell == value.raw and value.text() in words
                elif value.kind == "rate":
                    rate: Rate = value.raw
                    assert cell == pytest.approx(rate.value, abs=1e-4) and rate.percent() in words
                else:
                    assert (cell or "") == value.raw
    revenue = dict((r[0], r[1]) for r in _sheet_rows(wb, "revenue"))
    assert Decimal(str(revenue["实收净额"])) == Decimal(december.revenue.net_fen) / 100
    assert wb[SHEET_NAMES["revenue"]]["B5"].number_format.startswith('"￥"#,##0.00')


def test_csv_carries_the_same_figures(december):
    raw = monthly_csv(december)
    assert raw.startswith("\ufeff".encode("utf-8")), "Excel needs the BOM to read Chinese"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    by_label = {(r[0], r[1]): r[2:] for r in rows if len(r) > 2}
    rev = december.revenue
    assert by_label[("营业收入", "实收净额")] == [f"{rev.net_fen // 100}.{rev.net_fen % 100:02d}"]
    assert by_label[("营业收入", "小票数")] == [str(rev.receipts)]
    assert by_label[("关键指标", "复购率")][0] == "50.0%"
    methods = {r[1]: r[2:] for r in rows if r and r[0] == "收款方式" and r[1] != "收款方式"}
    assert methods["微信支付"][1] == "129.00"
    days = [r for r in rows if r and r[0] == "每日营业" and r[1][:2] == "12"]
    assert len(days) == 31
    assert any(r[:1] == ["定义"] and r[1].startswith("复购率") for r in rows)


def test_empty_month_still_renders(shop, owner):
    f = shop.reports.month(owner, 2030, 2)
    data = render_monthly_report(f)
    assert "2030年2月" in pdf_text(data)
    assert monthly_xlsx(f) and monthly_csv(f)
