"""The audit chain's rules: worked examples by hand, then properties over any log."""

import hashlib

from hypothesis import given, strategies as st

from salon_desk.audit_chain import (ALTERED, MISSING, OUT_OF_CHAIN, UNSEALED, AuditFields, ChainBreak, canonical,
                                    entry_hash, first_break, seal)


def chain(*fields: tuple) -> list[AuditFields]:
    out, prev = [], ""
    for n, (at, staff, action, target, details) in enumerate(fields, start=1):
        entry = seal(AuditFields(n, at, staff, action, target, details), prev)
        out.append(entry)
        prev = entry.hash
    return out


def test_the_seal_is_sha256_of_the_fields_in_order_as_compact_json():
    entry = AuditFields(1, "2026-01-05 10:00:00", 2, "refund", "20260105-0001", '{"reason": "不满意"}')
    text = '[1,"2026-01-05 10:00:00",2,"refund","20260105-0001","{\\"reason\\": \\"不满意\\"}",""]'
    assert canonical(entry, "") == text.encode("utf-8")
    assert entry_hash(entry, "") == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert entry_hash(entry, "") != entry_hash(entry, "0" * 64)


def test_worked_examples_of_each_break():
    log = chain(("2026-01-05 09:00:00", 1, "login", "", "{}"),
                ("2026-01-05 10:00:00", 2, "refund", "20260105-0001", "{}"),
                ("2026-01-05 11:00:00", 1, "void", "20260105-0002", "{}"))
    assert first_break(log) is None
    edited = AuditFields(2, "2026-01-05 10:00:00", 2, "refund", "20260105-0003", "{}", log[1].prev_hash, log[1].hash)
    assert first_break([log[0], edited, log[2]]) == ChainBreak(2, "2026-01-05 10:00:00", ALTERED, 1)
    assert first_break([log[0], log[2]]) == ChainBreak(3, "2026-01-05 11:00:00", MISSING, 1)
    assert first_break(log[1:]) == ChainBreak(2, "2026-01-05 10:00:00", MISSING, 0)
    raw = AuditFields(4, "2026-01-05 12:00:00", None, "x", "", "{}")
    assert first_break(log + [raw]) == ChainBreak(4, "2026-01-05 12:00:00", UNSEALED, 3)
    # sealed correctly on its own, but onto the wrong entry
    stray = seal(AuditFields(4, "2026-01-05 12:00:00", None, "x", "", "{}"), log[0].hash)
    assert first_break(log + [stray]) == ChainBreak(4, "2026-01-05 12:00:00", OUT_OF_CHAIN, 3)


entries = st.lists(st.tuples(st.text(max_size=19), st.none() | st.integers(1, 9), st.text(max_size=8),
                             st.text(max_size=8), st.text(max_size=20)), min_size=1, max_size=12)


@given(entries)
def test_any_log_written_by_the_rules_holds(fields):
    assert first_break(chain(*fields)) is None


@given(entries, st.data())
def test_any_change_to_one_entry_is_found_at_that_entry(fields, data):
    log = chain(*fields)
    i = data.draw(st.integers(0, len(log) - 1))
    old = log[i]
    new_details = data.draw(st.text(max_size=20).filter(lambda t: t != old.details))
    log[i] = AuditFields(old.id, old.at, old.staff_id, old.action, old.target, new_details, old.prev_hash, old.hash)
    found = first_break(log)
    assert found is not None and found.entry_id == old.id and found.kind == ALTERED


@given(entries.filter(lambda f: len(f) >= 2), st.data())
def test_any_removed_entry_is_found_at_the_entry_after_it(fields, data):
    log = chain(*fields)
    i = data.draw(st.integers(0, len(log) - 2))
    found = first_break(log[:i] + log[i + 1:])
    assert found is not None and found.entry_id == log[i + 1].id and found.kind == MISSING
