"""The year's books as one XLSX workbook, written month by month (openpyxl's write-only mode).

Four sheets in the house style of the monthly XLSX (title, period, headings on
row 4, money as numbers in yuan formatted ￥#,##0.00): 月度汇总 (a row a month
and the year's total), 销售 (a row per sale, refund and void), 明细 (a row per
sale line) and 储值卡充值 (top-ups). The workbook is saved beside the target
under a temporary name and renamed over it at the end; ``discard`` leaves nothing.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ..errors import InvalidInput
from ..tenders import METHODS
from ..year_export import LineRow, MoneyRow, MonthTotals, TopUpRow, YearHeader, YearMonth
from . import labels
from .exports import FORMATS, HEADER_ROW

MONEY = FORMATS["fen"]
WHEN = "yyyy-mm-dd hh:mm"
HEAD_FILL = PatternFill("solid", fgColor="EAD9DB")
BOLD = Font(bold=True)
TENDERS = tuple(labels.method(m) for m in METHODS)

SUMMARY = "月度汇总"
SALES = "销售"
LINES = "明细"
TOPUPS = "储值卡充值"
SUMMARY_HEAD = ("月份", "小票数", "标价合计", "会员折扣", "生日优惠", "积分抵扣", "应收合计", "退款笔数", "退款金额",
                "实收净额", "作废笔数", "作废金额", *TENDERS, "储值卡充值笔数", "充值实收", "充值赠送", "次卡售出数",
                "次卡金额")
SALES_HEAD = ("日期时间", "小票号", "类型", "顾客", "会员号", "技师", "标价金额", "会员折扣", "生日优惠", "积分抵扣",
              "应收金额", *TENDERS, "获得积分", "使用积分", "备注")
LINES_HEAD = ("日期时间", "小票号", "状态", "类别", "编码", "项目", "分类", "技师", "指定", "数量", "单价", "标价金额",
              "会员折扣", "生日优惠", "折后金额", "积分抵扣", "实收金额")
TOPUPS_HEAD = ("日期时间", "小票号", "顾客", "会员号", "卡号", "收款方式", "实付金额", "赠送金额", "入卡合计", "经办人")
KINDS = {"service": "服务", "product": "产品", "package": "次卡"}


def yuan(fen: int) -> Decimal:
    """Fen as an exact number of yuan (never a float)."""
    return Decimal(fen) / 100


class YearWorkbook:
    """The sink of ``shop.year_export.export``: one XLSX at ``target``, or nothing."""

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        self.partial = self.target.with_name(self.target.name + ".partial")
        self.wb: Workbook | None = None
        self._sales = [0] * (len(SALES_HEAD))
        self._lines = [0] * (len(LINES_HEAD))
        self._topups = [0] * (len(TOPUPS_HEAD))
        self._styled: dict[tuple[str, int], WriteOnlyCell] = {}

    # -- cells --------------------------------------------------------------
    def _cell(self, ws, value, fmt: str | None = None, bold: bool = False) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = BOLD
        return cell

    def _money(self, ws, fen: int, bold: bool = False) -> WriteOnlyCell:
        return self._cell(ws, yuan(fen), MONEY, bold)

    def _at(self, ws, col: int, value: object, fmt: str = MONEY) -> WriteOnlyCell:
        """The styled cell of column ``col`` of ``ws``, holding ``value`` (fen as yuan for money). A
        write-only sheet writes each appended row at once, so one styled cell per column serves every row:
        a busy year's two million cells are not each built and styled again."""
        cell = self._styled.get((ws.title, col))
        if cell is None:
            cell = self._styled[(ws.title, col)] = self._cell(ws, None, fmt)
        cell.value = yuan(value) if fmt == MONEY else value
        return cell

    def _sheet(self, title: str, heading: str, headers: tuple[str, ...], widths: dict[int, int]):
        assert self.wb is not None
        ws = self.wb.create_sheet(title)
        for col in range(1, len(headers) + 1):
            ws.column_dimensions[get_column_letter(col)].width = widths.get(col, 13)
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        ws.append([self._cell(ws, f"{heading} · {title}", bold=True)])
        ws.append([self._cell(ws, self._period)])
        ws.append([])
        head = []
        for text in headers:
            cell = self._cell(ws, text, bold=True)
            cell.fill = HEAD_FILL
            head.append(cell)
        ws.append(head)
        return ws

    # -- the sink -------------------------------------------------------------
    def begin(self, header: YearHeader) -> None:
        folder = self.target.parent if str(self.target.parent) else Path(".")
        if self.target.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK) or (
                self.target.exists() and not os.access(self.target, os.W_OK)):
            raise InvalidInput("file.unwritable", path=str(self.target))
        self.header = header
        heading = f"{header.shop_name or '本店'} {header.year}年账目"
        self._period = (f"统计期间 {header.year}-01-01 至 {header.last_day:%Y-%m-%d}，生成于 "
                        f"{header.generated_at:%Y-%m-%d %H:%M}；金额单位：元；收款方式各列为收款减退款；"
                        f"储值卡充值为预收款，不计入营业收入；不含顾客手机号")
        self.wb = Workbook(write_only=True)
        self.wb.properties.title = heading
        self.wb.properties.creator = "salon-desk"
        self.summary = self._sheet(SUMMARY, heading, SUMMARY_HEAD, {1: 10})
        self.sales = self._sheet(SALES, heading, SALES_HEAD, {1: 17, 2: 16, 3: 13, 4: 12, 6: 16, len(SALES_HEAD): 26})
        self.lines = self._sheet(LINES, heading, LINES_HEAD, {1: 17, 2: 16, 3: 18, 6: 20})
        self.topups = self._sheet(TOPUPS, heading, TOPUPS_HEAD, {1: 17, 2: 16, 5: 14})

    def month(self, data: YearMonth) -> None:
        self.summary.append(self._summary_row(data.label, data.totals))
        for row in data.money_rows:
            self.sales.append(self._sale_row(row))
        for line in data.lines:
            self.lines.append(self._line_row(line))
        for top in data.topups:
            self.topups.append(self._topup_row(top))

    def finish(self, totals: MonthTotals) -> Path:
        assert self.wb is not None
        self.summary.append(self._summary_row("全年合计", totals, bold=True))
        self.sales.append(self._total_row(self.sales, self._sales, first_money=6))
        self.lines.append(self._total_row(self.lines, self._lines, first_money=9))
        self.topups.append(self._total_row(self.topups, self._topups, first_money=6))
        try:
            self.wb.save(self.partial)
            self.partial.replace(self.target)
        except OSError:
            self.partial.unlink(missing_ok=True)
            raise InvalidInput("file.unwritable", path=str(self.target)) from None
        self.wb = None
        return self.target

    def discard(self) -> None:
        """Nothing is left: neither the partial workbook nor openpyxl's own temporary sheets."""
        if self.wb is not None:
            for ws in self.wb.worksheets:
                rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
                try:
                    if rows is not None:
                        rows.close()            # ends the sheet's stream before its file is closed
                    if writer is not None:
                        writer.close()
                        writer.cleanup()        # openpyxl's temporary file of the sheet
                except (OSError, ValueError, StopIteration):
                    pass
            self.wb = None
        self.partial.unlink(missing_ok=True)

    # -- rows -----------------------------------------------------------------
    def _summary_row(self, label: str, t: MonthTotals, bold: bool = False) -> list[WriteOnlyCell]:
        ws = self.summary
        count = lambda n: self._cell(ws, n, "#,##0", bold)     # noqa: E731
        money = lambda f: self._money(ws, f, bold)              # noqa: E731
        return [self._cell(ws, label, bold=bold), count(t.receipts), money(t.list_fen), money(t.member_discount_fen),
                money(t.birthday_discount_fen), money(t.points_discount_fen), money(t.amount_due_fen),
                count(t.refunds), money(t.refunds_fen), money(t.net_fen), count(t.voids), money(t.voids_fen),
                *(money(a) for a in t.tenders.amounts), count(t.topups), money(t.topup_paid_fen),
                money(t.topup_bonus_fen), count(t.packages_sold), money(t.packages_fen)]

    def _sale_row(self, r: MoneyRow) -> list[object]:
        ws = self.sales
        amounts = (r.list_fen, r.member_discount_fen, r.birthday_discount_fen, r.points_discount_fen,
                   r.amount_due_fen, *r.tenders.amounts)
        for i, a in enumerate(amounts):
            self._sales[6 + i] += a
        self._sales[6 + len(amounts)] += r.points_earned
        self._sales[7 + len(amounts)] += r.points_used
        return [self._at(ws, 0, r.at, WHEN), r.receipt_no, r.kind, r.customer, r.member_number, r.technicians,
                *(self._at(ws, 6 + i, a) for i, a in enumerate(amounts)), r.points_earned, r.points_used, r.note]

    def _line_row(self, line: LineRow) -> list[object]:
        ws = self.lines
        self._lines[9] += line.quantity
        amounts = (line.list_fen, line.member_discount_fen, line.birthday_discount_fen, line.amount_fen,
                   line.points_share_fen, line.paid_fen)
        for i, a in enumerate(amounts):
            self._lines[11 + i] += a
        return [self._at(ws, 0, line.at, WHEN), line.receipt_no, line.status, KINDS.get(line.kind, line.kind),
                line.code, line.name, labels.category(line.category), line.technician,
                "指定" if line.designated else "", line.quantity, self._at(ws, 10, line.unit_price_fen),
                *(self._at(ws, 11 + i, a) for i, a in enumerate(amounts))]

    def _topup_row(self, t: TopUpRow) -> list[object]:
        ws = self.topups
        for i, a in enumerate((t.paid_fen, t.bonus_fen, t.to_card_fen)):
            self._topups[6 + i] += a
        return [self._at(ws, 0, t.at, WHEN), t.receipt_no, t.customer, t.member_number, t.card_no,
                labels.method(t.method), self._at(ws, 6, t.paid_fen), self._at(ws, 7, t.bonus_fen),
                self._at(ws, 8, t.to_card_fen), t.staff]

    def _total_row(self, ws, sums: list[int], first_money: int) -> list[object]:
        """The year's 合计 under a sheet: its money columns summed (and the counts of 明细's quantity
        and 销售's points)."""
        headers = {id(self.sales): SALES_HEAD, id(self.lines): LINES_HEAD, id(self.topups): TOPUPS_HEAD}[id(ws)]
        row: list[object] = [self._cell(ws, "合计", bold=True)]
        for col in range(1, len(headers)):
            title = headers[col]
            if col < first_money or title in ("单价", "备注", "经办人", "收款方式"):
                row.append(None)
            elif title in ("数量", "获得积分", "使用积分"):
                row.append(self._cell(ws, sums[col], "#,##0", bold=True))
            else:
                row.append(self._money(ws, sums[col], bold=True))
        return row
