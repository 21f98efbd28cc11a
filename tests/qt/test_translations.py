"""Every visible string of the interface has its Spanish, and every plural its forms: the .ts
sources are checked against the strings lupdate (and the `_tr` helpers) find in the code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


def test_the_code_has_strings_and_the_helpers_strings_are_found_too(script: ModuleType) -> None:
    found = script.extract()
    assert len(found) > 150
    assert ("RoomCallController", "The nurse station has your call") in found
    assert ("MusicController", "Music is unavailable: ask staff") in found
    assert found[("SessionController", "About %n minute(s) left")].numerus


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_string_in_the_code_is_translated_with_nothing_unfinished(
        script: ModuleType, language: str) -> None:
    problems = script.problems(language, script.extract())
    assert problems == [], ("run scripts/update_translations.py and translate:\n"
                            + "\n".join(problems))


def test_the_check_fails_for_a_string_without_spanish(script: ModuleType, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # The strings the .ts already covers, and one more the code has just gained.
    found = {key: script.Message(*key) for key in
             script.read_ts(ROOT / "kiosk" / "i18n" / "kiosk_es.ts")}
    assert script.problems("es", found) == []
    found[("GuideController", "A sentence nobody translated")] = script.Message(
        "GuideController", "A sentence nobody translated")
    assert script.problems("es", found) == [
        "kiosk_es.ts: missing [GuideController] 'A sentence nobody translated'"]
    # After an update the entry is there, marked unfinished: still a problem.
    monkeypatch.setattr(script, "I18N", tmp_path)
    (tmp_path / "kiosk_es.ts").write_bytes((ROOT / "kiosk" / "i18n" / "kiosk_es.ts").read_bytes())
    (tmp_path / "kiosk_es.ts").write_text(script.render("es", script.merged("es", found)))
    assert script.problems("es", found) == [
        "kiosk_es.ts: unfinished [GuideController] 'A sentence nobody translated'"]


def test_spanish_plurals_have_both_forms_and_say_the_number(script: ModuleType) -> None:
    messages = script.read_ts(ROOT / "kiosk" / "i18n" / "kiosk_es.ts")
    plurals = [m for m in messages.values() if m.numerus]
    assert plurals
    for message in plurals:
        assert len(message.forms) == 2 and all("%n" in f for f in message.forms)
