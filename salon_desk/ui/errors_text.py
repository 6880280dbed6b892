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


def _dimension(code: str) -> str:
    names = {
        "attitude": QCoreApplication.translate("Errors", "service attitude"),
        "technique": QCoreApplication.translate("Errors", "technique"),
        "environment": QCoreApplication.translate("Errors", "environment"),
    }
    return names.get(code, code)


def _messages() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        # logging in and staff
        "auth.bad_credentials": lambda p: QCoreApplication.translate("Errors", "Wrong staff name or password."),
        "auth.authorisation_locked": lambda p: QCoreApplication.translate("Errors", "Too many wrong owner passwords at this counter: the owner's authorisation is locked here until {until}. The owner can still log in.").format(until=_time(p, "until")),
        "auth.locked": lambda p: QCoreApplication.translate("Errors", "Too many wrong passwords: this account is locked until {until}.").format(until=_time(p, "until")),
        "auth.owner_required": lambda p: QCoreApplication.translate("Errors", "The owner's name or password is wrong; nothing was changed."),
        "perm.denied": lambda p: QCoreApplication.translate("Errors", "Your role ({role}) may not do this.").format(role=labels.role_name(p.get("role", ""))),
        "perm.inactive": lambda p: QCoreApplication.translate("Errors", "This staff account is no longer active."),
        "perm.not_logged_in": lambda p: QCoreApplication.translate("Errors", "Please log in again: this session has ended."),
        "perm.not_your_customer": lambda p: QCoreApplication.translate("Errors", "A technician sees a customer's file only while that customer is in the shop with them."),
        "customer.birthday_needs_owner": lambda p: QCoreApplication.translate("Errors", "Moving a member's birthday to today needs the owner's authorisation."),
        "print.bad_kind": lambda p: QCoreApplication.translate("Errors", "This kind of printout is not known."),
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
        "birthday.package_line": lambda p: QCoreApplication.translate("Errors", "A service paid by a package session cannot also be the birthday free service."),
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
        "payment.over_card_balance": lambda p: QCoreApplication.translate("Errors", "The stored-value card holds {balance}: it cannot pay {paid}.").format(balance=_fen(p, "balance"), paid=_fen(p, "paid")),
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
        # shifts (交班)
        "shift.not_open": lambda p: QCoreApplication.translate("Errors", "No shift is open: open a shift with the float counted in the drawer before taking money."),
        "shift.already_open": lambda p: QCoreApplication.translate("Errors", "A shift is already open: close it first."),
        "shift.bad_count": lambda p: QCoreApplication.translate("Errors", "\"{text}\" is not a count of cash (e.g. 1468.50).").format(text=p.get("text", "")),
        "shift.float_over_count": lambda p: QCoreApplication.translate("Errors", "The float left in the drawer cannot be more than the cash counted."),
        "shift.reason_required": lambda p: QCoreApplication.translate("Errors", "The drawer is {variance} against what was expected: give the reason and the owner's password.").format(variance=_fen(p, "variance")),
        "shift.not_found": lambda p: QCoreApplication.translate("Errors", "There is no day close number {z_no}.").format(z_no=p.get("z_no", "")),
        # commission (提成)
        "commission.bad_rate": lambda p: QCoreApplication.translate("Errors", "A commission rate must be between 0% and 100%."),
        "commission.bad_kind": lambda p: QCoreApplication.translate("Errors", "A commission rule is for services, products or card sales."),
        "commission.bad_fee": lambda p: QCoreApplication.translate("Errors", "A labour fee cannot be negative."),
        "commission.bad_dates": lambda p: QCoreApplication.translate("Errors", "A rule must end after the day it starts."),
        "commission.bad_tier_mode": lambda p: QCoreApplication.translate("Errors", "Monthly tiers are progressive or retroactive."),
        "commission.bad_bands": lambda p: QCoreApplication.translate("Errors", "Each tier band must start above the one before."),
        "commission.shares_not_100": lambda p: QCoreApplication.translate("Errors", "The shares on a line must make exactly 100% with one lead technician (now {total}%).").format(total=p.get("total", 0) / 10),
        "commission.bad_level": lambda p: QCoreApplication.translate("Errors", "Please name the level (e.g. 助理, 发型师, 总监)."),
        "commission.rule_not_found": lambda p: QCoreApplication.translate("Errors", "That commission rule does not exist."),
        "visit.line_not_found": lambda p: QCoreApplication.translate("Errors", "That line is no longer on the visit."),
        "commission.adjustment_zero": lambda p: QCoreApplication.translate("Errors", "An adjustment needs an amount other than zero (a minus sign takes money off)."),
        "commission.adjustment_reason": lambda p: QCoreApplication.translate("Errors", "Please say why the commission is adjusted."),
        "commission.bad_bands_text": lambda p: QCoreApplication.translate("Errors", "Write the tiers as from-amount:percent pairs separated by commas, e.g. 0:0, 20000:2."),
        "commission.month_settled": lambda p: QCoreApplication.translate("Errors", "Commission for {year}-{month:02d} is settled and cannot be changed; put the correction into {next_year}-{next_month:02d}, the next month not settled.").format(year=p.get("year", 0), month=p.get("month", 0), next_year=p.get("next_year", p.get("year", 0)), next_month=p.get("next_month", p.get("month", 0))),
        # stored-value cards and session packages
        "card.bad_entry": lambda p: QCoreApplication.translate("Errors", "This card entry is not possible; nothing was written."),
        "card.reason_required": lambda p: QCoreApplication.translate("Errors", "Please give a reason for this card entry."),
        "card.over_balance": lambda p: QCoreApplication.translate("Errors", "The card holds {balance}: it cannot pay {amount}.").format(balance=_fen(p, "balance"), amount=_fen(p, "amount")),
        "card.spend_not_positive": lambda p: QCoreApplication.translate("Errors", "An amount paid from the card must be more than zero."),
        "card.topup_not_positive": lambda p: QCoreApplication.translate("Errors", "A top-up must be more than zero."),
        "card.topup_by_card": lambda p: QCoreApplication.translate("Errors", "A top-up cannot be paid with the card itself: take cash, WeChat, Alipay or a bank card."),
        "card.cash_topup_too_large": lambda p: QCoreApplication.translate("Errors", "A cash top-up of {amount} is not accepted (cash only below {limit}): take it by WeChat, Alipay or bank card.").format(amount=_fen(p, "amount"), limit=_fen(p, "limit")),
        "card.unnamed_disabled": lambda p: QCoreApplication.translate("Errors", "Cards without a name are turned off in the settings."),
        "card.over_unnamed_limit": lambda p: QCoreApplication.translate("Errors", "A card without a name may hold at most {limit} of principal; this top-up would make {after}.").format(limit=_fen(p, "limit"), after=_fen(p, "after")),
        "card.over_named_limit": lambda p: QCoreApplication.translate("Errors", "The card's principal would reach {after}, above the named-card limit: the owner must authorise it.").format(after=_fen(p, "after")),
        "card.bad_rule": lambda p: QCoreApplication.translate("Errors", "A top-up rule needs an amount above zero, a bonus not below zero and a known tier."),
        "card.duplicate_rule": lambda p: QCoreApplication.translate("Errors", "Two top-up rules have the same amount {pay}.").format(pay=_fen(p, "pay")),
        "card.refund_over_taken": lambda p: QCoreApplication.translate("Errors", "Only {left} of this receipt's card payment is left to give back, not {amount}.").format(left=_fen(p, "left"), amount=_fen(p, "amount")),
        "card.nothing_to_move": lambda p: QCoreApplication.translate("Errors", "The card is empty: there is nothing to transfer."),
        "card.nothing_to_refund": lambda p: QCoreApplication.translate("Errors", "The card has no balance left to refund (it may already have been refunded)."),
        "card.cooling_off_over": lambda p: QCoreApplication.translate("Errors", "No top-up on this card is within the last 7 days: choose another refund mode."),
        "package.bad_terms": lambda p: QCoreApplication.translate("Errors", "A package needs at least one service and one session, no negative price or gifted sessions, and a validity of at least one day if it has one."),
        "package.not_owner": lambda p: QCoreApplication.translate("Errors", "This package belongs to another customer."),
        "package.service_not_covered": lambda p: QCoreApplication.translate("Errors", "This service is not part of the package."),
        "package.used_up": lambda p: QCoreApplication.translate("Errors", "No sessions are left in this package."),
        "package.expired": lambda p: QCoreApplication.translate("Errors", "This package expired on {date}: the owner can extend it, and its sessions are kept.").format(date=labels.when(p.get("expired_on"))),
        "package.refunded": lambda p: QCoreApplication.translate("Errors", "This package was refunded."),
        "package.use_not_found": lambda p: QCoreApplication.translate("Errors", "This session is not recorded on the package."),
        "package.bad_extension": lambda p: QCoreApplication.translate("Errors", "The new expiry date must be after {date}.").format(date=labels.when(p.get("expires_on"))),
        "package.cooling_off_over": lambda p: QCoreApplication.translate("Errors", "The package was sold more than 7 days ago: choose another refund mode."),
        "refund.bad_interest_rate": lambda p: QCoreApplication.translate("Errors", "The interest rate cannot be negative."),
        "refund.rate_not_understood": lambda p: QCoreApplication.translate("Errors", "\"{rate}\" is not an interest rate: type the % a year with at most two decimals, e.g. 3.45.").format(**p),
        "refund.bad_mode": lambda p: QCoreApplication.translate("Errors", "Choose how the refund is valued."),
        "card.customer_required": lambda p: QCoreApplication.translate("Errors", "Only a customer with a file can pay with a stored-value card."),
        "card.not_found": lambda p: QCoreApplication.translate("Errors", "This customer has no stored-value card yet."),
        "card.terms_required": lambda p: QCoreApplication.translate("Errors", "The customer must sign the card terms (version {version}) at this first top-up.").format(version=p.get("version", "")),
        "card.transfer_to_self": lambda p: QCoreApplication.translate("Errors", "Choose another customer to receive the balance."),
        "package.customer_required": lambda p: QCoreApplication.translate("Errors", "A package is sold to a customer with a file, not to a walk-in."),
        "package.has_sessions_used": lambda p: QCoreApplication.translate("Errors", "Sessions of {name} were already used: refund its unused sessions as a package refund instead.").format(name=p.get("name", "")),
        "package.not_found": lambda p: QCoreApplication.translate("Errors", "This package was not found."),
        "refund.card_only_through_ledger": lambda p: QCoreApplication.translate("Errors", "Money goes back to the stored-value card only for a sale the card paid."),
        # appointments
        "appointment.bad_transition": lambda p: QCoreApplication.translate("Errors", "A booking that is {current} cannot become {new}.").format(current=labels.booking_status_name(p.get("current", "")), new=labels.booking_status_name(p.get("new", ""))),
        "appointment.cancel_reason_required": lambda p: QCoreApplication.translate("Errors", "Please give a reason for cancelling the booking."),
        "appointment.no_show_too_early": lambda p: QCoreApplication.translate("Errors", "The booking starts at {start}: it cannot be a no-show before then.").format(start=_time(p, "start")),
        "appointment.check_in_not_today": lambda p: QCoreApplication.translate("Errors", "This booking is for {day}, not today: move it to today first.").format(day=labels.when(p["start"].date()) if isinstance(p.get("start"), datetime) else ""),
        "appointment.not_changeable": lambda p: QCoreApplication.translate("Errors", "A booking that is {status} can no longer be moved or changed.").format(status=labels.booking_status_name(p.get("status", ""))),
        "appointment.customer_required": lambda p: QCoreApplication.translate("Errors", "Choose a customer, or enter the newcomer's name and phone."),
        "appointment.no_services": lambda p: QCoreApplication.translate("Errors", "Add at least one service to the booking."),
        "appointment.bad_duration": lambda p: QCoreApplication.translate("Errors", "A service must last between 1 minute and 12 hours (not {minutes} minutes).").format(minutes=p.get("minutes", "")),
        "appointment.in_past": lambda p: QCoreApplication.translate("Errors", "{start} has already passed: choose a later time.").format(start=labels.when(p.get("start"))),
        "appointment.outside_hours": lambda p: (QCoreApplication.translate("Errors", "{technician} does not work on {day}.").format(technician=p.get("technician", ""), day=labels.when(p["start"].date()) if isinstance(p.get("start"), datetime) else "")
                                                if p.get("opens") is None else
                                                QCoreApplication.translate("Errors", "{technician} works from {opens} to {closes}; {start}–{end} is outside these hours.").format(technician=p.get("technician", ""), opens=labels.clock(p.get("opens")), closes=labels.clock(p.get("closes")), start=_time(p, "start"), end=_time(p, "end"))),
        "appointment.not_found": lambda p: QCoreApplication.translate("Errors", "This booking does not exist."),
        "appointment.hours_bad_time": lambda p: QCoreApplication.translate("Errors", "{weekday}: “{text}” is not a time like 09:30.").format(weekday=labels.weekday_name(p.get("weekday", -1)), text=p.get("text", "")),
        "appointment.hours_not_quarter": lambda p: QCoreApplication.translate("Errors", "{weekday}: “{text}” is not on the quarter hour (minutes 00, 15, 30 or 45).").format(weekday=labels.weekday_name(p.get("weekday", -1)), text=p.get("text", "")),
        "appointment.hours_end_before_start": lambda p: QCoreApplication.translate("Errors", "{weekday}: the end ({closes}) must be after the start ({opens}).").format(weekday=labels.weekday_name(p.get("weekday", -1)), opens=labels.clock(p.get("opens")), closes=labels.clock(p.get("closes"))),
        "appointment.clash": lambda p: QCoreApplication.translate("Errors", "{technician} is already booked from {start} to {end} ({customer}).").format(technician=p.get("technician", ""), start=_time(p, "start"), end=_time(p, "end"), customer=p.get("customer", "")),
        # settings
        "settings.unknown": lambda p: QCoreApplication.translate("Errors", "Unknown setting."),
        "settings.bad_tiers": lambda p: QCoreApplication.translate("Errors", "The tier table is incomplete."),
        "settings.bad_tier_value": lambda p: QCoreApplication.translate("Errors", "A value of the {tier} tier is out of range.").format(tier=labels.tier_name(p.get("tier"))),
        "settings.tiers_not_ascending": lambda p: QCoreApplication.translate("Errors", "Each tier must need at least as much as the one below and give at least the same discount ({tier}).").format(tier=labels.tier_name(p.get("tier"))),
        "settings.out_of_range": lambda p: QCoreApplication.translate("Errors", "{value} is out of range: between {low} and {high}.").format(value=p.get("value", ""), low=p.get("low", ""), high=p.get("high", "")),
        "settings.text_too_long": lambda p: QCoreApplication.translate("Errors", "The text is too long (at most {max} characters).").format(max=p.get("max", "")),
        "settings.bad_choice": lambda p: QCoreApplication.translate("Errors", "\"{value}\" is not one of the choices.").format(value=p.get("value", "")),
        "settings.bad_working_hours": lambda p: QCoreApplication.translate("Errors", "The working hours are not valid: each day needs a start before its end, on the quarter hour."),
        "settings.bad_month_day": lambda p: QCoreApplication.translate("Errors", "\"{value}\" is not a date like 01-01 (month-day, day at most 28).").format(value=p.get("value", "")),
        # relationship care: follow-ups, complaints, segments
        "care.already_rated": lambda p: QCoreApplication.translate("Errors", "This visit already has the customer's rating."),
        "care.assignee_inactive": lambda p: QCoreApplication.translate("Errors", "{name} no longer works here: choose someone else for this follow-up.").format(name=p.get("name", "")),
        "care.bad_outcome": lambda p: QCoreApplication.translate("Errors", "Choose how the call went: reached, no answer, wrong number or declined."),
        "care.no_marketing_consent": lambda p: QCoreApplication.translate("Errors", "{name} has not agreed to be contacted for marketing, so no call can be planned.").format(name=p.get("name", "")),
        "care.not_your_task": lambda p: QCoreApplication.translate("Errors", "This follow-up is assigned to someone else."),
        "care.task_not_found": lambda p: QCoreApplication.translate("Errors", "This follow-up no longer exists."),
        "complaint.line_not_of_visit": lambda p: QCoreApplication.translate("Errors", "The service named is not part of the chosen visit."),
        "complaint.not_found": lambda p: QCoreApplication.translate("Errors", "This complaint no longer exists."),
        "complaint.nothing_to_redo": lambda p: QCoreApplication.translate("Errors", "The complained-of visit has no service that can be done again."),
        "item.aftercare_too_long": lambda p: QCoreApplication.translate("Errors", "The aftercare advice is too long (at most {max} characters).").format(max=p.get("max", "")),
        "item.care_tip_too_long": lambda p: QCoreApplication.translate("Errors", "The care tip is too long (at most {max} characters).").format(max=p.get("max", "")),
        "care.task_closed": lambda p: QCoreApplication.translate("Errors", "This follow-up is already closed."),
        "care.bad_score": lambda p: QCoreApplication.translate("Errors", "A score for {dimension} must be a whole number from 1 to 5.").format(dimension=_dimension(p.get("dimension", ""))),
        "care.bad_rating": lambda p: QCoreApplication.translate("Errors", "The customer's rating must be a whole number from 1 to 5."),
        "care.scores_not_for_type": lambda p: QCoreApplication.translate("Errors", "Scores are taken only on visit and complaint follow-ups."),
        "care.scores_need_reached": lambda p: QCoreApplication.translate("Errors", "Scores can only be recorded when the customer was reached."),
        "care.comment_too_long": lambda p: QCoreApplication.translate("Errors", "The comment is too long (at most {max} characters).").format(max=p.get("max", "")),
        "complaint.visit_of_other_customer": lambda p: QCoreApplication.translate("Errors", "This visit belongs to another customer: choose one of this customer's visits."),
        "complaint.already_answered": lambda p: QCoreApplication.translate("Errors", "The first response to this complaint is already recorded."),
        "complaint.already_resolved": lambda p: QCoreApplication.translate("Errors", "This complaint is already resolved."),
        "complaint.bad_category": lambda p: QCoreApplication.translate("Errors", "Unknown complaint category."),
        "complaint.bad_channel": lambda p: QCoreApplication.translate("Errors", "Unknown channel."),
        "complaint.bad_remedy": lambda p: QCoreApplication.translate("Errors", "Unknown remedy."),
        "complaint.before_received": lambda p: QCoreApplication.translate("Errors", "This time is before the complaint was received."),
        "complaint.description_required": lambda p: QCoreApplication.translate("Errors", "Please describe the complaint."),
        "complaint.description_too_long": lambda p: QCoreApplication.translate("Errors", "The description is too long (at most {max} characters).").format(max=p.get("max", "")),
        "complaint.text_too_long": lambda p: QCoreApplication.translate("Errors", "The text is too long (at most {max} characters).").format(max=p.get("max", "")),
        "complaint.line_without_visit": lambda p: QCoreApplication.translate("Errors", "Choose the visit before the service concerned."),
        "complaint.received_in_future": lambda p: QCoreApplication.translate("Errors", "The time received cannot be in the future."),
        "complaint.progress_text_required": lambda p: QCoreApplication.translate("Errors", "Please write what was done."),
        "complaint.progress_out_of_order": lambda p: QCoreApplication.translate("Errors", "A progress entry cannot be dated before the last one."),
        "complaint.refund_amount_required": lambda p: QCoreApplication.translate("Errors", "Please enter the amount to refund."),
        "complaint.refund_over_visit": lambda p: QCoreApplication.translate("Errors", "At most {limit} can be refunded for this visit, not {amount}.").format(limit=_fen(p, "limit"), amount=_fen(p, "amount")),
        "complaint.amount_only_for_refund": lambda p: QCoreApplication.translate("Errors", "An amount is given only with a refund."),
        "complaint.points_required": lambda p: QCoreApplication.translate("Errors", "Please enter the points to give."),
        "complaint.points_only_for_points": lambda p: QCoreApplication.translate("Errors", "Points are given only with the points remedy."),
        "complaint.remedy_needs_visit": lambda p: QCoreApplication.translate("Errors", "A refund or a redo needs the visit the complaint is about."),
        "complaint.remedy_note_required": lambda p: QCoreApplication.translate("Errors", "Please say which gift or upgrade was given."),
        "complaint.remedy_required": lambda p: QCoreApplication.translate("Errors", "Choose at least one remedy (an apology is one)."),
        "complaint.resolution_required": lambda p: QCoreApplication.translate("Errors", "Please write how the complaint was resolved."),
        "complaints.resolution_before_response": lambda p: QCoreApplication.translate("Errors", "The resolution deadline ({resolution} h) cannot be shorter than the first response deadline ({response} h).").format(resolution=p.get("resolution", ""), response=p.get("response", "")),
        "segments.bad_bands": lambda p: QCoreApplication.translate("Errors", "The bands of {measure} are out of order: the better band must start at a better value.").format(measure=p.get("measure", "")),
        # reports and files (raised by the printing and report steps)
        "year_export.bad_year": lambda p: QCoreApplication.translate("Errors", "\"{text}\" is not a year (e.g. 2025).").format(text=p.get("text", "")),
        "year_export.future": lambda p: QCoreApplication.translate("Errors", "{year} has not come yet: a year up to {this_year} can be exported.").format(year=p.get("year", ""), this_year=p.get("this_year", "")),
        "year_export.before_first_sale": lambda p: QCoreApplication.translate("Errors", "The shop has no sales before {first_year}: {year} cannot be exported.").format(year=p.get("year", ""), first_year=p.get("first_year", "")),
        "year_export.cancelled": lambda p: QCoreApplication.translate("Errors", "The export was cancelled; no file was written."),
        "report.bad_month": lambda p: QCoreApplication.translate("Errors", "\"{text}\" is not a month (e.g. 2026-11).").format(text=p.get("text", "")),
        "report.bad_date": lambda p: QCoreApplication.translate("Errors", "\"{text}\" is not a date (e.g. 2026-11-22).").format(text=p.get("text", "")),
        "report.bad_range": lambda p: QCoreApplication.translate("Errors", "The start date {start} is after the end date {end}.").format(start=p.get("start", ""), end=p.get("end", "")),
        "report.no_output": lambda p: QCoreApplication.translate("Errors", "Choose where to save the report."),
        "file.unwritable": lambda p: QCoreApplication.translate("Errors", "Cannot write {path}: choose another folder.").format(path=p.get("path", "")),
        "file.not_found": lambda p: QCoreApplication.translate("Errors", "The file {path} does not exist.").format(path=p.get("path", "")),
        "perm.no_owner": lambda p: QCoreApplication.translate("Errors", "This shop has no active owner account."),
        # the receipt printer and the cash drawer
        "printer.bad_address": lambda p: QCoreApplication.translate("Errors", "\"{address}\" is not an address for this kind of printer (e.g. 192.168.1.50:9100, 0416:5011, COM3 or the printer's name).").format(address=p.get("address", "")),
        "printer.not_escpos": lambda p: QCoreApplication.translate("Errors", "The receipt printer is the system print queue: choose an ESC/POS printer in the settings first."),
        "printer.unavailable": lambda p: QCoreApplication.translate("Errors", "This computer cannot reach a printer this way ({printer}): the driver or library is missing.").format(printer=p.get("printer", "")),
        "printer.unreachable": lambda p: QCoreApplication.translate("Errors", "The receipt printer {printer} does not answer: is it switched on and connected?").format(printer=p.get("printer", "")),
        "printer.timeout": lambda p: QCoreApplication.translate("Errors", "The receipt printer {printer} did not answer in time.").format(printer=p.get("printer", "")),
        "printer.paper_out": lambda p: QCoreApplication.translate("Errors", "The receipt printer is out of paper: load a new roll."),
        "printer.failed": lambda p: QCoreApplication.translate("Errors", "The receipt printer {printer} stopped while printing ({reason}).").format(printer=p.get("printer", ""), reason=p.get("reason", "")),
        "drawer.none": lambda p: QCoreApplication.translate("Errors", "No cash drawer is set up on the receipt printer."),
        "drawer.reason_too_long": lambda p: QCoreApplication.translate("Errors", "The reason is too long (at most {max} characters).").format(max=p.get("max", "")),
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
        "db.in_use": lambda p: QCoreApplication.translate("Errors", "The shop file is open in salon-desk (this or another computer, or a command): close it everywhere, then restore."),
        "db.backup_empty": lambda p: QCoreApplication.translate("Errors", "That backup is empty (0 bytes); choose another one. Nothing was changed."),
        "db.not_a_shop": lambda p: QCoreApplication.translate("Errors", "That file is not a salon-desk shop file; nothing was changed."),
        "db.disk_full": lambda p: QCoreApplication.translate("Errors", "Disk full: nothing was saved. Free some space on the disk (or ask your support person), then try again."),
        "db.read_only": lambda p: QCoreApplication.translate("Errors", "The shop file is read-only: nothing can be saved, sales cannot be taken."),
        "backup.failed": lambda p: QCoreApplication.translate("Errors", "The backup could not be written ({detail}); no incomplete copy was left. The shop file is unchanged.").format(detail=p.get("detail", "")),
        "db.empty_file": lambda p: QCoreApplication.translate("Errors", "The shop file is empty (0 bytes): it was not turned into a new shop. Restore the newest backup, or delete the file to start a new shop."),
        "refund.bad_shortfall_choice": lambda p: QCoreApplication.translate("Errors", "Choose how to take back the points beyond the member's balance: a negative balance, or deduct their value."),
        "refund.deduct_not_for_card_sale": lambda p: QCoreApplication.translate("Errors", "A sale paid by the stored-value card gives its points back as a negative balance; their value cannot be deducted from the card."),
        "text.invalid": lambda p: QCoreApplication.translate("Errors", "That text has characters that are not valid (pasted from a damaged source); type it again."),
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
