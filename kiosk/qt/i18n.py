"""The interface's language: Qt translators loaded from kiosk/i18n/*.qm (compiled from the .ts
sources by scripts/build_translations.py). English is the source language; its .qm holds only
the plural forms (Qt's %n numerus strings)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"


class Translations:
    """Installs the translator for one language at a time on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.language = ""

    def use(self, language: str) -> bool:
        """Switch the interface to `language` ("en", "es"); False (and English) when there is
        no compiled translation for it."""
        translator = QTranslator(self._app)
        qm = I18N_DIR / f"kiosk_{language}.qm"
        if not translator.load(str(qm)):
            log.warning("no translation for language=%s file=%s", language, qm)
            if language != "en":
                return self.use("en")
            return False
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
        self._app.installTranslator(translator)
        self._translator = translator
        self.language = language
        QLocale.setDefault(QLocale(language))
        return True


_installed: Translations | None = None


def install_translations(app: QCoreApplication, language: str = "en") -> Translations:
    """The application's one Translations, installed once (English until told otherwise)."""
    global _installed
    if _installed is None:
        _installed = Translations(app)
        _installed.use(language)
    return _installed
