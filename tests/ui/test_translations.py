"""Chinese is complete: no unfinished entry in the .ts, the .qm is built from it, every error has a sentence."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from salon_desk.errors import SalonError
from salon_desk.ui import errors_text
from salon_desk.ui.resources import font_path, translation_path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "salon_desk_zh_CN.ts"
RAISES = re.compile(r"""(?:InvalidInput|NotFound|Conflict|PermissionDenied|AuthenticationFailed|PaymentProblem|"""
                    r"""DatabaseProblem|PrinterProblem|SalonError)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def test_no_unfinished_or_empty_entry_in_the_zh_cn_ts():
    root = ET.parse(TS).getroot()
    bad = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip():
                bad.append(f"{name}: {message.findtext('source')!r}")
    assert not bad, "untranslated entries:\n" + "\n".join(bad)


def test_placeholders_survive_translation():
    root = ET.parse(TS).getroot()
    for message in root.iter("message"):
        source, text = message.findtext("source"), message.findtext("translation") or ""
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), source


def test_the_qm_holds_every_translation_of_the_ts(qapp):
    qm = translation_path("zh_CN")
    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm} is missing: python resources/translations/build.py --release"
    stale = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, text = message.findtext("source"), message.findtext("translation")
            if translator.translate(name, source) != text:
                stale.append(f"{name}: {source!r}")
    assert not stale, "the .qm is older than the .ts (python resources/translations/build.py --release):\n" + \
        "\n".join(stale[:20])
    assert font_path().exists()


def test_every_error_code_raised_in_the_package_has_a_sentence():
    raised = set()
    for path in (ROOT / "salon_desk").rglob("*.py"):
        if path.name.startswith("cli"):         # the command line has its own sentences
            continue
        raised |= set(RAISES.findall(path.read_text(encoding="utf-8")))
    assert raised, "the pattern found no codes"
    missing = sorted(raised - errors_text.known_codes())
    assert not missing, f"codes without a sentence in salon_desk/ui/errors_text.py: {missing}"


def test_a_message_formats_its_parameters_for_people(qapp):
    assert errors_text.message(SalonError("customer.phone_taken", phone="13812345678", name="张三")) == \
        "手机号 13812345678 已属于张三。"
    assert errors_text.message(SalonError("no.such_code")) == "出错了（no.such_code）。"


def test_every_string_marked_in_the_window_is_in_the_ts():
    """A tr() added without running the build script shows up here, not as English in the shop."""
    sources = {m.findtext("source") for m in ET.parse(TS).getroot().iter("message")}
    marked = re.compile(r"""(?:\btr|QCoreApplication\.translate\(\s*"\w+",)\(?\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\)""")
    missing = []
    for path in sorted((ROOT / "salon_desk" / "ui").glob("*.py")) + [ROOT / "salon_desk" / "app.py"]:
        for literal in marked.findall(path.read_text(encoding="utf-8")):
            text = ast.literal_eval(literal)
            if text not in sources:
                missing.append(f"{path.name}: {text!r}")
    assert not missing, "run python resources/translations/build.py and translate:\n" + "\n".join(missing)


def test_care_errors_read_in_chinese_with_their_parameters(qapp):
    assert errors_text.message(SalonError("care.bad_score", dimension="technique", value=7)) == \
        "技术水平的评分必须是 1 到 5 的整数。"
    assert errors_text.message(SalonError("complaint.refund_over_visit", amount=30_000, limit=26_800)) == \
        "这次到店最多可退 ¥268.00，不能退 ¥300.00。"
