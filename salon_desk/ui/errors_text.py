"""The one place that turns an error code of the core into a sentence for the user.

Every code raised in ``salon_desk/`` has a sentence here (a test greps for
them); parameters such as amounts are formatted for people, never shown raw.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from ..errors import SalonError
from . import labels


def _fen(params: dict[str, Any], key: str) -> str:
    value = params.get(key)
    return labels.money(value) if isinstance(value, int) else str(value or "")


def _time(params: dict[str, Any], key: str) -> str:
    value = params.get(key)
    return value.strftime("%H:%M") if isinstance(value, datetime) else str(value or "")


def _messages() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        # logging in and staff
        "auth.bad_credentials": lambda p: QCoreApplication.translate("Errors", "Wrong staff name or password."),
        "auth.locked": lambda p: QCoreApplication.translate("Errors", "Too many wrong passwords: this account is locked until {until}.").format(until=_time(p, "until")),
        "auth.owner_required": lambda p: QCoreApplication.translate("Errors", "The owner's name or password is wrong; nothing was changed."),
        "perm.denied": lambda p: QCoreApplication.translate("Errors", "Your role ({role}) may not do this.").format(role=labels.role_name(p.get("role", ""))),
        "perm.inactive": lambda p: QCoreApplication.translate("Errors", "This staff account is no longer active."),
        "perm.not_own_line": lambda p: QCoreApplication.translate("Errors", "A technician may write notes only on their own services."),
        "perm.owner_password_required": lambda p: QCoreApplication.translate("Errors", "A refund or void needs the owner's name and password."),
        "password.too_short": lambda p: QCoreApplication.translate("Errors", "The password must have at least {min} characters.").format(min=p.get("min", 6)),
        "staff.bad_role": lambda p: QCoreApplication.translate("Errors", "Unknown role."),
        "staff.display_name_required": lambda p: QCoreApplication.translate("Errors", "Please enter the name shown on receipts."),
        "staff.username_required": lambda p: QCoreApplication.translate("Errors", "Please enter a login name."),
        "staff.username_taken": lambda p: QCoreApplication.translate("Errors", "The login name {username} is already used.").format(username=p.get("username", "")),
        "staff.cannot_demote_self": lambda p: QCoreApplication.translate("Errors", "You cannot remove your own owner role or deactivate yourself."),
        "staff.inactive": lambda p: QCoreApplication.translate("Errors", "{name} is no longer active.").format(name=p.get("name", "")),
        "staff.not_found": lambda p: QCoreApplication.translate("Errors", "This staff member does not exist."),
        "setup.shop_name_required": lambda p: QCoreApplication.translate("Errors", "Please enter the shop's name."),
        "setup.already_done": lambda p: QCoreApplication.translate("Errors", "This shop is already set up."),
        # customers
        "customer.not_found": lambda p: QCoreApplication.translate("Errors", "This customer file does not exist (it may have been erased)."),
        "customer.archived": lambda p: QCoreApplication.translate("Errors", "{name}'s file is archived. Restore it on the Customers page first.").format(name=p.get("name", "")),
        "customer.erased": lambda p: QCoreApplication.translate("Errors", "This customer's personal data was erased; the file cannot be changed."),
        "customer.phone_taken": lambda p: QCoreApplication.translate("Errors", "The phone number {phone} already belongs to {name}.").format(phone=p.get("phone", ""), name=p.get("name", "")),
        "customer.name_required": lambda p: QCoreApplication.translate("Errors", "Please enter the customer's name."),
        "customer.name_too_long": lambda p: QCoreApplication.translate("Errors", "The name is too long (at most 40 characters)."),
        "customer.bad_gender": lambda p: QCoreApplication.translate("Errors", "Unknown gender."),
        "customer.bad_region": lambda p: QCoreApplication.translate("Errors", "Unknown region type."),
        "customer.bad_skin_type": lambda p: QCoreApplication.translate("Errors", "Unknown skin type."),
        "customer.birthday_incomplete": lambda p: QCoreApplication.translate("Errors", "A birthday needs both the month and the day."),
        "customer.bad_birthday": lambda p: QCoreApplication.translate("Errors", "This birthday does not exist in the calendar."),
        "customer.consent_required": lambda p: QCoreApplication.translate("Errors", "Without the customer's consent to keep a file none is created: sell as a walk-in."),
        "customer.health_consent_required": lambda p: QCoreApplication.translate("Errors", "Allergy and health notes need the customer's separate consent."),
        "customer.refers_self": lambda p: QCoreApplication.translate("Errors", "A customer cannot refer themselves."),
        "customer.tag_too_long": lambda p: QCoreApplication.translate("Errors", "The preference \"{tag}\" is too long (at most 20 characters).").format(tag=p.get("tag", "")),
        "consent.bad_purpose": lambda p: QCoreApplication.translate("Errors", "Unknown consent purpose."),
        "phone.invalid": lambda p: QCoreApplication.translate("Errors", "\"{phone}\" is not a phone number.").format(phone=p.get("phone", "")),
        "merge.same_customer": lambda p: QCoreApplication.translate("Errors", "Choose two different files to merge."),
        "merge.open_visit": lambda p: QCoreApplication.translate("Errors", "{name} is in the shop now: check out or cancel the visit before merging.").format(name=p.get("name", "")),
        # membership and points
        "member.already": lambda p: QCoreApplication.translate("Errors", "Already a member ({member_no}).").format(member_no=p.get("member_no", "")),
        "member.required": lambda p: QCoreApplication.translate("Errors", "Only members can do this."),
        "member.consent_required": lambda p: QCoreApplication.translate("Errors", "The customer must agree to join: tick the consent box."),
        "member.sale_does_not_qualify": lambda p: QCoreApplication.translate("Errors", "This sale does not reach the amount needed to join."),
        "member.bad_tier": lambda p: QCoreApplication.translate("Errors", "Unknown tier."),
        "member.reason_required": lambda p: QCoreApplication.translate("Errors", "Please give a reason."),
        "member.not_lapsed": lambda p: QCoreApplication.translate("Errors", "This membership has not lapsed."),
        "points.negative": lambda p: QCoreApplication.translate("Errors", "Points cannot be negative."),
        "points.bad_step": lambda p: QCoreApplication.translate("Errors", "Points are redeemed in steps of {step}.").format(step=p.get("step", "")),
        "points.over_balance": lambda p: QCoreApplication.translate("Errors", "Only {balance} points are available, not {points}.").format(balance=p.get("balance", 0), points=p.get("points", 0)),
        "points.over_cap": lambda p: QCoreApplication.translate("Errors", "At most {limit} points can be used on this sale (you entered {points}).").format(limit=p.get("limit", 0), points=p.get("points", 0)),
        "points.reason_required": lambda p: QCoreApplication.translate("Errors", "Please give a reason for the points adjustment."),
        "points.zero": lambda p: QCoreApplication.translate("Errors", "Enter a number of points other than zero."),
        "gift.invalid": lambda p: QCoreApplication.translate("Errors", "A gift needs a name and a points price."),
        "gift.not_found": lambda p: QCoreApplication.translate("Errors", "This gift is not on the list."),
        "birthday.already_used": lambda p: QCoreApplication.translate("Errors", "The {perk} was already used in {year}.").format(perk=labels.perk_name(p.get("perk", "")), year=p.get("year", "")),
        "birthday.not_in_window": lambda p: QCoreApplication.translate("Errors", "Birthday perks are only for members on their birthday."),
        "birthday.line_not_in_sale": lambda p: QCoreApplication.translate("Errors", "The birthday service is not on this visit."),
        "birthday.not_a_service": lambda p: QCoreApplication.translate("Errors", "The birthday perk is a free service, not a product."),
        # catalogue, visits, lines
        "item.not_found": lambda p: QCoreApplication.translate("Errors", "This item is not in the catalogue."),
        "item.inactive": lambda p: QCoreApplication.translate("Errors", "{name} is no longer offered.").format(name=p.get("name", "")),
        "item.code_taken": lambda p: QCoreApplication.translate("Errors", "The code {code} is already used.").format(code=p.get("code", "")),
        "item.code_required": lambda p: QCoreApplication.translate("Errors", "Please enter a code."),
        "item.name_required": lambda p: QCoreApplication.translate("Errors", "Please enter a name."),
        "item.bad_category": lambda p: QCoreApplication.translate("Errors", "Choose a category."),
        "item.bad_kind": lambda p: QCoreApplication.translate("Errors", "Choose service or product."),
        "item.bad_price": lambda p: QCoreApplication.translate("Errors", "The price cannot be negative."),
        "item.unknown_field": lambda p: QCoreApplication.translate("Errors", "This field of an item cannot be changed."),
        "stock.zero": lambda p: QCoreApplication.translate("Errors", "Enter a stock change other than zero."),
        "visit.not_found": lambda p: QCoreApplication.translate("Errors", "This visit does not exist."),
        "visit.not_open": lambda p: QCoreApplication.translate("Errors", "This visit is already closed."),
        "visit.already_open": lambda p: QCoreApplication.translate("Errors", "{name} is already checked in.").format(name=p.get("name", "")),
        "visit.empty": lambda p: QCoreApplication.translate("Errors", "Add a service or product before checking out."),
        "line.not_found": lambda p: QCoreApplication.translate("Errors", "This line is no longer on the visit."),
        "line.technician_required": lambda p: QCoreApplication.translate("Errors", "Choose the technician who did the service."),
        "line.bad_quantity": lambda p: QCoreApplication.translate("Errors", "The quantity must be a whole number above zero."),
        "line.bad_price": lambda p: QCoreApplication.translate("Errors", "The price cannot be negative."),
        "line.reason_required": lambda p: QCoreApplication.translate("Errors", "Please give a reason for the price change."),
        # money and payment
        "money.bad_amount": lambda p: QCoreApplication.translate("Errors", "\"{text}\" is not an amount of money (e.g. 68 or 68.50).").format(text=p.get("text", "")),
        "money.bad_rate": lambda p: QCoreApplication.translate("Errors", "A discount rate cannot be negative."),
        "payment.short": lambda p: QCoreApplication.translate("Errors", "Payment is short by {missing}: the bill is {due}, {paid} was paid.").format(missing=_fen(p, "missing"), due=_fen(p, "due"), paid=_fen(p, "paid")),
        "payment.overpaid_noncash": lambda p: QCoreApplication.translate("Errors", "Card and phone payments add up to {paid}, more than the bill of {due}. Only cash can be over-tendered.").format(paid=_fen(p, "paid"), due=_fen(p, "due")),
        "payment.cash_not_needed": lambda p: QCoreApplication.translate("Errors", "The bill is already paid without the cash of {cash}: remove the cash payment.").format(cash=_fen(p, "cash")),
        "payment.not_positive": lambda p: QCoreApplication.translate("Errors", "A payment must be more than zero."),
        "payment.unknown_method": lambda p: QCoreApplication.translate("Errors", "Unknown payment method."),
        # sales, refunds, voids
        "sale.not_found": lambda p: QCoreApplication.translate("Errors", "This receipt does not exist."),
        "sale.voided": lambda p: QCoreApplication.translate("Errors", "Receipt {receipt_no} was voided.").format(receipt_no=p.get("receipt_no", "")),
        "void.not_same_day": lambda p: QCoreApplication.translate("Errors", "Receipt {receipt_no} is not from today: it can be refunded, not voided.").format(receipt_no=p.get("receipt_no", "")),
        "void.already_refunded": lambda p: QCoreApplication.translate("Errors", "Receipt {receipt_no} already has refunds: refund the remaining lines instead of voiding.").format(receipt_no=p.get("receipt_no", "")),
        "refund.no_lines": lambda p: QCoreApplication.translate("Errors", "Choose the lines of receipt {receipt_no} to refund.").format(receipt_no=p.get("receipt_no", "")),
        "customer.in_shop": lambda p: QCoreApplication.translate("Errors", "{name} is in the shop now: check out or cancel the visit before erasing the file.").format(name=p.get("name", "")),
        "refund.nothing_left": lambda p: QCoreApplication.translate("Errors", "Everything on receipt {receipt_no} was already refunded.").format(receipt_no=p.get("receipt_no", "")),
        "refund.line_not_in_sale": lambda p: QCoreApplication.translate("Errors", "A chosen line is not on this receipt."),
        "refund.line_already_refunded": lambda p: QCoreApplication.translate("Errors", "A chosen line was already refunded."),
        "refund.reason_required": lambda p: QCoreApplication.translate("Errors", "Please give the reason for the refund or void."),
        "refund.bad_kind": lambda p: QCoreApplication.translate("Errors", "Choose refund or void."),
        # settings
        "settings.unknown": lambda p: QCoreApplication.translate("Errors", "Unknown setting."),
        "settings.bad_tiers": lambda p: QCoreApplication.translate("Errors", "The tier table is incomplete."),
        "settings.bad_tier_value": lambda p: QCoreApplication.translate("Errors", "A value of the {tier} tier is out of range.").format(tier=labels.tier_name(p.get("tier"))),
        "settings.tiers_not_ascending": lambda p: QCoreApplication.translate("Errors", "Each tier must need at least as much as the one below and give at least the same discount ({tier}).").format(tier=labels.tier_name(p.get("tier"))),
        "settings.out_of_range": lambda p: QCoreApplication.translate("Errors", "{value} is out of range: between {low} and {high}.").format(value=p.get("value", ""), low=p.get("low", ""), high=p.get("high", "")),
        "settings.text_too_long": lambda p: QCoreApplication.translate("Errors", "The text is too long (at most {max} characters).").format(max=p.get("max", "")),
        "settings.bad_choice": lambda p: QCoreApplication.translate("Errors", "\"{value}\" is not one of the choices.").format(value=p.get("value", "")),
        "settings.bad_month_day": lambda p: QCoreApplication.translate("Errors", "\"{value}\" is not a date like 01-01 (month-day, day at most 28).").format(value=p.get("value", "")),
        # reports and files (raised by the printing and report steps)
        "report.bad_month": lambda p: QCoreApplication.translate("Errors", "\"{text}\" is not a month (e.g. 2026-11).").format(text=p.get("text", "")),
        "report.bad_date": lambda p: QCoreApplication.translate("Errors", "\"{text}\" is not a date (e.g. 2026-11-22).").format(text=p.get("text", "")),
        "report.bad_range": lambda p: QCoreApplication.translate("Errors", "The start date {start} is after the end date {end}.").format(start=p.get("start", ""), end=p.get("end", "")),
        "report.no_output": lambda p: QCoreApplication.translate("Errors", "Choose where to save the report."),
        "file.unwritable": lambda p: QCoreApplication.translate("Errors", "Cannot write {path}: choose another folder.").format(path=p.get("path", "")),
        "file.not_found": lambda p: QCoreApplication.translate("Errors", "The file {path} does not exist.").format(path=p.get("path", "")),
        "perm.no_owner": lambda p: QCoreApplication.translate("Errors", "This shop has no active owner account."),
        # the shop file
        "db.corrupt": lambda p: QCoreApplication.translate("Errors", "The shop file is damaged."),
        "db.locked": lambda p: QCoreApplication.translate("Errors", "The shop file is in use by another program."),
        "db.newer_version": lambda p: QCoreApplication.translate("Errors", "The shop file was written by a newer version of salon-desk."),
        "db.cannot_open": lambda p: QCoreApplication.translate("Errors", "The shop file cannot be opened."),
        # the encrypted shop file and its key
        "db.wrong_key": lambda p: QCoreApplication.translate("Errors", "The key does not open the shop file (it belongs to another shop, or the file is damaged)."),
        "db.key_missing": lambda p: QCoreApplication.translate("Errors", "The shop file is encrypted and this computer has no key for it."),
        "db.not_encrypted": lambda p: QCoreApplication.translate("Errors", "The shop file is not encrypted, although this computer keeps a key for it."),
        "db.already_encrypted": lambda p: QCoreApplication.translate("Errors", "The shop file is already encrypted."),
        "db.encrypt_failed": lambda p: QCoreApplication.translate("Errors", "The shop file could not be encrypted; it is unchanged."),
        "key.mistyped": lambda p: QCoreApplication.translate("Errors", "This is not a recovery key: check it for a typo (it has {expected} letters and digits).").format(expected=p.get("expected", 36)),
    }


def known_codes() -> set[str]:
    return set(_messages())


def message(error: SalonError) -> str:
    """The sentence for ``error`` in the current language."""
    builder = _messages().get(error.code)
    if builder is None:
        return QCoreApplication.translate("Errors", "Something went wrong ({code}).").format(code=error.code)
    try:
        return builder(error.params)
    except (KeyError, ValueError, IndexError):
        return QCoreApplication.translate("Errors", "Something went wrong ({code}).").format(code=error.code)
