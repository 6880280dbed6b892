"""Start-up as the shop sees it: launch to a painted counter, against a bare Qt window.

Each start is a fresh process, timed from just before it is launched:

- floor: a bare PySide6 window (QApplication, a QMainWindow with a label) shown
  and painted;
- counter: ``salon_desk.cli.main`` on a copy of the shop file, exactly as
  ``salon-desk --db FILE`` starts (the Qt check, the command line), the login dialog
  built and painted, then answered at once: the time of that login (the deliberate
  password hash) is measured and subtracted, so the figure is launch to the
  counter's first paint, the typing and the hash excluded. The start-up jobs and the window are in.
- resident memory (VmRSS) once the counter is painted, and the peak (VmHWM,
  the password hash's deliberate memory included).

Then, on the same window, the search: each keystroke typed into the counter's
real search box (QTest) until the results view has painted, p50/p95 over many
queries (phone tails, names, pinyin initials), under the offscreen platform.

    python bench/build_big_shop.py --db bench/out/big.sqlite                     # 10 years, 100k (~60 s)
    python bench/build_big_shop.py --db bench/out/year.sqlite --years 1 --customers 10000 --visits 42000
    python bench/bench_startup.py --shop 1y=bench/out/year.sqlite --shop 10y=bench/out/big.sqlite

The first start of a copy runs the day's jobs (the daily backup, lapses, yearly
resets) the way the first start of a day does; the later starts show a start
on a day whose jobs already ran. Both are printed. The starts go in rounds (a bare
window, then each shop) so the floor is measured in the same moments as the starts it
is compared with, and the disk is synced before each launch: a start is not charged for
the writes of the one before.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def memory_kib() -> tuple[int, int]:
    """Resident and peak resident memory of this process, KiB."""
    try:
        status = Path("/proc/self/status").read_text()
        fields = {line.split(":")[0]: int(line.split()[1]) for line in status.splitlines()
                  if line.startswith(("VmRSS", "VmHWM"))}
        return fields["VmRSS"], fields["VmHWM"]
    except (OSError, KeyError):
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak, peak


# -- the child processes ------------------------------------------------------------------
def child_floor(launched: float) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    result: dict = {}

    class Window(QMainWindow):
        def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
            super().paintEvent(event)
            if not result:
                QTimer.singleShot(0, done)

    def done() -> None:
        result["paint_s"] = time.time() - launched
        result["cpu_s"] = time.process_time()
        result["rss_kib"], result["peak_kib"] = memory_kib()
        app.quit()
    window = Window()
    window.setCentralWidget(QLabel("salon-desk"))
    window.showMaximized()
    app.exec()
    return result


def child_counter(launched: float, db: str, search: bool) -> dict:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import salon_desk.app as app_module
    import salon_desk.cli as cli
    from salon_desk.ui.counter_page import CounterPage

    result: dict = {"login_s": 0.0, "login_cpu_s": 0.0}

    def answer_login(dialog) -> int:
        # the real login dialog is built, shown and painted; then the password is "typed" at once
        # and the login (the deliberate password hash) is timed, to be taken off the start
        from PySide6.QtWidgets import QDialog
        shown = {"painted": False}

        class Painted(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    shown["painted"] = True
                return False
        spy = Painted()
        dialog.installEventFilter(spy)
        dialog.show()
        while not shown["painted"]:
            QApplication.processEvents()
        dialog.removeEventFilter(spy)
        dialog.fill("owner", "owner123")
        started, cpu = time.time(), time.process_time()
        dialog.try_login()
        result["login_s"] = time.time() - started
        result["login_cpu_s"] = time.process_time() - cpu
        dialog.hide()
        return QDialog.DialogCode.Accepted if dialog.staff is not None else QDialog.DialogCode.Rejected
    app_module.LoginDialog.exec = answer_login

    # the counter's first paint, seen as the floor sees its window's: in the widget's own
    # paintEvent (an application-wide event filter would tax every event of the start)
    real_paint = CounterPage.paintEvent

    def first_paint(self, event) -> None:  # noqa: N802 (Qt's name)
        real_paint(self, event)
        if "paint_s" not in result:
            result["paint_s"] = -1.0
            QTimer.singleShot(0, lambda: painted(self))
    CounterPage.paintEvent = first_paint

    def painted(counter) -> None:
        result["paint_s"] = time.time() - launched
        result["cpu_s"] = time.process_time() - result["login_cpu_s"]
        result["rss_kib"], result["peak_kib"] = memory_kib()
        if search:
            result["search_ms"] = type_searches(counter)
        QApplication.instance().quit()

    cli.main(["--db", db, "--lang", "zh_CN"])      # exactly as `salon-desk --db FILE` starts
    return result


SEARCHES = ["5678", "1234", "0021", "8866", "13912", "zs", "wxl", "lj", "chen", "zhangw", "张", "王芳", "李",
            "刘洋", "9090", "3141", "yy", "hzm", "138", "4455"]


def type_searches(counter) -> list[float]:
    """Milliseconds from each keystroke in the search box to the results view painted."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import threading
    deadline = time.time() + 120          # the day's jobs run after the first paint: type once they are done
    while any(t.name == "salon-desk daily jobs" for t in threading.enumerate()) and time.time() < deadline:
        QApplication.instance().processEvents()
        time.sleep(0.01)
    viewport = counter.results_view.viewport()
    painted = {"at": 0.0, "box": 0.0}
    changed = {"model": False}
    model = counter.results_model
    model.modelReset.connect(lambda: changed.__setitem__("model", True))
    model.dataChanged.connect(lambda *a: changed.__setitem__("model", True))
    queried: list[float] = []
    customers = counter.shop.customers
    real_find = customers.find

    def timed_find(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real_find(*args, **kwargs)
        finally:
            queried.append((time.perf_counter() - started) * 1000)
    customers.find = timed_find

    class Painted(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted["at" if watched is viewport else "box"] = time.perf_counter()
            return False
    spy = Painted()
    viewport.installEventFilter(spy)
    counter.search.installEventFilter(spy)
    app = QApplication.instance()
    samples = []
    query_ms = []
    cpu_ms: list[float] = []
    for query in SEARCHES * 3:
        counter.search.clear()
        app.processEvents()
        counter.search.setFocus()
        for char in query:
            painted["at"] = painted["box"] = 0.0
            changed["model"] = False
            queried.clear()
            started, cpu_started = time.perf_counter(), time.process_time()
            if char.isascii():
                QTest.keyClick(counter.search, char)
            else:                                   # an input method commits Chinese as text
                counter.search.insert(char)
            deadline = started + 2.0

            def shown() -> bool:   # the typed character, and the results when they changed, on screen
                return painted["box"] >= started and (not changed["model"] or painted["at"] >= started)
            while not shown() and time.perf_counter() < deadline:
                app.processEvents()
            last = max(painted["box"], painted["at"] if changed["model"] else 0.0)
            samples.append((last - started) * 1000 if shown() else 2000.0)
            cpu_ms.append((time.process_time() - cpu_started) * 1000)
            query_ms.append(sum(queried))
    viewport.removeEventFilter(spy)
    counter.search.removeEventFilter(spy)
    customers.find = real_find
    return {"keystroke": samples, "query": query_ms, "cpu": cpu_ms}


# -- the parent -----------------------------------------------------------------------------
def launch(kind: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if hasattr(os, "sync"):
        os.sync()          # the last start's writes (a copy, the day's backup) reach the disk before the clock starts
    launched = time.time()
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind, str(launched), *args],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{kind} start failed:\n{out.stderr[-3000:]}")
    return json.loads(lines[-1])


def applied_steps(path: Path) -> int:
    """How many schema steps the shop file has taken (a first start may bring it up to date)."""
    import sqlite3
    con = sqlite3.connect(str(path))
    try:
        return int(con.execute("SELECT count(*) FROM schema_history").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        con.close()


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        kind, launched, rest = argv[1], float(argv[2]), argv[3:]
        result = child_floor(launched) if kind == "floor" else child_counter(launched, rest[0], rest[1] == "1")
        print(json.dumps(result), flush=True)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shop", action="append", default=[],
                        help="NAME=FILE, a shop file to start on (repeat); default 10y=bench/out/big.sqlite")
    parser.add_argument("--runs", type=int, default=5, help="starts per shop after the first (default 5)")
    args = parser.parse_args(argv)
    shops = [s.split("=", 1) for s in (args.shop or ["10y=bench/out/big.sqlite"])]

    # An installed program runs from compiled bytecode (pip, the .deb and the bundle compile it):
    # compile the package first, and let the children use it even where the shell forbids writing it.
    import compileall
    compileall.compile_dir(str(ROOT / "salon_desk"), quiet=1)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    floors: list[dict] = []
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="salon-bench-") as tmp:
        copies = {}
        for name, path in shops:
            copies[name] = Path(tmp) / f"{name}.sqlite"
            shutil.copyfile(path, copies[name])
            steps_before = applied_steps(copies[name])
            results[name] = {"first": launch("counter", str(copies[name]), "0"), "runs": []}
            results[name]["upgraded"] = applied_steps(copies[name]) - steps_before
        # Rounds: a bare window, then each shop, so the floor shares the machine's moments with
        # the starts it is compared with.
        for i in range(args.runs):
            floors.append(launch("floor"))
            for name, _path in shops:
                results[name]["runs"].append(launch("counter", str(copies[name]), "1" if i == args.runs - 1 else "0"))
    floor = statistics.median(f["paint_s"] for f in floors)
    floor_cpu = statistics.median(f["cpu_s"] for f in floors)
    floor_rss = statistics.median(f["rss_kib"] for f in floors) / 1024
    print(f"bare window floor: {floor * 1000:.0f} ms to paint (median of {args.runs}; "
          f"min {min(f['paint_s'] for f in floors) * 1000:.0f}, max {max(f['paint_s'] for f in floors) * 1000:.0f}), "
          f"CPU {floor_cpu * 1000:.0f} ms, resident {floor_rss:.0f} MiB")
    medians = {}
    for name, path in shops:
        first, runs = results[name]["first"], results[name]["runs"]
        starts = [r["paint_s"] - r["login_s"] for r in runs]
        cpu = statistics.median(r["cpu_s"] for r in runs)
        medians[name] = statistics.median(starts)
        rss = statistics.median(r["rss_kib"] for r in runs) / 1024
        peak = statistics.median(r["peak_kib"] for r in runs) / 1024
        print(f"{name} ({Path(path).name}, {Path(path).stat().st_size / 2**20:.0f} MiB): "
              f"launch to painted counter, login excluded: first start of the day "
              f"{(first['paint_s'] - first['login_s']) * 1000:.0f} ms"
              + (f" (it first upgraded the file: {results[name]['upgraded']} schema steps, with the backup taken before)"
                 if results[name]["upgraded"] else "")
              + f"; later starts median "
              f"{medians[name] * 1000:.0f} ms (min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}); "
              f"{medians[name] / floor:.1f}x the floor; CPU {cpu * 1000:.0f} ms ({cpu / floor_cpu:.1f}x the floor's); login (hash) {statistics.median(r['login_s'] for r in runs) * 1000:.0f} ms; "
              f"resident {rss:.0f} MiB, peak {peak:.0f} MiB")
        search = runs[-1].get("search_ms")
        if search:
            keys, queries = search["keystroke"], search["query"]
            print(f"{name} search, keystroke to painted results through the counter's search box: "
                  f"p50 {percentile(keys, 0.5):.1f} ms, p95 {percentile(keys, 0.95):.1f} ms, "
                  f"max {max(keys):.1f} ms over {len(keys)} keystrokes; of which shop.customers.find "
                  f"p50 {percentile(queries, 0.5):.1f} ms, p95 {percentile(queries, 0.95):.1f} ms; "
                  f"CPU per keystroke p50 {percentile(search['cpu'], 0.5):.1f} ms, "
                  f"p95 {percentile(search['cpu'], 0.95):.1f} ms")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    names = [n for n, _ in shops]
    if len(names) >= 2:
        print(f"ratio {names[-1]} / {names[0]} (later starts): {medians[names[-1]] / medians[names[0]]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
