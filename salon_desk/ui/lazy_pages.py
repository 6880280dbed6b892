"""The window's pages, each built the first time it is shown (or asked for), not at start.

Only the first tab (the counter) is built with the window; every other tab holds a
light placeholder until the cashier opens it, so a start does not pay for the
customer list, the follow-up tasks, the reports or their modules. ``pages[key]``
builds a page on demand, so code and tests reach a page as before.
"""

from __future__ import annotations

from typing import Callable, Iterator

from PySide6.QtWidgets import QTabWidget, QWidget

Factory = Callable[[], QWidget]


class _Placeholder(QWidget):
    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class LazyPages(dict[str, QWidget]):
    """Page key -> page, built on first use; ``key in pages`` is true for a page not yet built."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__()
        self.tabs = tabs
        self.factories: dict[str, Factory] = {}
        self.built_hook: Callable[[str, QWidget], None] | None = None
        tabs.currentChanged.connect(self._shown)

    def add(self, key: str, title: str, factory: Factory, now: bool = False) -> None:
        """A tab titled ``title`` whose page ``factory`` makes (at once with ``now``)."""
        if now:
            page = factory()
            super().__setitem__(key, page)
            self.tabs.addTab(page, title)
            return
        self.factories[key] = factory
        self.tabs.addTab(_Placeholder(key), title)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or key in self.factories

    def __getitem__(self, key: str) -> QWidget:
        if not super().__contains__(key) and key in self.factories:
            self._build(key)
        return super().__getitem__(key)

    def get(self, key: str, default: QWidget | None = None) -> QWidget | None:  # type: ignore[override]
        return self[key] if key in self else default

    def keys_all(self) -> list[str]:
        return list(super().keys()) + [k for k in self.factories if not super().__contains__(k)]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_all())

    def __len__(self) -> int:
        return len(self.keys_all())

    def built(self, key: str) -> bool:
        return super().__contains__(key)

    def _build(self, key: str) -> None:
        factory = self.factories.pop(key)
        page = factory()
        super().__setitem__(key, page)
        for index in range(self.tabs.count()):
            holder = self.tabs.widget(index)
            if isinstance(holder, _Placeholder) and holder.key == key:
                current = self.tabs.currentIndex()
                title = self.tabs.tabText(index)
                blocked = self.tabs.blockSignals(True)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, page, title)
                self.tabs.setCurrentIndex(current)
                self.tabs.blockSignals(blocked)
                holder.deleteLater()
                break
        if self.built_hook is not None:
            self.built_hook(key, page)

    def close(self) -> None:
        """The window is rebuilding its tabs: this set no longer follows them."""
        self.tabs.currentChanged.disconnect(self._shown)

    def _shown(self, index: int) -> None:
        holder = self.tabs.widget(index)
        if isinstance(holder, _Placeholder) and holder.key in self.factories:
            self._build(holder.key)
