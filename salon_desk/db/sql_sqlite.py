"""Every hand-written statement of the shop, in SQLite's dialect.

The services run these where peewee's query building would cost more than
the database's own work (search on every keystroke, the quote on every
change of the visit, the receipt after every checkout) or where a report
reads a month in a few passes. A second dialect (PostgreSQL, for several
counters) is a sibling module with the same names; the services do not change.
Every statement names its columns, and the services read rows by those names.
"""

DATA_VERSION = "PRAGMA data_version"

STAFF_COLUMNS = ("id", "username", "display_name", "role", "password_hash", "active", "failed_logins",
                 "locked_until", "created_at")
STAFF_BY_ID = f"SELECT {', '.join(STAFF_COLUMNS)} FROM staff WHERE id = ?"

# -- customers ---------------------------------------------------------------
POINTS_BALANCE = "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = ?"
MEMBER_COLUMNS = ("id", "customer", "number", "tier", "joined_at", "active")
ACTIVE_MEMBER = ("SELECT id, customer_id, number, tier, joined_at, active FROM member"
                 " WHERE customer_id = ? AND active = 1")

# Search: candidate keys by index range, then the summary columns the counter shows.
# Each key range reads only its most recent matches from the (key, last visit) index.
SEARCH_RANGE = """SELECT * FROM (
    SELECT customer_id, key, last_visit_at FROM search_key
    WHERE key >= ? AND key < ?
    ORDER BY last_visit_at DESC LIMIT ?)"""
# One or two digits match most of the file (every mobile number begins with 1): rather than sort
# all their keys, look among the most recent visitors first (SEARCH_RECENT).
SEARCH_RECENT_RANGE = """SELECT k.customer_id, k.key, k.last_visit_at FROM recent r
    JOIN search_key k ON k.customer_id = r.id
    WHERE k.key >= ? AND k.key < ?"""
_SEARCH_HITS = """hits AS (
    SELECT customer_id, MAX(key = ?) AS exact FROM ({ranges}) GROUP BY customer_id
)
SELECT c.id AS id, c.name AS name, c.phone AS phone, c.last_visit_at AS last_visit_at,
       c.archived AS archived, c.anonymised_at IS NOT NULL AS anonymised,
       m.tier AS tier, m.number AS member_number,
       (SELECT COALESCE(SUM(p.points), 0) FROM points_entry p WHERE p.customer_id = c.id) AS points
FROM hits h
JOIN customer c ON c.id = h.customer_id
LEFT JOIN member m ON m.customer_id = c.id AND m.active = 1
WHERE c.archived = 0 OR ?
ORDER BY h.exact DESC, c.last_visit_at IS NULL, c.last_visit_at DESC, c.id DESC
LIMIT ?
"""
SEARCH = "\nWITH " + _SEARCH_HITS
SEARCH_RECENT = ("\nWITH recent AS MATERIALIZED (SELECT id FROM customer ORDER BY last_visit_at DESC LIMIT ?),\n"
                 + _SEARCH_HITS)
SEARCH_UNION = " UNION ALL "

# -- visits ------------------------------------------------------------------
VISIT_LINES = """
SELECT l.id AS id, i.kind AS kind, i.id AS item_id, i.code AS code, i.name AS name, i.category AS category,
       l.technician_id AS technician_id, COALESCE(st.display_name, '') AS technician_name,
       l.quantity AS quantity, l.unit_price_fen AS unit_price_fen, i.member_discount AS member_discount,
       l.note AS note, l.designated AS designated
FROM visit_line l JOIN item i ON i.id = l.item_id LEFT JOIN staff st ON st.id = l.technician_id
WHERE l.visit_id = ? ORDER BY l.id"""

# -- sales -------------------------------------------------------------------
# One gapless daily sequence for sales and card top-ups (a top-up is a receipt of its own kind).
# The sale's lines, written once at checkout: one executemany instead of peewee's insert building,
# the largest single cost of a checkout.
SALE_LINE_COLUMNS = ("sale_id", "item_id", "kind", "code", "name", "category", "technician_id", "technician_name",
                     "quantity", "unit_price_fen", "list_amount_fen", "rate_permille", "member_discount_fen",
                     "birthday_discount_fen", "amount_fen", "points_share_fen", "note", "designated")
INSERT_SALE_LINE = (f"INSERT INTO sale_line ({', '.join(SALE_LINE_COLUMNS)})"
                    f" VALUES ({', '.join('?' for _ in SALE_LINE_COLUMNS)})")
NEXT_RECEIPT_SEQ = ("SELECT MAX(COALESCE((SELECT MAX(seq) FROM sale WHERE day = ?1), 0),"
                    " COALESCE((SELECT MAX(seq) FROM card_topup WHERE day = ?1), 0)) + 1")

SALE_HEAD = """
SELECT s.id AS id, s.receipt_no AS receipt_no, s.created_at AS created_at, s.status AS status,
       s.tier AS tier, s.enrolled AS enrolled, s.promoted_to AS promoted_to,
       s.list_total_fen AS list_total_fen, s.member_discount_fen AS member_discount_fen,
       s.birthday_discount_fen AS birthday_discount_fen, s.points_redeemed AS points_redeemed,
       s.points_discount_fen AS points_discount_fen, s.amount_due_fen AS amount_due_fen,
       st.display_name AS cashier_name, c.id AS customer_id, c.name AS customer_name, c.phone AS phone,
       c.anonymised_at AS anonymised_at, m.number AS member_number, m.active AS member_active
FROM sale s
JOIN staff st ON st.id = s.cashier_id
LEFT JOIN customer c ON c.id = s.customer_id
LEFT JOIN member m ON m.id = s.member_id
WHERE s.id = ?"""
SALE_LINES = """
SELECT id AS sale_line_id, kind, code, name, technician_name, quantity, unit_price_fen, list_amount_fen,
       rate_permille, member_discount_fen, birthday_discount_fen, amount_fen, points_share_fen, note,
       designated
FROM sale_line WHERE sale_id = ? ORDER BY id"""
REFUNDED_LINES = """
SELECT rl.sale_line_id FROM refund_line rl JOIN refund r ON r.id = rl.refund_id WHERE r.sale_id = ?"""
SALE_PAYMENTS = ("SELECT method, amount_fen, tendered_fen, change_fen FROM payment"
                 " WHERE sale_id = ? ORDER BY id")
SALE_POINTS_EARNED = """
SELECT SUM(CASE WHEN kind IN ('earn', 'birthday') THEN points ELSE 0 END) AS earned,
       SUM(CASE WHEN kind = 'birthday' THEN points ELSE 0 END) AS birthday, MAX(id) AS last_entry
FROM points_entry WHERE sale_id = ? AND refund_id IS NULL"""
BALANCE_TO_ENTRY = "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = ? AND id <= ?"
BALANCE_TO_TIME = "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = ? AND at <= ?"

# -- loyalty -----------------------------------------------------------------
# Paid spend and visits since joining, refunds taken off; runs at every member's checkout.
TIER_HISTORY = """
SELECT COALESCE(SUM(s.amount_due_fen), 0) - COALESCE((
           SELECT SUM(rl.amount_fen) FROM refund r JOIN refund_line rl ON rl.refund_id = r.id
           JOIN sale s2 ON s2.id = r.sale_id
           WHERE s2.member_id = ? AND s2.counts_for_tier = 1 AND r.kind = 'refund'
             AND s2.created_at >= ?), 0) AS spend,
       COUNT(*) AS visits
FROM sale s WHERE s.member_id = ? AND s.counts_for_tier = 1 AND s.status = 'completed'
  AND s.created_at >= ?
"""
# The daily lapse job's candidates: active members whose lapse period (joining, last
# reinstatement, last paid sale: member.lapse_from, kept by triggers) began before the
# cutoff. The partial index over active members makes this read only those rows.
LAPSE_DUE = """
SELECT id FROM member INDEXED BY member_lapse_due WHERE active = 1 AND lapse_from < ? ORDER BY id"""
# The three moments the lapse rule compares, for one member.
LAPSE_MOMENTS = """
SELECT m.joined_at AS joined_at,
       (SELECT MAX(s.created_at) FROM sale s WHERE s.member_id = m.id AND s.status = 'completed') AS last_sale,
       (SELECT MAX(t.at) FROM tier_change t WHERE t.member_id = m.id AND t.kind = 'reinstate') AS reinstated
FROM member m WHERE m.id = ?"""
# The bonus part of card payments still out (drawn less given back) earns no tier spend.
TIER_CARD_BONUS = """
SELECT COALESCE(-SUM(e.bonus_fen), 0) FROM card_entry e JOIN sale s ON s.id = e.sale_id
WHERE s.member_id = ? AND s.counts_for_tier = 1 AND s.created_at >= ? AND e.kind IN ('spend', 'sale_refund')"""
# The banner's birthday facts in one statement: the perks of the years around today are
# read, since a week window can cross New Year.
BIRTHDAY_STATUS = """
SELECT c.birth_month AS month, c.birth_day AS day,
       EXISTS (SELECT 1 FROM member m WHERE m.customer_id = c.id AND m.active = 1) AS is_member,
       (SELECT GROUP_CONCAT(u.year || ':' || u.perk) FROM birthday_perk_use u
         WHERE u.customer_id = c.id AND u.year BETWEEN ? AND ? AND u.reversed_by_id IS NULL) AS used
FROM customer c WHERE c.id = ?
"""
BIRTHDAY = "SELECT birth_month, birth_day FROM customer WHERE id = ?"

# -- the month's figures -------------------------------------------------------
MONTH_SALES = ("SELECT id, created_at, customer_id, member_id, list_total_fen, member_discount_fen,"
               " birthday_discount_fen, points_discount_fen, amount_due_fen, status"
               " FROM sale WHERE created_at >= ? AND created_at < ?")
MONTH_LINES = ("SELECT l.sale_id AS sale_id, l.kind AS kind, l.code AS code, l.name AS name,"
               " l.category AS category, l.technician_id AS technician_id,"
               " l.technician_name AS technician_name, l.quantity AS quantity,"
               " l.list_amount_fen AS list_amount_fen, l.amount_fen - l.points_share_fen AS paid_fen,"
               " s.customer_id AS customer_id"
               " FROM sale AS s JOIN sale_line AS l ON l.sale_id = s.id"
               " WHERE s.created_at >= ? AND s.created_at < ? AND s.status = 'completed'")
MONTH_PAYMENTS = ("SELECT p.method AS method, SUM(p.amount_fen) AS amount_fen"
                  " FROM sale AS s JOIN payment AS p ON p.sale_id = s.id"
                  " WHERE s.created_at >= ? AND s.created_at < ? AND s.status = 'completed'"
                  " GROUP BY p.method")
MONTH_REFUNDS = ("SELECT id, at, amount_fen, method FROM refund"
                 " WHERE at >= ? AND at < ? AND kind = 'refund'")
COMMISSION_RULES_KEY = ("SELECT COALESCE((SELECT MAX(id) FROM commission_rule), 0) AS rules,"
                        " COALESCE((SELECT MAX(id) FROM staff_level), 0) AS levels")
COMMISSION_MONTH_TOPUPS = (
    "SELECT e.staff_id AS staff_id, 'lead' AS role, 'card_sale' AS kind, 0 AS designated,"
    " 1000 AS share_permille, e.base_fen AS base_fen, e.base_fen AS share_base_fen, 0 AS prepaid,"
    " e.rule_id AS rule_id, e.rule_version AS rule_version, e.rate_permille AS rate_permille, 0 AS fee_fen,"
    " e.amount_fen AS amount_fen, NULL AS refund_id, e.at AS at, t.receipt_no AS receipt_no,"
    " c.name AS customer_name, '储值卡充值' AS item"
    " FROM commission_topup AS e JOIN card_topup AS t ON t.id = e.topup_id"
    " LEFT JOIN customer AS c ON c.id = t.customer_id"
    " WHERE e.year = ? AND e.month = ? ORDER BY e.staff_id, e.at, e.id")
COMMISSION_MONTH_ADJUSTMENTS = (
    "SELECT a.staff_id AS staff_id, a.amount_fen AS amount_fen, a.reason AS reason, a.at AS at,"
    " b.display_name AS by_name"
    " FROM commission_adjustment AS a JOIN staff AS b ON b.id = a.by_id"
    " WHERE a.year = ? AND a.month = ? ORDER BY a.id")
COMMISSION_MONTH_ROWS = (
    "SELECT e.staff_id AS staff_id, e.role AS role, e.kind AS kind, e.designated AS designated,"
    " e.share_permille AS share_permille, e.base_fen AS base_fen, e.share_base_fen AS share_base_fen,"
    " e.prepaid AS prepaid, e.rule_id AS rule_id, e.rule_version AS rule_version,"
    " e.rate_permille AS rate_permille, e.fee_fen AS fee_fen, e.amount_fen AS amount_fen,"
    " e.refund_id AS refund_id, e.at AS at, s.receipt_no AS receipt_no, c.name AS customer_name, l.name AS item"
    " FROM commission_entry AS e JOIN sale AS s ON s.id = e.sale_id JOIN sale_line AS l ON l.id = e.sale_line_id"
    " LEFT JOIN customer AS c ON c.id = s.customer_id"
    " WHERE e.year = ? AND e.month = ? ORDER BY e.staff_id, e.at, e.id")
SHIFT_SALES = ("SELECT p.method AS method, SUM(p.amount_fen) AS amount_fen, COUNT(DISTINCT s.id) AS sales"
               " FROM sale AS s JOIN payment AS p ON p.sale_id = s.id"
               " WHERE s.created_at >= ? AND s.created_at <= ? GROUP BY p.method ORDER BY p.method")
SHIFT_SALE_COUNT = "SELECT COUNT(*) FROM sale WHERE created_at >= ? AND created_at <= ?"
SHIFT_REFUNDS = ("SELECT r.kind AS kind, rp.method AS method, SUM(rp.amount_fen) AS amount_fen"
                 " FROM refund AS r JOIN refund_payment AS rp ON rp.refund_id = r.id"
                 " WHERE r.at >= ? AND r.at <= ? GROUP BY r.kind, rp.method ORDER BY rp.method")
SHIFT_REFUND_LIST = ("SELECT r.kind AS kind, s.receipt_no AS receipt_no, r.amount_fen AS amount_fen,"
                     " st.display_name AS staff_name, r.reason AS reason"
                     " FROM refund AS r JOIN sale AS s ON s.id = r.sale_id JOIN staff AS st ON st.id = r.staff_id"
                     " WHERE r.at >= ? AND r.at <= ? ORDER BY r.id")
SHIFT_TOPUPS = ("SELECT method, SUM(pay_fen) AS amount_fen, COUNT(*) AS n FROM card_topup"
                " WHERE created_at >= ? AND created_at <= ? GROUP BY method ORDER BY method")
SHIFT_PREPAID_REFUNDS = ("SELECT method, SUM(total_fen) AS amount_fen FROM prepaid_refund"
                         " WHERE at >= ? AND at <= ? GROUP BY method ORDER BY method")
SHIFT_PACKAGES_SOLD = ("SELECT COUNT(*), COALESCE(SUM(l.amount_fen), 0) FROM sale AS s"
                       " JOIN sale_line AS l ON l.sale_id = s.id"
                       " WHERE s.created_at >= ? AND s.created_at <= ? AND l.kind = 'package' AND s.status = 'completed'")
MONTH_REFUND_METHODS = ("SELECT rp.refund_id AS refund_id, rp.method AS method, rp.amount_fen AS amount_fen"
                        " FROM refund AS r JOIN refund_payment AS rp ON rp.refund_id = r.id"
                        " WHERE r.at >= ? AND r.at < ? AND r.kind = 'refund' ORDER BY rp.id")
MONTH_REFUND_LINES = ("SELECT l.category AS category, l.technician_id AS technician_id,"
                      " rl.amount_fen AS amount_fen"
                      " FROM refund AS r JOIN refund_line AS rl ON rl.refund_id = r.id"
                      " JOIN sale_line AS l ON l.id = rl.sale_line_id"
                      " WHERE r.at >= ? AND r.at < ? AND r.kind = 'refund'")
CUSTOMERS_SEEN_BETWEEN = ("SELECT DISTINCT customer_id FROM sale WHERE created_at >= ? AND created_at < ?"
                          " AND status = 'completed' AND customer_id IS NOT NULL")
NEW_CUSTOMERS = ("SELECT id, referred_by_id FROM customer WHERE first_seen >= ? AND first_seen < ?"
                 " AND merged_into_id IS NULL")
TIER_CHANGES_BY_KIND = ("SELECT kind, COUNT(*) AS changes FROM tier_change WHERE at >= ? AND at < ?"
                        " GROUP BY kind")
POINTS_BY_KIND = "SELECT kind, SUM(points) AS points FROM points_entry WHERE at >= ? AND at < ? GROUP BY kind"
STAFF_NAMES = "SELECT id, display_name FROM staff"

# -- relationship care (SPEC §7) ------------------------------------------------
# The consent in force is the newest row of the append-only history, per purpose.
_CONSENT = ("(SELECT k.granted FROM consent k WHERE k.customer_id = c.id AND k.purpose = '{purpose}'"
            " ORDER BY k.id DESC LIMIT 1)")
CARE_CUSTOMER = f"""
SELECT c.id AS id, c.name AS name, c.birth_month AS birth_month, c.birth_day AS birth_day,
       EXISTS (SELECT 1 FROM member m WHERE m.customer_id = c.id AND m.active = 1) AS member,
       {_CONSENT.format(purpose='keep_file')} AS file_consent,
       {_CONSENT.format(purpose='marketing')} AS marketing_consent,
       c.anonymised_at IS NOT NULL AS anonymised
FROM customer c WHERE c.id = ?"""
# The daily job's population: files kept, marketing agreed, not archived or erased, and one of
# - a regular, seen since ?2: at least ?6 days with a paid sale since ?1, the last one since ?5 (a care
#   cycle needs that many visit days of one category, and one last seen earlier is broken anyway);
# - a member last seen in the absence window ?3 <= last_visit_at < ?4 (the last_visit_at index);
# - a member whose birthday (month * 100 + day) is one of the coming week's ({birthdays}: ?7, ?8, ...).
# The regulars are grouped from the sale_created_at range alone (MATERIALIZED: not by walking the
# whole customer index); consents are read for the candidates only.
CARE_DAILY_PEOPLE = f"""
WITH recent AS MATERIALIZED (
  SELECT customer_id, substr(created_at, 1, 10) AS day FROM sale
  WHERE created_at >= ?1 AND status = 'completed' AND customer_id IS NOT NULL),
regular AS (SELECT customer_id FROM recent GROUP BY customer_id HAVING COUNT(DISTINCT day) >= ?6 AND MAX(day) >= ?5),
candidate AS (
  SELECT c.id AS id FROM customer c WHERE c.id IN (SELECT customer_id FROM regular) AND c.last_visit_at >= ?2
  UNION
  SELECT c.id FROM customer c WHERE ((c.last_visit_at >= ?3 AND c.last_visit_at < ?4)
                                     OR c.birth_month * 100 + c.birth_day IN ({{birthdays}}))
    AND EXISTS (SELECT 1 FROM member m WHERE m.customer_id = c.id AND m.active = 1))
SELECT c.id AS id, c.name AS name, c.birth_month AS birth_month, c.birth_day AS birth_day,
       c.last_visit_at AS last_visit_at,
       EXISTS (SELECT 1 FROM member m WHERE m.customer_id = c.id AND m.active = 1) AS member
FROM candidate k JOIN customer c ON c.id = k.id
WHERE c.archived = 0 AND c.anonymised_at IS NULL
  AND {_CONSENT.format(purpose='keep_file')} = 1 AND {_CONSENT.format(purpose='marketing')} = 1
ORDER BY c.id"""
# The service visits since ?1 of some customers (by the (customer, created_at) index), oldest first.
CARE_SERVICE_HISTORY_OF = """
SELECT s.customer_id AS customer_id, substr(s.created_at, 1, 10) AS day, l.category AS category,
       l.technician_id AS technician_id
FROM sale s JOIN sale_line l ON l.sale_id = s.id
WHERE s.customer_id IN ({marks}) AND s.created_at >= ? AND s.status = 'completed' AND l.kind = 'service'
ORDER BY s.created_at, l.id"""
LAST_CASHIER = "SELECT cashier_id FROM sale ORDER BY id DESC LIMIT 1"
TASKS = """
SELECT t.id AS id, t.key AS key, t.type AS type, t.customer_id AS customer_id, c.name AS customer_name,
       c.phone AS phone, t.due_at AS due_at, t.all_day AS all_day, t.assignee_id AS assignee_id,
       COALESCE(a.display_name, '') AS assignee_name, t.message AS message, t.visit_id AS visit_id,
       t.complaint_id AS complaint_id, t.closed_at AS closed_at, COALESCE(b.display_name, '') AS closed_by_name,
       t.outcome AS outcome, t.attitude AS attitude, t.technique AS technique, t.environment AS environment,
       t.comment AS comment
FROM followup_task t JOIN customer c ON c.id = t.customer_id
LEFT JOIN staff a ON a.id = t.assignee_id LEFT JOIN staff b ON b.id = t.closed_by_id
WHERE {where} ORDER BY t.due_at, t.id"""
TASK_KEYS_IN = "SELECT key FROM followup_task WHERE key IN ({marks})"
TASK_KEYS_BETWEEN = "SELECT key FROM followup_task WHERE key >= ? AND key < ?"
TASKS_OPEN_DUE_BEFORE = "t.closed_at IS NULL AND t.due_at < ?"
TASKS_OPEN = "t.closed_at IS NULL"
TASKS_OF_CUSTOMER = "t.customer_id = ?"
TASKS_BY_ID = "t.id = ?"
TASKS_CLOSED_SINCE = "t.closed_at >= ?"
# Segments: one row per paid visit of the 24 months (paid: the sale less its refunds).
RFM_VISITS = """
SELECT s.customer_id AS customer_id, substr(s.created_at, 1, 10) AS day,
       s.amount_due_fen - COALESCE(r.back, 0) AS paid_fen
FROM sale s
LEFT JOIN (SELECT sale_id, SUM(amount_fen) AS back FROM refund WHERE kind = 'refund' AND at >= ?
           GROUP BY sale_id) r ON r.sale_id = s.id
WHERE s.created_at >= ? AND s.created_at < ? AND s.status = 'completed' AND s.customer_id IS NOT NULL"""
# The same per customer, summed here in one pass over the window's sales (the range scan of
# sale_created_at; MATERIALIZED keeps the planner from walking the whole customer index to group):
# ?1 first moment of the 24 months, ?2 the moment after the day, ?3 the day before the 12 months, ?4 the day.
RFM_TOTALS = """
WITH paid AS MATERIALIZED (
  SELECT s.customer_id AS customer_id, CAST(julianday(substr(s.created_at, 1, 10)) AS INTEGER) AS dn,
         s.amount_due_fen - COALESCE(r.back, 0) AS paid_fen
  FROM sale s
  LEFT JOIN (SELECT sale_id, SUM(amount_fen) AS back FROM refund WHERE kind = 'refund' AND at >= ?1
             GROUP BY sale_id) r ON r.sale_id = s.id
  WHERE s.created_at >= ?1 AND s.created_at < ?2 AND s.status = 'completed' AND s.customer_id IS NOT NULL)
SELECT customer_id, CAST(julianday(?4) AS INTEGER) - MAX(dn) AS recency_days,
       SUM(dn > CAST(julianday(?3) AS INTEGER)) AS frequency,
       SUM(CASE WHEN dn > CAST(julianday(?3) AS INTEGER) THEN paid_fen ELSE 0 END) AS monetary_fen,
       SUM(paid_fen) AS spend_24m_fen, MAX(dn) - MIN(dn) AS span_days, COUNT(*) AS visits,
       CASE WHEN COUNT(*) >= 3 THEN GROUP_CONCAT(dn) END AS day_numbers
FROM paid WHERE paid_fen > 0 GROUP BY customer_id"""
# ... with each customer's name and phone (blank once erased) for the segments page.
RFM_TOTALS_PEOPLE = f"""
SELECT t.*, CASE WHEN c.anonymised_at IS NULL THEN c.name ELSE '' END AS name,
       CASE WHEN c.anonymised_at IS NULL THEN c.phone END AS phone
FROM ({RFM_TOTALS}) t LEFT JOIN customer c ON c.id = t.customer_id"""
SEGMENT_PEOPLE = "SELECT id, name, phone FROM customer WHERE anonymised_at IS NULL"
MERGED_INTO = "SELECT id, merged_into_id FROM customer WHERE merged_into_id IS NOT NULL"
# The month's care figures.
MONTH_COMPLAINTS = ("SELECT id, category, technician_id, received_at, responded_at, resolved_at FROM complaint"
                    " WHERE received_at >= ? AND received_at < ?")
MONTH_TASKS_DUE = ("SELECT type, due_at, all_day, closed_at, outcome FROM followup_task"
                   " WHERE due_at >= ? AND due_at < ?")
MONTH_TASK_SCORES = """
SELECT t.attitude AS attitude, t.technique AS technique, t.environment AS environment,
       (SELECT GROUP_CONCAT(DISTINCT l.technician_id) FROM sale s JOIN sale_line l ON l.sale_id = s.id
         WHERE s.visit_id = COALESCE(t.visit_id, (SELECT q.visit_id FROM complaint q WHERE q.id = t.complaint_id))
           AND l.technician_id IS NOT NULL) AS technicians
FROM followup_task t WHERE t.closed_at >= ? AND t.closed_at < ? AND t.attitude IS NOT NULL"""
MONTH_COUNTER_RATINGS = """
SELECT r.rating AS rating,
       (SELECT GROUP_CONCAT(DISTINCT l.technician_id) FROM sale_line l
         WHERE l.sale_id = r.sale_id AND l.technician_id IS NOT NULL) AS technicians
FROM counter_rating r WHERE r.at >= ? AND r.at < ?"""
SNAPSHOT_CLASSES = ("SELECT r.customer_id, r.value_class FROM segment_row r JOIN segment_snapshot s"
                    " ON s.id = r.snapshot_id WHERE s.month = ?")
SNAPSHOT_COUNTS = "SELECT value_class, COUNT(*) FROM segment_row WHERE snapshot_id = ? GROUP BY value_class"
SNAPSHOT_AT_RISK = """
SELECT customer_id, recency_days, frequency, monetary_fen, r, f, m, value_class, spend_24m_fen, usual_interval_days
FROM segment_row WHERE snapshot_id = ? AND value_class = 'at_risk'
ORDER BY spend_24m_fen DESC, recency_days DESC, customer_id LIMIT ?"""
CUSTOMER_NAME_PHONE = "SELECT name, phone FROM customer WHERE id = ?"
LAST_AUDIT_ID = "SELECT MAX(id) FROM audit_log"
# A month-end snapshot's customers, written once with one executemany (peewee's insert building
# costs more than SQLite's own work for 100k rows).
INSERT_SEGMENT_ROW = """
INSERT INTO segment_row (snapshot_id, customer_id, recency_days, frequency, monetary_fen, r, f, m, value_class,
                         spend_24m_fen, usual_interval_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
SNAPSHOT_ROWS = """
SELECT customer_id, recency_days, frequency, monetary_fen, r, f, m, value_class, spend_24m_fen, usual_interval_days
FROM segment_row WHERE snapshot_id = ? ORDER BY customer_id"""
# -- stored-value cards and packages -------------------------------------------------
CARD_BALANCE = ("SELECT COALESCE(SUM(principal_fen), 0), COALESCE(SUM(bonus_fen), 0) FROM card_entry"
                " WHERE customer_id = ?")
SALE_LINE_IDS = "SELECT id FROM sale_line WHERE sale_id = ? ORDER BY id"
CARD_SALE_RECEIPTS = ("SELECT DISTINCT s.id, s.receipt_no FROM card_entry e JOIN sale s ON s.id = e.sale_id"
                      " WHERE e.customer_id = ?")
CARD_TOPUP_RECEIPTS = "SELECT id, receipt_no FROM card_topup WHERE customer_id = ?"
CURRENT_CARD = "SELECT id FROM card WHERE customer_id = ? ORDER BY id DESC LIMIT 1"
VISIT_PACKAGE_CLAIMS = ("SELECT c.visit_line_id, c.package_id FROM package_claim c"
                        " JOIN visit_line l ON l.id = c.visit_line_id WHERE l.visit_id = ?")
SALE_CARD_ENTRIES = ("SELECT kind, principal_fen, bonus_fen, list_fen FROM card_entry"
                     " WHERE sale_id = ? ORDER BY id")
SALE_CARD_SPEND = ("SELECT principal_fen, bonus_fen, principal_after_fen, bonus_after_fen FROM card_entry"
                   " WHERE sale_id = ? AND kind = 'spend' ORDER BY id LIMIT 1")
# The sessions a sale used, each with the sessions its package had left right after it.
SALE_PACKAGE_SESSIONS = """
SELECT u.sale_line_id AS sale_line_id, p.name AS name,
       p.sessions + p.gifted - (SELECT COUNT(*) FROM package_session v WHERE v.package_id = u.package_id
                                AND v.id <= u.id AND (v.returned_by_id IS NULL OR v.id = u.id)) AS sessions_left
FROM package_session u JOIN customer_package p ON p.id = u.package_id
WHERE u.sale_id = ? ORDER BY u.sale_line_id"""
# The month's prepaid figures (money received apart from revenue, 卡耗, liabilities).
MONTH_TOPUPS = ("SELECT COUNT(*), COALESCE(SUM(pay_fen), 0), COALESCE(SUM(bonus_fen), 0) FROM card_topup"
                " WHERE created_at >= ? AND created_at < ?")
MONTH_TOPUP_METHODS = ("SELECT method, SUM(pay_fen) FROM card_topup WHERE created_at >= ? AND created_at < ?"
                       " GROUP BY method")
MONTH_CARD_BY_KIND = ("SELECT kind, COALESCE(SUM(principal_fen), 0), COALESCE(SUM(bonus_fen), 0) FROM card_entry"
                      " WHERE at >= ? AND at < ? GROUP BY kind")
CARD_LIABILITY_AT = ("SELECT COALESCE(SUM(principal_fen), 0), COALESCE(SUM(bonus_fen), 0) FROM card_entry"
                     " WHERE at < ?")
MONTH_PACKAGES_SOLD = ("SELECT COUNT(*), COALESCE(SUM(paid_fen), 0) FROM customer_package"
                       " WHERE sold_at >= ? AND sold_at < ?")
MONTH_SESSIONS = ("SELECT COUNT(*), COALESCE(SUM(consumed_fen), 0), COALESCE(SUM(list_fen), 0)"
                  " FROM package_session WHERE at >= ? AND at < ?")
MONTH_SESSIONS_RETURNED = ("SELECT COUNT(*), COALESCE(SUM(u.consumed_fen), 0), COALESCE(SUM(u.list_fen), 0)"
                           " FROM package_session u JOIN refund r ON r.id = u.returned_by_id"
                           " WHERE r.at >= ? AND r.at < ?")
MONTH_REFUNDS_TO_CARD = ("SELECT e.refund_id, SUM(e.principal_fen + e.bonus_fen) FROM card_entry e"
                         " JOIN refund r ON r.id = e.refund_id WHERE r.at >= ? AND r.at < ? AND r.kind = 'refund'"
                         " GROUP BY e.refund_id")
MONTH_PREPAID_REFUNDS = ("SELECT COUNT(*), COALESCE(SUM(total_fen), 0) FROM prepaid_refund"
                         " WHERE at >= ? AND at < ?")
# Packages open at a moment: sessions left and their value at consumed value.
PACKAGE_LIABILITY_AT = """
SELECT COALESCE(SUM(p.sessions + p.gifted - COALESCE(u.n, 0)), 0) AS sessions,
       COALESCE(SUM(p.paid_fen - COALESCE(u.consumed, 0)), 0) AS value
FROM customer_package p
LEFT JOIN (SELECT s.package_id, COUNT(*) AS n, SUM(s.consumed_fen) AS consumed FROM package_session s
           LEFT JOIN refund r ON r.id = s.returned_by_id
           WHERE s.at < ? AND (r.id IS NULL OR r.at >= ?) GROUP BY s.package_id) u ON u.package_id = p.id
WHERE p.sold_at < ? AND (p.closed_at IS NULL OR p.closed_at >= ?)"""
# Every customer with money or sessions left (the shop-closing list).
CLOSING_CARDS = """
SELECT e.customer_id AS customer_id, SUM(e.principal_fen) AS principal, SUM(e.bonus_fen) AS bonus
FROM card_entry e GROUP BY e.customer_id HAVING SUM(e.principal_fen) != 0 OR SUM(e.bonus_fen) != 0"""


# -- appointments (the monthly report) ---------------------------------------------
MONTH_BOOKING_TECHNICIANS = """
SELECT b.id AS booking_id, b.status AS status, l.technician_id AS technician_id
FROM booking b JOIN booking_line l ON l.booking_id = b.id
WHERE b.start_at >= ? AND b.start_at < ?
GROUP BY b.id, l.technician_id"""
MONTH_BOOKED_SALES = """
SELECT COUNT(*) AS booked_visits FROM sale s
WHERE s.created_at >= ? AND s.created_at < ? AND s.status = 'completed'
  AND EXISTS (SELECT 1 FROM booking b WHERE b.visit_id = s.visit_id)"""
# -- the audit log's hash chain (salon_desk.audit_chain) --------------------------------
AUDIT_HEAD = 'SELECT "id", "hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1'
AUDIT_APPEND = ('INSERT INTO "audit_log" ("id", "at", "staff_id", "action", "target", "details", "prev_hash", "hash")'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
AUDIT_CHAIN = ('SELECT "id", "at", "staff_id", "action", "target", "details", "prev_hash", "hash"'
               ' FROM "audit_log" ORDER BY "id"')
LAST_BOOKS_CHECK = ("SELECT at, action, details FROM audit_log WHERE action IN ('books_checked', 'books_verified')"
                    " ORDER BY id DESC LIMIT 1")

# -- checkout: what one sale reads and writes, each in one statement -------------------------
# The customer's facts for pricing and for what checkout does after it (member, points, birthday
# perks, consents for the follow-up tasks, the card's balance as the ledger's sum and the card in
# force), read in one statement per quote or sale.
VISIT_COLUMNS = ("id", "customer", "status", "opened_at", "opened_by", "closed_at")
VISIT_BY_ID = ("SELECT id, customer_id, status, opened_at, opened_by_id, closed_at FROM visit"
               " WHERE id = ?")
CHECKOUT_CUSTOMER = f"""
SELECT c.name AS name, c.birth_month AS birth_month, c.birth_day AS birth_day,
       c.anonymised_at IS NOT NULL AS anonymised,
       m.id AS member_id, m.number AS member_number, m.tier AS member_tier, m.joined_at AS member_joined_at,
       (SELECT COALESCE(SUM(p.points), 0) FROM points_entry p WHERE p.customer_id = c.id) AS points,
       (SELECT GROUP_CONCAT(u.year || ':' || u.perk) FROM birthday_perk_use u
         WHERE u.customer_id = c.id AND u.year BETWEEN ? AND ? AND u.reversed_by_id IS NULL) AS perks_used,
       {_CONSENT.format(purpose='keep_file')} AS file_consent,
       {_CONSENT.format(purpose='marketing')} AS marketing_consent,
       (SELECT COALESCE(SUM(e.principal_fen), 0) FROM card_entry e WHERE e.customer_id = c.id) AS card_principal_fen,
       (SELECT COALESCE(SUM(e.bonus_fen), 0) FROM card_entry e WHERE e.customer_id = c.id) AS card_bonus_fen,
       (SELECT MAX(k.id) FROM card k WHERE k.customer_id = c.id) AS card_id
FROM customer c LEFT JOIN member m ON m.customer_id = c.id AND m.active = 1
WHERE c.id = ?"""
SALE_COLUMNS = ("receipt_no", "day", "seq", "visit_id", "customer_id", "member_id", "tier", "cashier_id",
                "created_at", "list_total_fen", "member_discount_fen", "birthday_discount_fen", "points_redeemed",
                "points_discount_fen", "amount_due_fen", "counts_for_tier", "enrolled", "promoted_to", "status")
INSERT_SALE = f"INSERT INTO sale ({', '.join(SALE_COLUMNS)}) VALUES ({', '.join('?' for _ in SALE_COLUMNS)})"
INSERT_PAYMENT = ("INSERT INTO payment (sale_id, method, amount_fen, tendered_fen, change_fen)"
                  " VALUES (?, ?, ?, ?, ?)")
INSERT_POINTS_ENTRY = ("INSERT INTO points_entry (customer_id, kind, points, at, staff_id, sale_id, reason)"
                       " VALUES (?, ?, ?, ?, ?, ?, '')")
CARD_ENTRY_COLUMNS = ("customer_id", "card_id", "kind", "principal_fen", "bonus_fen", "principal_after_fen",
                      "bonus_after_fen", "day", "at", "list_fen", "note", "staff_id", "sale_id", "refund_id",
                      "topup_id", "prepaid_refund_id")
INSERT_CARD_ENTRY = (f"INSERT INTO card_entry ({', '.join(CARD_ENTRY_COLUMNS)})"
                     f" VALUES ({', '.join('?' for _ in CARD_ENTRY_COLUMNS)})")
CLOSE_VISIT = "UPDATE visit SET status = 'completed', closed_at = ? WHERE id = ?"
CUSTOMER_LAST_VISIT = "UPDATE customer SET last_visit_at = ? WHERE id = ?"
SEARCH_KEYS_LAST_VISIT = "UPDATE search_key SET last_visit_at = ? WHERE customer_id = ?"
COMPLETE_BOOKING_OF_VISIT = "UPDATE booking SET status = ?, completed_at = ? WHERE visit_id = ? AND status = ?"
# Follow-up tasks by their unique key: a key already stored is left as it is (the jobs are idempotent).
TASK_COLUMNS = ("key", "type", "customer_id", "visit_id", "complaint_id", "due_at", "all_day", "assignee_id",
                "message", "created_at", "comment")
INSERT_TASK_IF_NEW = (f"INSERT OR IGNORE INTO followup_task ({', '.join(TASK_COLUMNS)})"
                      f" VALUES ({', '.join('?' for _ in TASK_COLUMNS)})")
ITEM_AFTERCARE = "SELECT id, aftercare FROM item WHERE id IN ({marks}) AND aftercare != ''"


# -- appointments (booking: one statement per read, the services' lines in one insert) ------
BOOKING_CUSTOMER = """
SELECT c.name AS name, c.anonymised_at IS NOT NULL AS anonymised,
       (SELECT COUNT(*) FROM booking b WHERE b.customer_id = c.id AND b.status = 'no_show') AS no_shows
FROM customer c WHERE c.id = ?"""
# {marks}: one ? per id
BOOKING_SERVICES = """
SELECT id, name, duration_min, active, care_tip FROM item WHERE kind = 'service' AND id IN ({marks})"""
BOOKING_STAFF = "SELECT id, display_name, active FROM staff WHERE id IN ({marks})"
# The slots holding time of these technicians that may touch [first, last): the (technician, start)
# index reads only the window, since no service is longer than appointments.MAX_LINE_MINUTES.
BOOKING_SLOTS = """
SELECT l.booking_id AS booking_id, l.technician_id AS technician_id, l.start_at AS start_at, l.end_at AS end_at,
       b.status AS status, COALESCE(c.name, b.newcomer_name) AS name
FROM booking_line l
JOIN booking b ON b.id = l.booking_id
LEFT JOIN customer c ON c.id = b.customer_id
WHERE l.technician_id IN ({marks}) AND l.start_at < ? AND l.start_at > ? AND l.end_at > ?
  AND b.status IN ('booked', 'checked_in')"""
INSERT_BOOKING = """
INSERT INTO booking (customer_id, newcomer_name, newcomer_phone, notes, status, start_at, end_at, booked_by_id,
                     booked_at, cancel_reason)
VALUES (?, ?, ?, ?, 'booked', ?, ?, ?, ?, '')"""
# {rows}: one "(?, ?, ?, ?, ?, ?, ?)" per line; RETURNING names each line by technician and start
INSERT_BOOKING_LINES = """
INSERT INTO booking_line (booking_id, item_id, technician_id, start_at, end_at, minutes, designated)
VALUES {rows} RETURNING id, technician_id, start_at"""
# The day view: every service touching the day, with its booking and service name ({technician}: an
# extra "AND l.technician_id = ?" for a technician's own column, or nothing)
DAY_LINES = """
SELECT l.booking_id AS booking_id, l.technician_id AS technician_id, l.start_at AS start_at, l.end_at AS end_at,
       l.designated AS designated, i.name AS item_name, b.status AS status, b.customer_id AS customer_id,
       b.newcomer_name AS newcomer_name, b.newcomer_phone AS newcomer_phone, b.notes AS notes,
       b.start_at AS booking_start
FROM booking_line l
JOIN booking b ON b.id = l.booking_id
JOIN item i ON i.id = l.item_id
WHERE b.start_at >= ? AND l.start_at < ? AND l.end_at > ?{technician}
ORDER BY l.start_at, l.id"""
# The badges of the day's customers, all at once ({marks}: one ? per customer id)
DAY_BADGES = """
SELECT c.id AS id, c.name AS name, c.allergies AS allergies, c.birth_month AS birth_month, c.birth_day AS birth_day,
       (SELECT m.tier FROM member m WHERE m.customer_id = c.id AND m.active = 1) AS tier,
       EXISTS (SELECT 1 FROM complaint k WHERE k.customer_id = c.id AND k.resolved_at IS NULL) AS complaint,
       EXISTS (SELECT 1 FROM sale s WHERE s.customer_id = c.id AND s.status = 'completed') AS visited,
       (SELECT COUNT(*) FROM booking n WHERE n.customer_id = c.id AND n.status = 'no_show') AS no_shows
FROM customer c WHERE c.id IN ({marks})"""


# -- a year's books for the accountant (salon_desk.db.year_export), read a month at a time -------
YEAR_FIRST_SALE = "SELECT MIN(created_at) AS first_at, MAX(created_at) AS last_at FROM sale"
YEAR_HAS_SALES = "SELECT EXISTS (SELECT 1 FROM sale WHERE created_at >= ? AND created_at < ?) AS any_sale"
YEAR_MONTH_SALES = """
SELECT s.id AS id, s.receipt_no AS receipt_no, s.created_at AS created_at, s.status AS status,
       s.customer_id AS customer_id, c.name AS customer_name, c.anonymised_at IS NOT NULL AS anonymised,
       m.number AS member_number, s.list_total_fen AS list_total_fen, s.member_discount_fen AS member_discount_fen,
       s.birthday_discount_fen AS birthday_discount_fen, s.points_discount_fen AS points_discount_fen,
       s.amount_due_fen AS amount_due_fen, s.points_redeemed AS points_redeemed,
       (SELECT COALESCE(SUM(p.points), 0) FROM points_entry p
         WHERE p.sale_id = s.id AND p.refund_id IS NULL AND p.kind IN ('earn', 'birthday')) AS points_earned
FROM sale s
LEFT JOIN customer c ON c.id = s.customer_id
LEFT JOIN member m ON m.id = s.member_id
WHERE s.created_at >= ? AND s.created_at < ?
ORDER BY s.created_at, s.id"""
YEAR_MONTH_PAYMENTS = """
SELECT p.sale_id AS sale_id, p.method AS method, p.amount_fen AS amount_fen
FROM sale s JOIN payment p ON p.sale_id = s.id
WHERE s.created_at >= ? AND s.created_at < ?"""
YEAR_MONTH_LINES = """
SELECT l.id AS id, l.sale_id AS sale_id, s.receipt_no AS receipt_no, s.created_at AS created_at,
       s.status AS status, l.kind AS kind, l.code AS code, l.name AS name, l.category AS category,
       l.technician_name AS technician_name, l.designated AS designated, l.quantity AS quantity,
       l.unit_price_fen AS unit_price_fen, l.list_amount_fen AS list_amount_fen,
       l.member_discount_fen AS member_discount_fen, l.birthday_discount_fen AS birthday_discount_fen,
       l.amount_fen AS amount_fen, l.points_share_fen AS points_share_fen,
       (SELECT r.at FROM refund_line rl JOIN refund r ON r.id = rl.refund_id
         WHERE rl.sale_line_id = l.id AND r.kind = 'refund') AS refunded_at
FROM sale s JOIN sale_line l ON l.sale_id = s.id
WHERE s.created_at >= ? AND s.created_at < ?
ORDER BY s.created_at, s.id, l.id"""
# The month's refunds and voids (by when they were made), each with the sale it gave back and the
# refunded lines' amounts and technicians.
YEAR_MONTH_REFUNDS = """
SELECT r.id AS id, r.kind AS kind, r.at AS at, r.amount_fen AS amount_fen, r.method AS method,
       s.id AS sale_id, s.receipt_no AS receipt_no, s.created_at AS sale_at, s.customer_id AS customer_id,
       c.name AS customer_name, c.anonymised_at IS NOT NULL AS anonymised, m.number AS member_number,
       COALESCE(SUM(l.list_amount_fen), 0) AS list_fen, COALESCE(SUM(l.member_discount_fen), 0) AS member_discount_fen,
       COALESCE(SUM(l.birthday_discount_fen), 0) AS birthday_discount_fen,
       COALESCE(SUM(l.points_share_fen), 0) AS points_share_fen,
       (SELECT COALESCE(SUM(CASE WHEN p.points < 0 THEN p.points ELSE 0 END), 0) FROM points_entry p
         WHERE p.refund_id = r.id) AS points_taken_back,
       (SELECT COALESCE(SUM(CASE WHEN p.points > 0 THEN p.points ELSE 0 END), 0) FROM points_entry p
         WHERE p.refund_id = r.id) AS points_returned
FROM refund r
JOIN sale s ON s.id = r.sale_id
LEFT JOIN customer c ON c.id = s.customer_id
LEFT JOIN member m ON m.id = s.member_id
LEFT JOIN refund_line rl ON rl.refund_id = r.id
LEFT JOIN sale_line l ON l.id = rl.sale_line_id
WHERE r.at >= ? AND r.at < ?
GROUP BY r.id
ORDER BY r.at, r.id"""
YEAR_MONTH_REFUND_TECHNICIANS = """
SELECT DISTINCT rl.refund_id AS refund_id, l.technician_name AS technician_name
FROM refund r JOIN refund_line rl ON rl.refund_id = r.id JOIN sale_line l ON l.id = rl.sale_line_id
WHERE r.at >= ? AND r.at < ? AND l.technician_name != ''"""
YEAR_MONTH_REFUND_PAYMENTS = """
SELECT rp.refund_id AS refund_id, rp.method AS method, rp.amount_fen AS amount_fen
FROM refund r JOIN refund_payment rp ON rp.refund_id = r.id
WHERE r.at >= ? AND r.at < ? ORDER BY rp.id"""
YEAR_MONTH_REFUNDS_TO_CARD = """
SELECT e.refund_id AS refund_id, SUM(e.principal_fen + e.bonus_fen) AS to_card_fen
FROM card_entry e JOIN refund r ON r.id = e.refund_id WHERE r.at >= ? AND r.at < ?
GROUP BY e.refund_id"""
YEAR_MONTH_TOPUPS = """
SELECT t.created_at AS created_at, t.receipt_no AS receipt_no, c.name AS customer_name,
       c.anonymised_at IS NOT NULL AS anonymised,
       (SELECT m.number FROM member m WHERE m.customer_id = t.customer_id AND m.active = 1) AS member_number,
       k.number AS card_no, t.method AS method, t.pay_fen AS pay_fen, t.bonus_fen AS bonus_fen,
       st.display_name AS staff_name
FROM card_topup t
JOIN customer c ON c.id = t.customer_id
LEFT JOIN card k ON k.id = t.card_id
JOIN staff st ON st.id = t.staff_id
WHERE t.created_at >= ? AND t.created_at < ?
ORDER BY t.created_at, t.id"""
YEAR_MONTH_PACKAGES_SOLD = """
SELECT COUNT(*) AS sold, COALESCE(SUM(paid_fen), 0) AS paid_fen FROM customer_package
WHERE sold_at >= ? AND sold_at < ?"""
