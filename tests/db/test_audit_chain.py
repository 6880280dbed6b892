"""The audit log is a hash chain: an entry changed, slipped in or removed by someone with the file
(and the SQLite shell) is reported by `verify` at the first link that does not hold."""

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from salon_desk.audit_chain import ALTERED, MISSING, OUT_OF_CHAIN, UNSEALED
from salon_desk.cli import main


@pytest.fixture
def busy_day(shop, owner, items, new_customer, new_member, sell, owner_ok):
    zhang = new_member("张三", "13812345678", points=500)
    li = new_customer("李四", "13900000000")
    sale = sell(zhang.id, [items.cut])
    sell(li.id, [items.wcb])
    shop.sales.refund(owner, sale.sale_id, grant=owner_ok["grant"], reason="顾客不满意")
    shop.points.adjust(owner, zhang.id, 20, "补登")
    return shop


def raw(shop_path):
    return sqlite3.connect(shop_path, isolation_level=None)


def audit_rows(shop_path):
    con = raw(shop_path)
    try:
        return con.execute("SELECT id, at, prev_hash, hash FROM audit_log ORDER BY id").fetchall()
    finally:
        con.close()


def audit_break(shop, owner):
    found = [b for b in shop.audit.verify(owner) if b.check == "audit"]
    return found[0].chain if found else None


def test_every_entry_is_sealed_onto_the_one_before(busy_day, shop_path, owner):
    rows = audit_rows(shop_path)
    assert len(rows) >= 6
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0][2] == ""
    for before, entry in zip(rows, rows[1:]):
        assert entry[2] == before[3] and len(entry[3]) == 64
    assert busy_day.audit.verify(owner) == []


def test_an_entry_edited_by_hand_is_reported_at_that_entry(busy_day, shop_path, owner):
    rows = audit_rows(shop_path)
    victim_id, victim_at = rows[3][0], rows[3][1]
    con = raw(shop_path)
    with pytest.raises(sqlite3.IntegrityError):           # the program's own guard
        con.execute("UPDATE audit_log SET details = '{}' WHERE id = ?", (victim_id,))
    con.execute('DROP TRIGGER "audit_log_no_update"')      # as anyone with the file and a shell can
    con.execute("UPDATE audit_log SET details = ? WHERE id = ?", (json.dumps({"reason": "无"}), victim_id))
    con.close()
    chain = audit_break(busy_day, owner)
    assert (chain.entry_id, chain.at, chain.kind, chain.after_id) == (victim_id, victim_at, ALTERED, victim_id - 1)


def test_a_forged_entry_is_reported_where_it_was_slipped_in(busy_day, shop_path, owner):
    rows = audit_rows(shop_path)
    con = raw(shop_path)
    insert = ("INSERT INTO audit_log (at, staff_id, action, target, details) "
              "VALUES ('2026-01-05 10:00:00', 1, 'refund', '20260105-0001', '{}')")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(insert)
    con.execute('DROP TRIGGER "audit_log_chained"')
    forged = con.execute(insert).lastrowid
    con.close()
    chain = audit_break(busy_day, owner)
    assert (chain.entry_id, chain.kind, chain.at) == (forged, UNSEALED, "2026-01-05 10:00:00")
    assert forged == len(rows) + 1


def test_a_forged_entry_carrying_a_copied_seal_is_reported(busy_day, shop_path, owner):
    last_id, _, _, last_hash = audit_rows(shop_path)[-1]
    con = raw(shop_path)
    con.execute('DROP TRIGGER "audit_log_chained"')
    con.execute("INSERT INTO audit_log (id, at, staff_id, action, target, details, prev_hash, hash) "
                "VALUES (?, '2026-01-05 10:00:00', 1, 'void', 'x', '{}', ?, ?)", (last_id + 1, last_hash, last_hash))
    con.close()
    chain = audit_break(busy_day, owner)
    assert (chain.entry_id, chain.kind) == (last_id + 1, ALTERED)


def test_a_deleted_entry_is_reported_at_the_entry_after_it(busy_day, shop_path, owner):
    rows = audit_rows(shop_path)
    gone = rows[2][0]
    con = raw(shop_path)
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("DELETE FROM audit_log WHERE id = ?", (gone,))
    con.execute('DROP TRIGGER "audit_log_no_delete"')
    con.execute("DELETE FROM audit_log WHERE id = ?", (gone,))
    con.close()
    chain = audit_break(busy_day, owner)
    assert (chain.entry_id, chain.at, chain.kind, chain.after_id) == (rows[3][0], rows[3][1], MISSING, gone - 1)


def test_entries_renumbered_to_hide_a_deletion_do_not_follow(busy_day, shop_path, owner):
    rows = audit_rows(shop_path)
    con = raw(shop_path)
    for trigger in ("audit_log_no_delete", "audit_log_no_update"):
        con.execute(f'DROP TRIGGER "{trigger}"')
    con.execute("DELETE FROM audit_log WHERE id = 2")
    # move the later entries down, each resealed by someone who knows the recipe but not the link
    from salon_desk.audit_chain import AuditFields, entry_hash
    for entry_id, at, prev, _ in rows[2:]:
        row = con.execute("SELECT staff_id, action, target, details FROM audit_log WHERE id = ?", (entry_id,)).fetchone()
        fields = AuditFields(entry_id - 1, at, row[0], row[1], row[2], row[3])
        con.execute("UPDATE audit_log SET id = ?, hash = ? WHERE id = ?", (entry_id - 1, entry_hash(fields, prev), entry_id))
    con.close()
    chain = audit_break(busy_day, owner)
    assert (chain.entry_id, chain.kind) == (2, OUT_OF_CHAIN)


def test_the_command_line_reports_the_broken_link_with_its_time(busy_day, shop_path, monkeypatch, capsys):
    busy_day.close()
    rows = audit_rows(shop_path)
    con = raw(shop_path)
    con.execute('DROP TRIGGER "audit_log_no_update"')
    con.execute("UPDATE audit_log SET staff_id = NULL WHERE id = 4")
    con.close()
    monkeypatch.setenv("SALON_DESK_USER", "boss")
    monkeypatch.setenv("SALON_DESK_PASSWORD", "secret123")
    assert main(["verify", "--db", str(shop_path)]) == 1
    out = capsys.readouterr().out
    assert f"BROKEN audit: entry 4 ({rows[3][1]}): altered" in out


WRITER = textwrap.dedent("""
    import sys
    from salon_desk.db import Shop
    shop = Shop.open(sys.argv[1], run_jobs=False)
    for n in range(int(sys.argv[2])):
        with shop.db.atomic():
            shop.ctx.audit(None, "stress", target=sys.argv[3], n=n)
    shop.close()
""")


def test_two_programs_writing_at_once_keep_one_line(busy_day, shop_path, owner):
    before = len(audit_rows(shop_path))
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(shop_path), "60", name]) for name in ("a", "b")]
    for n in range(60):
        busy_day.ctx.audit(None, "stress", target="window", n=n)
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    rows = audit_rows(shop_path)
    assert len(rows) == before + 180
    assert busy_day.audit.verify(owner) == []


def test_the_migration_seals_the_entries_already_written(tmp_path):
    import shutil
    from pathlib import Path

    from salon_desk.db import Shop
    from salon_desk.db.audit_log import check_chain
    path = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "shop-v1.sqlite", path)
    con = raw(path)
    con.execute("INSERT INTO audit_log (at, staff_id, action, target, details) VALUES "
                "('2024-03-01 09:00:00', 1, 'customer_created', 'customer:1', '{}'), "
                "('2024-03-01 09:05:00', NULL, 'login_failed', '', '{}')")
    before = con.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    con.close()
    shop = Shop.open(path)
    try:
        rows = audit_rows(path)
        assert len(rows) >= before and all(r[3] and len(r[3]) == 64 for r in rows)
        assert check_chain(shop.ctx.execute) is None
    finally:
        shop.close()


def test_entries_cut_off_the_end_are_found_from_the_head_written_down_each_night(busy_day, shop_path, owner, clock):
    from salon_desk.audit_chain import CUT_SHORT
    busy_day.run_daily_jobs(backup=True)                       # the night: the chain's head is written down
    heads = (shop_path.parent / "backups" / "shop.audit-heads").read_text().split()
    head_id = int(heads[0])
    assert head_id == audit_rows(shop_path)[-1][0]
    con = raw(shop_path)
    con.execute('DROP TRIGGER "audit_log_no_delete"')
    con.execute("DELETE FROM audit_log WHERE id > ?", (head_id - 3,))   # the newest entries: the chain still holds
    con.close()
    from salon_desk.db.audit_log import check_chain
    assert check_chain(busy_day.ctx.execute) is None
    chain = audit_break(busy_day, owner)
    assert (chain.entry_id, chain.kind, chain.after_id) == (head_id, CUT_SHORT, head_id - 3)


def test_a_restore_sets_the_heads_aside_so_the_restored_chain_holds(busy_day, shop_path, owner, items, sell, clock):
    made = busy_day.backups.backup_now(owner)
    sell(None, [items.wcb])
    busy_day.run_daily_jobs(backup=True)                       # a head newer than the backup's chain
    busy_day.restore(owner, made)
    boss = busy_day.staff.login("boss", "secret123")
    assert busy_day.audit.verify(boss) == []
    assert list((shop_path.parent / "backups").glob("shop.audit-heads-before-restore-*"))
