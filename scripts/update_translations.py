"""Bring kiosk/i18n/*.ts up to date with every visible string in the code.

Runs PySide6's own lupdate over kiosk/qt/*.py and kiosk/qml/Kiosk/*.qml, adds the Python
strings lupdate cannot see (those passed through a module's `_tr("...")` helper, which calls
QCoreApplication.translate with the module's context), and writes each .ts again:

- every translation already written is kept; a new string gets an empty translation marked
  unfinished (translate it, then remove type="unfinished");
- a string with "%n" is a Qt plural (numerus) entry with one form per plural form of the
  language; lupdate does not mark Python's %n strings as numerus, this script does;
- English (the source language) keeps only the plural entries;
- strings no longer in the code are dropped.

    .venv/bin/python scripts/update_translations.py          update the .ts files
    .venv/bin/python scripts/update_translations.py --check  exit 1, listing what is missing
                                                               or unfinished, change nothing
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "kiosk" / "i18n"
SOURCES = (("kiosk/qt", "*.py"), ("kiosk/qml/Kiosk", "*.qml"))
SOURCE_LANGUAGE = "en"
# How many plural forms Qt's numerus entries have (English and Spanish: one and other).
PLURAL_FORMS = {"en": 2, "es": 2}
QT_LANGUAGE = {"en": "en_US", "es": "es_ES"}
HEADERS = {
    "en": "English needs a translation file only for plural forms: every \"%n\" string of the "
          "source\n     (Qt's numerus forms) has its singular and plural here. Kept up to date "
          "by\n     scripts/update_translations.py; compiled to .qm by "
          "scripts/build_translations.py.",
    "es": "Spanish: every visible string of the interface. Kept up to date by\n     "
          "scripts/update_translations.py; compiled to .qm by scripts/build_translations.py.",
}


@dataclass
class Message:
    context: str
    source: str
    translation: str = ""
    forms: list[str] = field(default_factory=list)
    finished: bool = False

    @property
    def numerus(self) -> bool:
        return "%n" in self.source


Key = tuple[str, str]


def source_files() -> list[Path]:
    return [p for folder, pattern in SOURCES for p in sorted((ROOT / folder).glob(pattern))]


def extract() -> dict[Key, Message]:
    """Every (context, source) string in the code, in the order lupdate finds them."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "found.ts"
        done = subprocess.run([str(lupdate), "-silent", "-locations", "none",
                               *map(str, source_files()), "-ts", str(ts)],
                              capture_output=True, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"lupdate failed: {done.stderr.strip()}")
        found = read_ts(ts)
    for message in helper_strings():
        found.setdefault((message.context, message.source), message)
    for message in found.values():
        message.translation, message.forms, message.finished = "", [], False
    return found


def helper_strings() -> list[Message]:
    """`_tr("...")` calls in modules whose `_tr` translates in one fixed context."""
    found: list[Message] = []
    for path in sorted((ROOT / "kiosk" / "qt").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        context = _helper_context(tree)
        if context is None:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_tr" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.append(Message(context, node.args[0].value))
    return found


def _helper_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "translate" and call.args
                        and isinstance(call.args[0], ast.Constant)):
                    return str(call.args[0].value)
    return None


def read_ts(path: Path) -> dict[Key, Message]:
    messages: dict[Key, Message] = {}
    if not path.exists():
        return messages
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for element in context.iter("message"):
            source = element.findtext("source", "")
            translation = element.find("translation")
            forms = [] if translation is None else [f.text or "" for f in
                                                    translation.iter("numerusform")]
            messages[(name, source)] = Message(
                name, source,
                translation="" if translation is None or forms else translation.text or "",
                forms=forms,
                finished=translation is not None and translation.get("type") is None)
    return messages


def merged(language: str, found: dict[Key, Message]) -> list[Message]:
    """What the language's .ts holds: the code's strings with the translations kept."""
    old = read_ts(I18N / f"kiosk_{language}.ts")
    result: list[Message] = []
    for key, message in found.items():
        if language == SOURCE_LANGUAGE and not message.numerus:
            continue
        before = old.get(key)
        result.append(Message(message.context, message.source,
                              translation=before.translation if before else "",
                              forms=before.forms if before else [],
                              finished=before.finished if before else False))
    return sorted(result, key=lambda m: m.context)


def render(language: str, messages: list[Message]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f"<!-- {HEADERS.get(language, 'Kept up to date by scripts/update_translations.py.')}"
             " -->",
             f'<TS version="2.1" language="{QT_LANGUAGE.get(language, language)}">']
    context = None
    for message in messages:
        if message.context != context:
            if context is not None:
                lines.append("</context>")
            context = message.context
            lines += ["<context>", f"    <name>{escape(context)}</name>"]
        lines += _message_lines(language, message)
    if context is not None:
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def _message_lines(language: str, message: Message) -> list[str]:
    unfinished = "" if message.finished else ' type="unfinished"'
    out = ['    <message numerus="yes">' if message.numerus else "    <message>"]
    out.append(f"        <source>{escape(message.source)}</source>")
    if message.numerus:
        count = PLURAL_FORMS.get(language, 2)
        forms = (message.forms + [""] * count)[:count]
        out.append(f"        <translation{unfinished}>")
        out += [f"            <numerusform>{escape(f)}</numerusform>" for f in forms]
        out.append("        </translation>")
    else:
        out.append(f"        <translation{unfinished}>{escape(message.translation)}"
                   "</translation>")
    out.append("    </message>")
    return out


def problems(language: str, found: dict[Key, Message]) -> list[str]:
    """What keeps the language's .ts from covering the code: missing or unfinished entries."""
    have = read_ts(I18N / f"kiosk_{language}.ts")
    result: list[str] = []
    for key, message in found.items():
        if language == SOURCE_LANGUAGE and not message.numerus:
            continue
        entry = have.get(key)
        if entry is None:
            result.append(f"kiosk_{language}.ts: missing [{key[0]}] {key[1]!r}")
        elif not entry.finished or not (entry.forms if message.numerus else entry.translation):
            result.append(f"kiosk_{language}.ts: unfinished [{key[0]}] {key[1]!r}")
        elif message.numerus and len(entry.forms) != PLURAL_FORMS.get(language, 2):
            result.append(f"kiosk_{language}.ts: [{key[0]}] {key[1]!r} needs "
                          f"{PLURAL_FORMS.get(language, 2)} plural forms")
    return result


def languages() -> list[str]:
    return sorted(p.stem.removeprefix("kiosk_") for p in I18N.glob("kiosk_*.ts"))


def main(argv: list[str]) -> int:
    found = extract()
    if "--check" in argv:
        listed = [line for language in languages() for line in problems(language, found)]
        for line in listed:
            print(line)
        return 1 if listed else 0
    for language in languages():
        messages = merged(language, found)
        (I18N / f"kiosk_{language}.ts").write_text(render(language, messages), encoding="utf-8")
        todo = sum(not m.finished for m in messages)
        print(f"kiosk_{language}.ts: {len(messages)} strings, {todo} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
