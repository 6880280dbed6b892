"""Starting the window loads no library that only some screens need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ON_DEMAND = ("pypinyin", "reportlab", "openpyxl")


def _loaded_after(code: str) -> dict[str, bool]:
    probe = code + f"\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {ON_DEMAND!r}}}))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_the_window_loads_no_pinyin_pdf_or_spreadsheet_library():
    assert _loaded_after("import salon_desk.app, salon_desk.cli") == dict.fromkeys(ON_DEMAND, False)


def test_searching_needs_no_pinyin_conversion_but_saving_a_name_does():
    code = ("from salon_desk.pinyin_keys import query_ranges, customer_keys\n"
            "assert query_ranges('zs') and query_ranges('5678')\n"
            "import sys; before = 'pypinyin' in sys.modules\n"
            "assert 'i:zs' in customer_keys('张三', '13800005678') and not before")
    assert _loaded_after(code)["pypinyin"] is True


def test_reportlab_and_openpyxl_come_with_the_first_printout_or_spreadsheet():
    code = ("import salon_desk.app\n"
            "from salon_desk.reports import exports  # the spreadsheet export asks for openpyxl\n")
    loaded = _loaded_after(code)
    assert loaded["openpyxl"] is True and loaded["pypinyin"] is False
