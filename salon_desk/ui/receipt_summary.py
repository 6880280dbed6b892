"""A receipt on screen: lines, totals, payments and change, points, promotion or enrolment."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..records import ReceiptRecord
from . import labels
from .widgets import big_label


class ReceiptSummaryDialog(QDialog):
    def __init__(self, receipt: ReceiptRecord, reprint: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt = receipt
        self.setWindowTitle(self.tr("Receipt {no}").format(no=receipt.receipt_no))
        self.resize(520, 640)
        layout = QVBoxLayout(self)
        if receipt.change_fen:
            change = big_label(self.tr("Change {amount}").format(amount=labels.money(receipt.change_fen)), 26)
            change.setObjectName("change")
            change.setStyleSheet("color: #1b6e20;")
            layout.addWidget(change)
        news = self.news()
        if news:
            banner = big_label(news, 16)
            banner.setObjectName("news")
            banner.setStyleSheet("color: #c2185b;")
            banner.setWordWrap(True)
            layout.addWidget(banner)
        body = QLabel(self.body_html(reprint))
        body.setObjectName("body")
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox()
        self.done_button = self.buttons.addButton(self.tr("Done (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)
        self.done_button.setFocus()

    def news(self) -> str:
        r = self.receipt
        if r.enrolled:
            return self.tr("Welcome! Now a {tier}, member no. {no}").format(
                tier=labels.tier_name(r.tier or "regular"), no=r.member_no or "")
        if r.promoted_to:
            return self.tr("Promoted to {tier}! From the next visit.").format(tier=labels.tier_name(r.promoted_to))
        return ""

    def body_html(self, reprint: bool) -> str:
        r, esc, m = self.receipt, html.escape, labels.money
        out = [f"<h3>{esc(r.shop.name)}</h3>"]
        if reprint:
            reprint_text = self.tr("REPRINT")
            out.append(f"<p><b>{esc(reprint_text)}</b></p>")
        if r.status != "completed":
            out.append(f"<p style='color:#b00020'><b>{esc(labels.sale_status_name(r.status))}</b></p>")
        out.append(esc(self.tr("Receipt {no}").format(no=r.receipt_no)) + "<br>")
        out.append(esc(labels.when(r.created_at)) + " &nbsp; " +
                   esc(self.tr("Cashier: {name}").format(name=r.cashier_name)) + "<br>")
        if r.customer_id is not None:
            who = r.customer_name or self.tr("(erased)")
            out.append(esc(f"{who} {r.phone_masked}"))
            if r.member_no:
                out.append(" &nbsp; " + esc(f"{labels.tier_name(r.tier)} {r.member_no}"))
            out.append("<br>")
        out.append("<table width='100%' cellspacing='2'>")
        for line in r.lines:
            tech = f" ({esc(line.technician_name)})" if line.technician_name else ""
            qty = f" ×{line.quantity}" if line.quantity > 1 else ""
            flag = esc(self.tr(" (refunded)")) if line.refunded else ""
            out.append(f"<tr><td>{esc(line.name)}{qty}{tech}{flag}</td><td align='right'>"
                       f"{m(line.list_amount_fen)}</td><td align='right'>{m(line.amount_fen)}</td></tr>")
        out.append("</table><hr>")
        rows = [(self.tr("List total"), m(r.list_total_fen))]
        if r.member_discount_fen:
            rows.append((self.tr("Member discount"), "-" + m(r.member_discount_fen)))
        if r.birthday_discount_fen:
            rows.append((self.tr("Birthday free service"), "-" + m(r.birthday_discount_fen)))
        if r.points_discount_fen:
            rows.append((self.tr("Points ({points})").format(points=r.points_redeemed), "-" + m(r.points_discount_fen)))
        due_text = self.tr("Amount due")
        rows.append((f"<b>{esc(due_text)}</b>", f"<b>{m(r.amount_due_fen)}</b>"))
        for p in r.payments:
            text = labels.method_name(p.method)
            if p.tendered_fen:
                text += " " + self.tr("(tendered {amount})").format(amount=m(p.tendered_fen))
            rows.append((esc(text), m(p.amount_fen)))
        if r.change_fen:
            rows.append((esc(self.tr("Change")), m(r.change_fen)))
        if r.points_birthday_bonus:
            rows.append((esc(self.tr("Points earned (doubled for the birthday)")),
                         self.tr("{points} (of which birthday +{bonus})").format(points=r.points_earned,
                                                                                bonus=r.points_birthday_bonus)))
        elif r.points_earned or r.points_redeemed:
            rows.append((esc(self.tr("Points earned")), str(r.points_earned)))
        if r.points_balance is not None:
            rows.append((esc(self.tr("Points balance")), str(r.points_balance)))
        out.append("<table width='100%'>" + "".join(
            f"<tr><td>{a}</td><td align='right'>{b}</td></tr>" for a, b in rows) + "</table>")
        for refund in r.refunds:
            out.append("<p style='color:#b00020'>" + esc(self.tr("{kind} {amount} on {when} by {who}: {reason}").format(
                kind=self.tr("Void") if refund.kind == "void" else self.tr("Refund"), amount=m(refund.amount_fen),
                when=labels.when(refund.at), who=refund.authorised_by, reason=refund.reason)) + "</p>")
        if r.shop.footer:
            out.append(f"<p align='center'>{esc(r.shop.footer)}</p>")
        return "".join(out)

    @classmethod
    def ask(cls, parent: QWidget | None, receipt: ReceiptRecord, reprint: bool = False) -> None:
        cls(receipt, reprint, parent).exec()
