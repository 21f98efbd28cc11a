"""The interface's language: Qt translators loaded from kiosk/i18n/*.qm (compiled from the .ts
sources by scripts/build_translations.py), and the patient's language as the screens bind to it.

English is the source language; its .qm holds only the plural forms (Qt's %n numerus strings).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Property,
    QCoreApplication,
    QLocale,
    QObject,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement, QQmlEngine

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "Kiosk.Backend"
QML_IMPORT_MAJOR_VERSION = 1

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"

# Each language in its own name, so a patient finds theirs whatever the screen shows now.
OWN_NAMES = {"en": "English", "es": "Español"}


class Translations:
    """Installs the translator for one language at a time on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.language = ""

    def use(self, language: str) -> bool:
        """Switch the interface to `language` ("en", "es"); False (and English) when there is
        no compiled translation for it. Qt then sends every window a LanguageChange."""
        if language == self.language:
            return True
        translator = QTranslator(self._app)
        qm = I18N_DIR / f"kiosk_{language}.qm"
        if not translator.load(str(qm)):
            log.warning("no translation for language=%s file=%s", language, qm)
            if language != "en":
                self.use("en")
            return False
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
        QLocale.setDefault(QLocale(language))
        self._app.installTranslator(translator)
        self._translator = translator
        self.language = language
        return True


_installed: Translations | None = None


def install_translations(app: QCoreApplication, language: str = "en") -> Translations:
    """The application's one Translations, installed once (English until told otherwise)."""
    global _installed
    if _installed is None:
        _installed = Translations(app)
        _installed.use(language)
    return _installed


def translations() -> Translations:
    """The installed Translations (install_translations runs when the app is created)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the application first"
    return install_translations(app)


@QmlElement
class LanguageController(QObject):
    """The patient's language: the language button and the nurse panel set it; "reset for next
    patient" returns to the room's own. Everything that shows words listens to languageChanged
    (the QML engine re-translates, the controllers choose their texts again)."""

    languageChanged = Signal()

    def __init__(self, available: Sequence[str], default: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._available = [code for code in available if code in OWN_NAMES] or ["en"]
        self._default = default if default in self._available else self._available[0]
        self._language = ""
        self.setLanguage(self._default)

    def current(self) -> str:
        """The language in use now ("en", "es")."""
        return self._language

    def _get_language(self) -> str:
        return self._language

    def _get_languages(self) -> list[dict[str, Any]]:
        return [{"code": code, "name": OWN_NAMES[code]} for code in self._available]

    def _get_default_language(self) -> str:
        return self._default

    language = Property(str, _get_language, notify=languageChanged)
    # [{code, name}], each language in its own name.
    languages = Property(list, _get_languages, constant=True)
    defaultLanguage = Property(str, _get_default_language, constant=True)

    @Slot(str, result=bool)
    def setLanguage(self, code: str) -> bool:  # noqa: N802 - QML-facing name
        """Show the interface and the clinic's texts in `code`; False for a language this room
        does not offer (nothing changes then)."""
        if code not in self._available:
            log.warning("language not offered code=%s offered=%s", code, self._available)
            return False
        if code == self._language:
            return True
        translations().use(code)
        self._language = code
        log.info("language changed code=%s", code)
        self.languageChanged.emit()
        return True

    @Slot(QObject)
    def retranslates(self, root: QObject) -> None:
        """The window `root` is re-translated live on every change of language (Main calls
        this once it is complete: the engine that loaded it re-evaluates every qsTr)."""
        context = QQmlEngine.contextForObject(root)
        engine = context.engine() if context is not None else None
        if engine is None:
            log.warning("cannot re-translate a window without a QML engine")
            return
        # Not imported before the room's first frame: naming a connection type builds all of
        # Qt's namespace enums (~25 ms).
        from PySide6.QtCore import Qt

        # Qt drops the connection when the engine is destroyed.
        self.languageChanged.connect(engine.retranslate, Qt.ConnectionType.UniqueConnection)

    @Slot()
    def reset(self) -> None:
        """Back to the room's own language (reset for the next patient)."""
        self.setLanguage(self._default)
