"""Search keys: phone tail and whole phone, name parts, pinyin initials and full pinyin."""

import pytest

from salon_desk.pinyin_keys import INITIALS, customer_keys, name_keys, phone_keys, query_ranges


def pinyin(name):
    return sorted(k for k in name_keys(name) if k[:2] in ("i:", "f:"))


def test_initials_and_full_pinyin():
    assert pinyin("张三") == ["f:zhangsan", "i:zs"]
    assert {"f:wangxiaoming", "i:wxm"} <= set(pinyin("王小明"))      # plus 王's rarer readings (heteronyms)
    assert pinyin("欧阳娜娜") == ["f:ouyangnana", "i:oynn"]


def test_surname_readings_keep_both_the_surname_and_the_everyday_reading():
    assert {"f:dantianfang", "f:shantianfang", "i:dtf", "i:stf"} <= set(pinyin("单田芳"))
    assert pinyin("曾小贤") == ["f:cengxiaoxian", "f:zengxiaoxian", "i:cxx", "i:zxx"]
    assert pinyin("吕布") == ["f:lubu", "f:lvbu", "i:lb"]
    # 解 as a surname is xie; only inside a name is it jie
    assert "f:xiexiaodong" in name_keys("解晓东")


def test_name_substrings():
    keys = {k for k in name_keys("王小明") if k.startswith("n:")}
    assert keys == {"n:王", "n:小", "n:明", "n:王小", "n:小明", "n:王小明"}


def test_phone_keys():
    assert phone_keys("13812345678") == {"p:13812345678", "t:5678"}
    assert phone_keys("+86 138 1234 5678") == {"p:13812345678", "t:5678"}
    assert phone_keys(None) == set()
    assert customer_keys("张三", "13812345678") >= {"i:zs", "f:zhangsan", "n:张三", "t:5678", "p:13812345678"}


def test_query_ranges():
    # four digits: a phone prefix or the tail
    assert query_ranges("5678") == [("p:5678", "p:5678\uffff", False), ("t:5678", "t:5678\x00", False)]
    # a whole mainland number is an exact-phone query (ranked first)
    assert query_ranges("138 1234 5678") == [("p:13812345678", "p:13812345678\uffff", True)]
    # letters: pinyin initials or the start of the full pinyin
    assert query_ranges("ZS") == [("i:zs", "i:zs\uffff", False), ("f:zs", "f:zs\uffff", False)]
    # Chinese: a part of the name
    assert query_ranges("小明") == [("n:小明", "n:小明\x00", False)]
    assert query_ranges("   ") == []


@pytest.mark.parametrize("name, readings", [
    ("宓小红", ("fxh", "mxh")), ("句芒", ("gm", "jm")), ("阚泽", ("kz", "hz")), ("便宜", ("py", "by")),
    ("隗嚣", ("wx", "kx")), ("折可", ("sk", "zk")), ("蕃生", ("ps", "fs", "bs")),
])
def test_every_reading_of_the_surname_is_indexed(name, readings):
    """The surname reading and the everyday one: whichever the cashier types finds the customer."""
    keys = name_keys(name)
    for initials in readings:
        assert INITIALS + initials in keys, initials


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from salon_desk.pinyin_keys import FULL  # noqa: E402

NAME_CHARS = st.sampled_from(list("张王李赵刘陈杨黄周吴曾单解朴欧阳娜芳伟强三明") + list("abcxyzAMY -'7"))


@given(st.text(NAME_CHARS, min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_one_letter_begins_the_initials_exactly_when_it_begins_the_full_pinyin(name):
    # why one typed letter reads the initials' keys only: the full pinyin's keys begin alike
    keys = customer_keys(name, None)
    first_of = lambda prefix: {k[len(prefix)] for k in keys if k.startswith(prefix) and len(k) > len(prefix)}  # noqa: E731
    assert first_of(INITIALS) == first_of(FULL)


def test_one_letter_is_one_range_and_two_letters_are_two():
    assert [low for low, _, _ in query_ranges("z")] == [INITIALS + "z"]
    assert [low for low, _, _ in query_ranges("zh")] == [INITIALS + "zh", FULL + "zh"]
