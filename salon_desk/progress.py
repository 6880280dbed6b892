"""Progress of long work: the demo build measured in days replayed, and bars on the command line.

The demo build reports a line every 30 days it replays (``"2026-07-01: 312
sales"``); ``demo_builder`` turns those into ``(done, total, text)`` steps that
the command line shows with tqdm and the window with a progress dialog. Work
whose size is unknown beforehand (an export, a check) shows a ticking bar with
the time taken; a backup (pages copied) and a restore (bytes copied) report
their own steps (``measured``). Bars draw only on a terminal: piped output
stays plain lines.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator

Report = Callable[[int, int, str], None]
DAYS_PER_MONTH = 30                       # the demo replays months of 30 days


def demo_days(months: int) -> int:
    return months * DAYS_PER_MONTH


def demo_step(line: str, first_day: date, total_days: int) -> int | None:
    """Days replayed so far according to one of the demo build's progress lines, or None."""
    head = line.split(":", 1)[0].strip()
    try:
        day = date.fromisoformat(head)
    except ValueError:
        return None
    return max(0, min(total_days, (day - first_day).days))


def demo_builder(report: Report, months: int, today: date | None = None) -> Callable[[str], None]:
    """The ``progress`` callback for ``build_demo``: each line becomes ``report(done, total, line)``."""
    total = demo_days(months)
    first_day = (today or date.today()) - timedelta(days=total)

    def progress(line: str) -> None:
        done = demo_step(line, first_day, total)
        if done is not None:
            report(done, total, line)
    return progress


def build_demo_reporting(path: str | Path, report: Report, customers: int = 300, months: int = 6,
                         seed: int = 1) -> dict[str, Any]:
    """``build_demo`` with its progress as ``report(done_days, total_days, text)``; ends with done == total."""
    from .db import demo
    summary = demo.build_demo(path, customers=customers, months=months, seed=seed,
                              progress=demo_builder(report, months))
    report(demo_days(months), demo_days(months), "")
    return summary


def on_terminal(stream: Any = None) -> bool:
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):
        return False


class TerminalBar:
    """A tqdm bar on stderr when it is a terminal; otherwise the text of each step, as plain lines."""

    def __init__(self, description: str, total: int | None = None, unit: str = "it",
                 stream: Any = None, plain_lines: bool = True, timer: bool = False) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.plain_lines = plain_lines
        self._bar = None
        if on_terminal(self.stream):
            from tqdm import tqdm
            self._bar = tqdm(total=total, desc=description, unit=unit, unit_scale=unit == "B", file=self.stream, leave=True,
                             dynamic_ncols=True, bar_format="{desc}: {elapsed}" if timer else None)

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._bar is not None:
            self._bar.total = total
            self._bar.n = done
            self._bar.refresh()
        elif text and self.plain_lines and self.stream is not None:
            print(text, file=self.stream)

    def tick(self) -> None:
        if self._bar is not None:
            self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


@contextmanager
def working(description: str, stream: Any = None, interval: float = 0.25) -> Iterator[TerminalBar]:
    """A bar that shows the time taken while the body runs (work of unknown size); quiet off a terminal."""
    bar = TerminalBar(description, stream=stream, plain_lines=False, timer=True)
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(interval):
            bar.tick()
    ticker = threading.Thread(target=tick, daemon=True) if bar._bar is not None else None
    if ticker:
        ticker.start()
    try:
        yield bar
    finally:
        stop.set()
        if ticker:
            ticker.join()
        bar.close()


@contextmanager
def measured(description: str, unit: str = "it", stream: Any = None) -> Iterator[TerminalBar]:
    """A tqdm bar fed by ``bar.report(done, total, text)`` from the work itself (a backup's pages,
    a restore's bytes); quiet off a terminal."""
    bar = TerminalBar(description, unit=unit, stream=stream, plain_lines=False)
    try:
        yield bar
    finally:
        bar.close()
