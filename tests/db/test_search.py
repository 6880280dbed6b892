"""Finding a customer as the cashier types: phone tail, phone, name, pinyin, ranked, 20 at most."""

import pytest

from salon_desk.db.customers import CustomerDetails
from salon_desk.errors import PermissionDenied


def names(results):
    return [r.name for r in results]


@pytest.fixture
def people(new_customer):
    """Five files; 张伟 and 张三 share the tail 5678."""
    return {
        "张三": new_customer("张三", "13812345678").id,
        "李四": new_customer("李四", "13900001111").id,
        "王小明": new_customer("王小明", "13700002222").id,
        "张伟": new_customer("张伟", "13600005678").id,
        "单田芳": new_customer("单田芳", "13500003333").id,
    }


def test_phone_tail(shop, cashier, people):
    # never visited: the newest file first
    assert names(shop.customers.find(cashier, "5678")) == ["张伟", "张三"]
    assert names(shop.customers.find(cashier, "1111")) == ["李四"]
    assert shop.customers.find(cashier, "9999") == []


def test_whole_phone_and_its_start(shop, cashier, people):
    assert names(shop.customers.find(cashier, "13812345678")) == ["张三"]
    assert names(shop.customers.find(cashier, "138 1234 5678")) == ["张三"]
    assert names(shop.customers.find(cashier, "1370000")) == ["王小明"]


def test_the_exact_phone_comes_first(shop, cashier, items, new_customer, people, sell):
    # a longer foreign number that starts with the same digits, and who visited more recently
    other = new_customer("Anna", "138123456789")
    sell(other.id, [items.wcb])
    assert names(shop.customers.find(cashier, "13812345678")) == ["张三", "Anna"]


def test_name_substring(shop, cashier, people):
    assert names(shop.customers.find(cashier, "小明")) == ["王小明"]
    assert names(shop.customers.find(cashier, "张")) == ["张伟", "张三"]
    assert names(shop.customers.find(cashier, "三")) == ["张三"]


def test_pinyin_initials(shop, cashier, people):
    assert names(shop.customers.find(cashier, "zs")) == ["张三"]
    assert names(shop.customers.find(cashier, "wxm")) == ["王小明"]
    assert names(shop.customers.find(cashier, "WXM")) == ["王小明"]
    assert names(shop.customers.find(cashier, "z")) == ["张伟", "张三"]


def test_full_pinyin_and_its_start(shop, cashier, people):
    assert names(shop.customers.find(cashier, "zhangsan")) == ["张三"]
    assert names(shop.customers.find(cashier, "zhang")) == ["张伟", "张三"]
    assert names(shop.customers.find(cashier, "wangxiao")) == ["王小明"]


def test_surname_override(shop, cashier, people):
    # 单 as a surname reads shan; people also type the everyday dan
    assert names(shop.customers.find(cashier, "shan")) == ["单田芳"]
    assert names(shop.customers.find(cashier, "stf")) == ["单田芳"]
    assert names(shop.customers.find(cashier, "dtf")) == ["单田芳"]


def test_ranked_by_most_recent_visitor(shop, cashier, clock, items, people, sell):
    sell(people["张三"], [items.wcb])            # 22 Nov 10:00
    clock.advance(hours=2)
    sell(people["张伟"], [items.wcb])            # 22 Nov 12:00, more recent
    assert names(shop.customers.find(cashier, "zhang")) == ["张伟", "张三"]
    clock.advance(days=1)
    sell(people["张三"], [items.wcb])            # 23 Nov: 张三 is the latest again
    assert names(shop.customers.find(cashier, "zhang")) == ["张三", "张伟"]
    results = shop.customers.find(cashier, "zhang")
    assert results[0].last_visit_at == clock.now


def test_at_most_twenty_results(shop, cashier, items, new_customer, sell):
    ids = [new_customer("张伟", f"136{n:08d}").id for n in range(25)]
    sell(ids[0], [items.wcb])                       # the oldest file visited today
    results = shop.customers.find(cashier, "zw")
    assert len(results) == 20
    assert results[0].id == ids[0]
    assert [r.id for r in results[1:]] == ids[:5:-1]       # then the newest files: indexes 24 down to 6 (19)


def test_archived_files_are_hidden(shop, cashier, people):
    shop.customers.archive(cashier, people["张三"])
    assert names(shop.customers.find(cashier, "zs")) == []
    assert names(shop.customers.find(cashier, "zs", include_archived=True)) == ["张三"]


def test_results_carry_tier_points_and_a_masked_phone(shop, owner, tech, new_member):
    member = new_member("张三", "13812345678", tier="gold", points=1000)
    [row] = shop.customers.find(owner, "zs")
    assert (row.id, row.tier, row.member_no, row.points) == (member.id, "gold", "M000001", 1000)
    assert (row.phone, row.phone_masked) == ("13812345678", "138****5678")
    # A technician does not search the customer file, and sees phones masked.
    with pytest.raises(PermissionDenied):
        shop.customers.find(tech, "zs")
    with pytest.raises(PermissionDenied):
        shop.customers.file(tech, member.id)        # not in the shop with them


def test_keys_follow_an_edit(shop, owner, people):
    shop.customers.update(owner, people["李四"], CustomerDetails(name="赵六", phone="13900009999"))
    assert shop.customers.find(owner, "ls") == []
    assert shop.customers.find(owner, "1111") == []
    assert names(shop.customers.find(owner, "zl")) == ["赵六"]
    assert names(shop.customers.find(owner, "9999")) == ["赵六"]


def test_nothing_typed_finds_nothing(shop, cashier, people):
    assert shop.customers.find(cashier, "") == []
    assert shop.customers.find(cashier, "  ") == []


def test_one_or_two_digits_find_the_most_recent_visitors_as_the_whole_range_would(
        shop, cashier, clock, items, new_customer, sell, monkeypatch):
    # One or two digits match nearly every file (mobile numbers begin 13…19): the search looks
    # among the most recent visitors first. Here "most recent" is 5 files, so both ways are used.
    from salon_desk.db import search
    monkeypatch.setattr(search, "RECENT_VISITORS", 5)
    ids = [new_customer(f"顾客{n}", f"13{n % 3}{n:08d}").id for n in range(26)]
    for n in (3, 17, 8, 25, 0, 12, 21, 5, 14):                # visits, oldest first
        sell(ids[n], [items.wcb])
        clock.advance(minutes=30)
    hk = new_customer("陈家明", "+852 9123 4567").id          # a Hong Kong number, never visited
    every_way = {}
    for typed in ("1", "13", "130", "85"):
        found = [r.id for r in shop.customers.find(cashier, typed)]
        monkeypatch.setattr(search, "_is_wide", lambda text: False)     # the whole key range, sorted
        every_way[typed] = found == [r.id for r in shop.customers.find(cashier, typed)]
        monkeypatch.undo()
        monkeypatch.setattr(search, "RECENT_VISITORS", 5)
        if typed == "1":
            assert found[:9] == [ids[n] for n in (14, 5, 21, 12, 0, 25, 8, 17, 3)]   # newest visit first
            assert len(found) == 20
        if typed == "85":
            assert found == [hk]            # not among the recent visitors: found in the whole range
    assert every_way == {"1": True, "13": True, "130": True, "85": True}


def test_a_full_page_among_the_recent_visitors_is_the_answer_in_one_statement(
        shop, cashier, clock, items, new_customer, sell, monkeypatch):
    from salon_desk.db import search
    monkeypatch.setattr(search, "RECENT_VISITORS", 5)
    ids = [new_customer(f"顾客{n}", f"139{n:08d}").id for n in range(12)]
    for n in (7, 2, 9, 4, 11, 0):
        sell(ids[n], [items.wcb])
        clock.advance(minutes=30)
    statements = []
    real = search.as_dicts
    monkeypatch.setattr(search, "as_dicts", lambda cursor: statements.append(1) or real(cursor))
    found = [r.id for r in shop.customers.find(cashier, "13", limit=3)]
    assert found == [ids[0], ids[11], ids[4]] and len(statements) == 1       # the walk answered
    statements.clear()
    found = [r.id for r in shop.customers.find(cashier, "13", limit=8)]      # more than the 5 recent
    assert found[:6] == [ids[n] for n in (0, 11, 4, 9, 2, 7)] and len(found) == 8 and len(statements) == 2
