"""What the patient reads, per language: the shipped guide reads plainly in English and Spanish,
and a content file that is wrong reads as plain words with its file and line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.guide import Section, topics_for_phase
from kiosk.core.readability import measure, scale_for
from kiosk.settings import check_config, default_config_dir, load_config
from kiosk.settings.content import topic_text
from kiosk.settings.schema import LANGUAGES
from tests.settings.conftest import ROOM_1, write_config

ROOT = Path(__file__).resolve().parents[2]

# The reading level of every shipped text, as scripts/reading_levels.py prints it. English:
# Flesch-Kincaid grade (6 or below passes); Spanish: Fernandez-Huerta (70 or more passes).
SHIPPED_TOPIC_LEVELS = {
    "en": {"sleepy": 1.2, "dissociation": 1.4, "tingling": 1.2, "vision": 0.8, "time": 1.4,
           "sounds": 1.6, "vivid": 1.2, "nausea": 2.2, "headache": 1.9, "anxiety": 2.3,
           "emotional": 1.0, "heart": 2.3, "after": 2.3},
    "es": {"sleepy": 100.3, "dissociation": 95.2, "tingling": 91.5, "vision": 93.0,
           "time": 89.5, "sounds": 85.8, "vivid": 93.8, "nausea": 84.8, "headache": 94.4,
           "anxiety": 92.7, "emotional": 92.8, "heart": 92.6, "after": 89.2},
}
SHIPPED_PHASE_LEVELS = {
    "en": {"settle": 3.7, "ketamine-40 infusion": 2.3, "ketamine-40 rest": 0.9,
           "iv-infusion infusion": 3.8, "iv-infusion rest": 1.5},
    "es": {"settle": 80.2, "ketamine-40 infusion": 95.7, "ketamine-40 rest": 91.0,
           "iv-infusion infusion": 81.1, "iv-infusion rest": 84.8},
}
THE_THIRTEEN = ["sleepy", "dissociation", "tingling", "vision", "time", "sounds", "vivid",
                "nausea", "headache", "anxiety", "emotional", "heart", "after"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_shipped_topic_reads_at_grade_6_or_easier(language: str) -> None:
    content = load_config(None, env={}).clinic.content_for(language)
    assert content is not None
    levels = {t.id: round(measure(topic_text(t), language).score, 1) for t in content.topics}
    assert levels == SHIPPED_TOPIC_LEVELS[language]
    assert all(scale_for(language).passes(score) for score in levels.values())


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_shipped_phase_line_reads_at_grade_6_or_easier(language: str) -> None:
    content = load_config(None, env={}).clinic.content_for(language)
    assert content is not None
    levels = {}
    for (template, phase), words in content.phases.items():
        name = "settle" if phase == "settle" else f"{template} {phase}"
        levels[name] = round(measure(words.line, language).score, 1)
    assert levels == SHIPPED_PHASE_LEVELS[language]
    assert all(scale_for(language).passes(score) for score in levels.values())


def test_the_shipped_guide_has_the_same_thirteen_topics_in_both_languages() -> None:
    clinic = load_config(None, env={}).clinic
    for language in ("en", "es"):
        content = clinic.content_for(language)
        assert content is not None and content.language == language
        assert [t.id for t in content.topics] == THE_THIRTEEN
        assert all(t.title and t.summary and all(t.text(s) for s in Section)
                   for t in content.topics)
        assert set(content.request_labels) == {r.id for r in clinic.requests}
        assert set(content.phases) == {(t.id, p.id) for t in clinic.session_templates
                                       for p in t.phases}
        assert not content.reviewed, "the shipped sample must say it has not been reviewed"


def test_no_shipped_line_says_the_medicine_has_stopped() -> None:
    clinic = load_config(None, env={}).clinic
    lines = [p.description for t in clinic.session_templates for p in t.phases]
    for language in ("en", "es"):
        content = clinic.content_for(language)
        assert content is not None
        lines += [w.line for w in content.phases.values()]
    assert not [x for x in lines if "stopped" in x or "terminó" in x or "se detuvo" in x]


def test_the_shipped_guide_puts_the_infusion_topics_first_during_the_infusion() -> None:
    content = load_config(None, env={}).clinic.content_for("es")
    assert content is not None
    ordered = [t.title for t in topics_for_phase(content, "infusion")]
    assert ordered[:3] == ["Tener sueño", "Sentirse lejos o flotando",
                           "Hormigueo o adormecimiento"]
    assert ordered[-2:] == ["Dolor de cabeza o mareo", "Después de la sesión"]


def test_the_shipped_config_has_no_reading_level_warning() -> None:
    assert check_config(default_config_dir(), env={}) == []


def test_every_language_the_kiosk_offers_has_a_reading_scale() -> None:
    assert [scale_for(language).language for language in LANGUAGES] == list(LANGUAGES)


# A small clinic and its content, so each case shows the exact file a nurse would write. ------

CLINIC = """\
clinic:
  language: en
requests:
  - {id: water, label: Water}
session_templates:
  - id: short
    name: Short
    phases:
      - {id: settle, name: Settle, minutes: 5}
      - {id: infusion, name: Infusion, minutes: 30, infusion: true}
"""

EN = """\
language: en
reviewed_by: ""
reviewed_on: ""
requests:
  - {id: water, label: Water}
session_templates:
  - id: short
    phases:
      - {id: settle, name: Settling in, description: Sit back and rest.}
      - {id: infusion, name: Medicine drip, description: You may feel sleepy.}
topics:
  - id: sleepy
    title: Feeling sleepy
    summary: You may feel sleepy.
    feels_like: Your eyes may want to close.
    is_it_normal: Yes. About 1 in 4 people feel very sleepy.
    what_helps: It is fine to sleep.
    call_the_nurse: Call the nurse before you get up.
    phases: [infusion]
"""

ES = """\
language: es
reviewed_by: ""
reviewed_on: ""
requests:
  - {id: water, label: Agua}
session_templates:
  - id: short
    phases:
      - {id: settle, name: Para empezar, description: Ya puede descansar.}
      - {id: infusion, name: Medicina por la vena, description: Puede tener sueño.}
topics:
  - id: sleepy
    title: Tener sueño
    summary: Puede tener sueño.
    feels_like: Se le pueden cerrar los ojos.
    is_it_normal: Sí. A 1 de cada 4 personas le da mucho sueño.
    what_helps: Puede dormir.
    call_the_nurse: Llame a la enfermera antes de levantarse.
    phases: [infusion]
"""


def _config(tmp_path: Path, clinic: str = CLINIC, rooms: dict[str, str] | None = None,
            **files: str) -> Path:
    """A config folder with content/<name>.yaml for each keyword (en=..., es=...)."""
    base = write_config(tmp_path / "config", clinic, rooms)
    (base / "content").mkdir()
    for name, text in ({"en": EN, "es": ES} | files).items():
        if text:
            (base / "content" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return base


def _problems(tmp_path: Path, clinic: str = CLINIC, rooms: dict[str, str] | None = None,
              **files: str) -> list[str]:
    return [str(p) for p in check_config(_config(tmp_path, clinic, rooms, **files), env={})]


def test_the_small_clinic_and_its_two_languages_load(tmp_path: Path) -> None:
    spanish = load_config(_config(tmp_path), env={}).clinic.content_for("es")
    assert spanish is not None
    assert spanish.phase_words("short", "infusion").name == "Medicina por la vena"
    assert spanish.request_label("water") == "Agua"


def test_a_missing_section(tmp_path: Path) -> None:
    assert _problems(tmp_path, es=ES.split("topics:")[0]) == [
        "content/es.yaml: topics: missing: this file must set it",
        'content/es.yaml: topics: has no topic "sleepy" (content/en.yaml has it)\n'
        "  hint: every language needs the same topics: write it here in this language"]


def test_a_topic_in_an_unknown_phase(tmp_path: Path) -> None:
    assert _problems(tmp_path, en=EN.replace("phases: [infusion]", "phases: [infusoin]")) == [
        'content/en.yaml line 19: topics[sleepy].phases: unknown phase "infusoin"\n'
        '  hint: did you mean "infusion"?']
    assert _problems(tmp_path / "2", en=EN.replace("phases: [infusion]", "phases: [peak]")) == [
        'content/en.yaml line 19: topics[sleepy].phases: unknown phase "peak"\n'
        "  hint: use one of after, infusion, settle"]


def test_an_empty_text(tmp_path: Path) -> None:
    assert _problems(tmp_path, en=EN.replace("summary: You may feel sleepy.", 'summary: " "')) == [
        "content/en.yaml line 14: topics[sleepy].summary: is empty\n"
        "  hint: write the words the patient reads"]


def test_a_topic_that_one_language_has_and_another_lacks(tmp_path: Path) -> None:
    extra = EN + EN.split("topics:\n")[1].replace("sleepy", "dizzy")
    assert _problems(tmp_path, en=extra) == [
        'content/es.yaml line 12: topics: has no topic "dizzy" (content/en.yaml has it)\n'
        "  hint: every language needs the same topics: write it here in this language"]


def test_a_request_that_one_language_lacks(tmp_path: Path) -> None:
    clinic = CLINIC.replace("  - {id: water, label: Water}\n",
                            "  - {id: water, label: Water}\n  - {id: bathroom, label: Bathroom}\n")
    en = EN.replace("  - {id: water, label: Water}\n",
                    "  - {id: water, label: Water}\n  - {id: bathroom, label: Bathroom}\n")
    assert _problems(tmp_path, clinic, en=en) == [
        'content/es.yaml line 5: requests: has no label for the request "bathroom" in '
        "clinic.yaml\n  hint: add - {id: bathroom, label: ...} in this language"]


def test_a_request_the_clinic_does_not_have(tmp_path: Path) -> None:
    assert _problems(tmp_path, es=ES.replace("{id: water, label: Agua}",
                                             "{id: waters, label: Agua}")) == [
        'content/es.yaml line 5: requests[waters].id: unknown request "waters": clinic.yaml '
        'has no request with this id\n  hint: did you mean "water"?',
        'content/es.yaml line 5: requests: has no label for the request "water" in clinic.yaml\n'
        "  hint: add - {id: water, label: ...} in this language"]


def test_a_phase_that_one_language_lacks(tmp_path: Path) -> None:
    es = ES.replace("      - {id: infusion, name: Medicina por la vena, description: Puede "
                    "tener sueño.}\n", "")
    assert _problems(tmp_path, es=es) == [
        "content/es.yaml line 9: session_templates[short].phases: has no words for the phase "
        '"infusion" in clinic.yaml\n'
        "  hint: add - {id: infusion, name: ..., description: ...}"]


def test_an_unknown_language_file(tmp_path: Path) -> None:
    assert _problems(tmp_path, fr=EN.replace("language: en", "language: fr")) == [
        'content/fr.yaml: "fr" is not a language the kiosk knows (en, es)\n'
        "  hint: name each file after its language: en.yaml, es.yaml"]


def test_a_language_field_that_disagrees_with_the_file_name(tmp_path: Path) -> None:
    assert _problems(tmp_path, es=ES.replace("language: es", "language: en")) == [
        'content/es.yaml line 1: language: says "en" but the file is named es.yaml\n'
        "  hint: rename the file to en.yaml, or correct the language"]


def test_the_clinic_and_a_room_need_a_content_file_in_their_language(tmp_path: Path) -> None:
    room = ROOM_1 + "  language: es\n"
    assert _problems(tmp_path, CLINIC.replace("language: en", "language: es"),
                     {"room-1.yaml": room}, es="") == [
        "clinic.yaml line 2: clinic.language: has no content file (content/es.yaml)\n"
        "  hint: add content/es.yaml: copy another language's file and translate it",
        "rooms/room-1.yaml line 4: room.language: has no content file (content/es.yaml)\n"
        "  hint: add content/es.yaml: copy another language's file and translate it"]


def test_a_review_needs_both_who_and_a_real_date(tmp_path: Path) -> None:
    signed = EN.replace('reviewed_by: ""', "reviewed_by: Medical lead")
    assert _problems(tmp_path, en=signed) == [
        "content/en.yaml line 3: reviewed_on: is empty while reviewed_by is set\n"
        "  hint: write both: who reviewed the text and on which date"]
    assert _problems(tmp_path / "2", en=signed.replace('reviewed_on: ""',
                                                       "reviewed_on: 31/03/2025")) == [
        'content/en.yaml line 3: reviewed_on: must be a date like "2025-03-31" '
        '(got "31/03/2025")']
    dated = signed.replace('reviewed_on: ""', "reviewed_on: 2025-03-31")
    content = load_config(_config(tmp_path / "3", en=dated), env={}).clinic.content_for("en")
    assert content is not None and content.reviewed and content.reviewed_on == "2025-03-31"


def test_a_topic_likely_in_other_phases_in_another_language(tmp_path: Path) -> None:
    assert _problems(tmp_path, es=ES.replace("phases: [infusion]", "phases: [settle]")) == [
        "content/es.yaml line 19: topics[sleepy].phases: differ from content/en.yaml "
        "(infusion)\n  hint: a topic is likely in the same phases in every language"]


def test_a_topic_id_used_twice(tmp_path: Path) -> None:
    twice = EN + EN.split("topics:\n")[1]
    problems = _problems(tmp_path, en=twice)
    assert problems[0] == ('content/en.yaml line 20: topics[sleepy].id: topics id "sleepy" is '
                           "used twice (first on line 12)\n  hint: keep one of them")


def test_a_phase_naming_a_guide_topic_that_no_content_file_has(tmp_path: Path) -> None:
    clinic = CLINIC.replace("minutes: 5}", "minutes: 5, guide_topics: [sleepey]}")
    assert _problems(tmp_path, clinic) == [
        "clinic.yaml line 9: session_templates[short].phases[settle].guide_topics: unknown "
        'guide topic "sleepey"\n  hint: did you mean "sleepy"?']


def test_a_folder_without_content_loads_with_an_empty_guide(tmp_path: Path) -> None:
    base = write_config(tmp_path / "config", CLINIC.replace("language: en", "language: es"))
    clinic = load_config(base, env={}).clinic
    assert clinic.content_for("es") is None and check_config(base, env={}) == []


HARD = ("Dissociative phenomena frequently accompany intravenous ketamine administration, "
        "particularly approaching the culmination of the infusion.")


def test_harder_text_is_a_warning_naming_its_score_and_hardest_sentence_and_still_shown(
        tmp_path: Path) -> None:
    base = _config(tmp_path, en=EN.replace("Your eyes may want to close.", HARD),
                   es=ES.replace("Puede tener sueño.}", "La administración intravenosa "
                                 "ocasiona manifestaciones disociativas.}"))
    assert [str(p) for p in check_config(base, env={})] == [
        "warning: content/en.yaml line 12: topics[sleepy]: reads at grade 9.9 on the "
        "Flesch-Kincaid scale; patient text should be grade 6 or below\n"
        f'  hint: the hardest sentence is "{HARD}" (27.8); shorter sentences and shorter words '
        "help. The text is still shown.",
        "warning: content/es.yaml line 10: session_templates[short].phases[infusion]."
        "description: scores -59.3 on the Fernandez-Huerta scale; patient text should score 70 "
        'or more\n  hint: the hardest sentence is "La administración intravenosa ocasiona '
        'manifestaciones disociativas." (-59.3); shorter sentences and shorter words help. The '
        "text is still shown."]
    content = load_config(base, env={}).clinic.content_for("en")
    assert content is not None and content.topic("sleepy").feels_like == HARD


def test_check_config_prints_the_warning_and_exits_0(tmp_path: Path) -> None:
    base = _config(tmp_path, en=EN.replace("Your eyes may want to close.", HARD))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_STATE_DIR"] = str(tmp_path / "state")
    done = subprocess.run([sys.executable, "main.py", "check-config", str(base)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0].startswith(
        "warning: content/en.yaml line 12: topics[sleepy]: reads at grade 9.9")
    assert done.stdout.splitlines()[-1].endswith("is valid: rooms room-1, with 1 warning.")
