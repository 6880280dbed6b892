"""The thermal printer's text: what it can print, the replacements, the widths, the bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_desk.escpos_text import (
    Cell, UnprintableText, center, clean, clean_name, columns, encode, pair, printable, width, wrap,
)


# -- worked examples, written out by hand ---------------------------------------
def test_the_full_width_yuan_sign_is_two_gbk_bytes_and_the_half_width_one_is_replaced():
    assert encode("￥12.00", "gbk") == b"\xa3\xa412.00"
    assert clean("¥12.00", "gbk") == "￥12.00"
    assert encode(clean("¥12.00", "gb18030"), "gb18030") == b"\xa3\xa412.00"
    with pytest.raises(UnprintableText):
        encode("¥12.00", "gb18030")          # GB18030's four-byte ¥ prints as garbage on a GBK font


def test_a_line_of_chinese_punctuation_only_is_sent_as_gbk_not_question_marks():
    assert encode("，。：", "gbk") == b"\xa3\xac\xa1\xa3\xa3\xba"
    assert clean("，。：；！？（）【】“”、", "gbk") == "，。：；！？（）【】“”、"
    assert b"?" not in encode(clean("，。：；！？（）【】“”、", "gbk"), "gbk")


def test_dashes_become_a_hyphen():
    assert clean("洗剪吹—短发–中分―", "gbk") == "洗剪吹-短发-中分-"


def test_emoji_in_a_note_are_dropped_with_their_joiners_skin_tones_and_flags():
    assert clean("效果很好😀👍🏻 下次再来👨‍👩‍👧", "gbk") == "效果很好 下次再来"
    assert clean("好 😀 的", "gbk") == "好 的"
    assert clean("🇨🇳加油❤️", "gbk") == "加油"


def test_control_bytes_typed_in_a_note_never_reach_the_printer():
    cleaned = clean("备注\x1bp\x00\x19\xfa完\x10\x14\x01\x00\x05", "gbk")
    assert cleaned == "备注pú完"          # ú is a pinyin letter in GBK
    assert not any(b < 0x20 for b in encode(cleaned, "gbk"))


def test_a_name_outside_gbk_prints_masked():
    assert clean_name("王𠮷", "gbk") == "王*"          # Extension B: no printer font has it
    assert clean_name("王𠮷", "gb18030") == "王*"
    assert clean_name("龚䶮", "gbk") == "龚*"          # Extension A: not in GBK...
    assert clean_name("龚䶮", "gb18030") == "龚䶮"     # ...but a GB18030 printer draws it
    assert clean_name("陶喆", "gbk") == "陶喆"          # GBK has the common name characters
    assert clean_name("张堃赟玥珺", "gbk") == "张堃赟玥珺"


def test_other_unprintable_characters_are_masked_with_a_box_not_a_question_mark():
    assert clean("ǅ", "gbk") == "□"
    assert clean("价格 €5", "gbk") == "价格 EUR5"


def test_the_raster_code_page_is_what_the_bundled_font_draws():
    assert printable("中", "raster") and printable("￥", "raster") and printable("─", "raster")
    assert not printable("㈠", "raster") and printable("㈠", "gbk")   # in GBK, not in the font subset


def test_width_counts_what_the_printer_prints():
    assert width("abc") == 3
    assert width("张三") == 4
    assert width("￥268.00 × 1") == 13    # ￥ and × are full width in a Chinese font
    assert width("…·") == 4


def test_wrap_keeps_words_and_no_line_starts_with_closing_punctuation():
    assert wrap("短发，刘海不要太短", 6) == ["短发，", "刘海不", "要太短"]
    assert wrap("短发刘，海不要太短", 6) == ["短发", "刘，海", "不要太", "短"]
    assert wrap("染发 color 7.5 号", 10) == ["染发 color", "7.5 号"]
    assert wrap("", 10) == [""]


def test_pair_fills_the_line_and_wraps_a_long_label():
    assert pair("应付金额", "￥313.80", 32) == ["应付金额                ￥313.80"]
    assert pair("积分抵扣（300分）积分抵扣积分抵扣", "-￥3.00", 32) == [
        "积分抵扣（300分）积分抵",
        "扣积分抵扣" + " " * 15 + "-￥3.00"]


def test_columns_fall_back_to_two_lines_when_the_cells_would_overlap():
    cells = [Cell("￥12,268.00 × 10", 2), Cell("8.5折", 20, "right"), Cell("￥104,214.40", 32, "right")]
    assert columns(cells, 32) == ["  ￥12,268.00 × 10", "             8.5折  ￥104,214.40"]
    assert columns([Cell("￥268.00 × 1", 2), Cell("8折", 20, "right"), Cell("￥214.40", 32, "right")], 32) == \
        ["  ￥268.00 × 1  8折    ￥214.40"]


def test_center_pads_on_the_left_only():
    assert center("收银小票", 32) == ["            收银小票"]


# -- properties ----------------------------------------------------------------------
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["gbk", "gb18030", "raster"]))
def test_whatever_is_typed_cleans_to_text_the_printer_can_print(text, code_page):
    cleaned = clean(text, code_page)
    data = encode(cleaned, code_page)
    assert "?" not in data.decode("gb18030").replace("?", "") and b"\n" not in data
    assert not any(b < 0x20 for b in data)
    assert clean(cleaned, code_page) == cleaned        # cleaning twice changes nothing


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=2, max_value=64))
def test_wrapped_lines_never_pass_the_column_limit(text, cols):
    lines = wrap(clean(text, "gbk"), cols)
    assert all(width(line) <= cols for line in lines)
    assert "".join(lines).replace(" ", "") == clean(text, "gbk").replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, st.sampled_from([32, 48]))
def test_a_pair_never_passes_the_column_limit_and_keeps_the_value_flush_right(label, value, cols):
    label, value = clean(label, "gbk"), clean(value, "gbk")
    lines = pair(label, value, cols)
    assert all(width(line) <= cols for line in lines)
    if value and width(value) <= cols - 1:
        assert lines[-1].endswith(value) and width(lines[-1]) == cols
