"""Languages: our translation plus Qt's own (so standard buttons read 确定/取消), and the bundled CJK font."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .resources import font_path, translation_path

DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []
_current: list[tuple[object, str, bool]] = []    # the application, the language installed in it, ours loaded


def install_language(language: str) -> bool:
    """Replace the installed translators; English needs none. True if ours loaded. The language
    already installed in this application is kept as it is (its files are not read again)."""
    app = QCoreApplication.instance()
    if _current and _current[0][0] is app and _current[0][1] == language:
        return _current[0][2]
    loaded = _install(app, language)
    _current[:] = [(app, language, loaded)]
    return loaded


def _install(app: QCoreApplication, language: str) -> bool:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale("en_US"))
        return True
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    loaded = ours.load(str(translation_path(language)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    return loaded


_registered: list[tuple[QApplication, str]] = []    # the application the bundled font was added to, its family


def register_font(app: QApplication) -> str | None:
    """Register the bundled WenQuanYi Micro Hei and use it as the fallback for Chinese (the font
    file is read once per process, however often the application is set up)."""
    family = next((name for known, name in _registered if known is app), None)
    if family is None:
        font_id = QFontDatabase.addApplicationFont(str(font_path()))
        if font_id < 0:
            return None
        families = QFontDatabase.applicationFontFamilies(font_id)
        if not families:
            return None
        family = families[0]
        _registered[:] = [(app, family)]
    elif family in app.font().families():
        return family
    font = QFont(app.font())
    font.setFamilies([app.font().family(), family])
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    return family
