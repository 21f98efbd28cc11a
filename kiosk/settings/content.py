"""What the patient reads, one file per language: config/content/<language>.yaml.

Each file holds the "What you may feel" guide, a label for every request and a name and a line
for every phase of every session template in clinic.yaml. The checks here span files: every
language has the same topics, requests and phases; a topic's phases exist; the clinic's and each
room's language has a file. Reading level is a warning (the text is still shown), measured with
kiosk.core.readability. A config folder without content/ is allowed (older folders, tests): the
guide is then empty and the screens fall back to clinic.yaml's English words.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.guide import AFTER_SESSION, GuideContent, GuideTopic, PhaseWords, Section
from kiosk.core.readability import Reading, Scale, measure
from kiosk.settings.errors import Problem, Severity, did_you_mean
from kiosk.settings.schema import CONTENT_OPTIONS, LANGUAGES
from kiosk.settings.validate import Checked, FileChecker
from kiosk.settings.yamlload import load_yaml

CONTENT_DIR = "content"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TEXT_FIELDS = ("title", "summary", *(s.value for s in Section))


@dataclass(frozen=True)
class ContentFile:
    """One language file's checked values. `language` comes from the file name."""

    shown_as: str
    language: str
    checked: Checked

    def records(self, name: str) -> list[Checked]:
        return list(self.checked.values.get(name, []))

    def ids(self, name: str) -> list[str]:
        return [r.values["id"] for r in self.records(name) if "id" in r.values]


def read_content(base: Path) -> tuple[list[ContentFile] | None, list[Problem]]:
    """Every content/*.yaml checked against the schema; None when there is no content folder."""
    folder = base / CONTENT_DIR
    if not folder.is_dir():
        return None, []
    files: list[ContentFile] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        shown_as = f"{CONTENT_DIR}/{path.name}"
        if path.stem not in LANGUAGES:
            problems.append(Problem(
                shown_as, None, "", f'"{path.stem}" is not a language the kiosk knows '
                f'({", ".join(LANGUAGES)})',
                "name each file after its language: " + ", ".join(f"{x}.yaml" for x in LANGUAGES)))
            continue
        tree, read_problems = load_yaml(path, shown_as)
        checker = FileChecker(shown_as)
        checked = checker.check_file(tree, CONTENT_OPTIONS)
        problems += read_problems + checker.problems
        files.append(ContentFile(shown_as, path.stem, checked))
    if not files and not problems:
        problems.append(Problem(f"{CONTENT_DIR}/", None, "", "no content files found",
                                "add content/en.yaml; copy the shipped one"))
    return files, problems


def check_content(files: Sequence[ContentFile], clinic: Checked, clinic_file: str,
                  rooms: Iterable[tuple[str, Checked]]) -> list[Problem]:
    """Problems that span the content files, clinic.yaml and the room files."""
    requests = [r.values["id"] for r in clinic.values.get("requests", []) if "id" in r.values]
    templates = {t.values["id"]: [p.values["id"] for p in t.values.get("phases", [])
                                  if "id" in p.values]
                 for t in clinic.values.get("session_templates", []) if "id" in t.values}
    phase_ids = sorted({p for phases in templates.values() for p in phases} | {AFTER_SESSION})
    problems: list[Problem] = []
    for file in files:
        problems += _check_header(file)
        problems += _check_texts(file)
        problems += _check_requests(file, requests, clinic_file)
        problems += _check_templates(file, templates, clinic_file)
        problems += _check_topic_phases(file, phase_ids)
    problems += _check_same_topics(files, clinic.values.get("clinic.language", ""), phase_ids)
    problems += _check_languages(files, clinic, clinic_file, rooms)
    return problems


def topic_ids(files: Sequence[ContentFile]) -> list[str]:
    """Every topic id in any language (one missing from a language is reported apart)."""
    return list(dict.fromkeys(i for f in files for i in f.ids("topics")))


def build_content(files: Sequence[ContentFile]) -> dict[str, GuideContent]:
    """Core's guide content by language, from files with no problem left."""
    return {f.language: _guide(f) for f in files}


def reading_level_warnings(files: Sequence[ContentFile]) -> list[Problem]:
    """A warning for each topic and phase line that reads harder than plain language allows."""
    problems: list[Problem] = []
    for file in files:
        for topic in file.records("topics"):
            problems += _reading_warning(file, topic, topic.label, _topic_text(topic))
        for template in file.records("session_templates"):
            for phase in template.values.get("phases", []):
                problems += _reading_warning(file, phase, phase.key("description"),
                                             str(phase.values.get("description", "")))
    return problems


def topic_text(topic: GuideTopic) -> str:
    """The text of a topic that is measured: its summary and its parts, not its title."""
    return "\n".join([topic.summary, *(topic.text(s) for s in Section)])


def _topic_text(record: Checked) -> str:
    """As `topic_text`, from a record that may still have gaps."""
    return "\n".join(str(record.values.get(name, "")) for name in _TEXT_FIELDS[1:])


def _reading_warning(file: ContentFile, record: Checked, key: str, text: str) -> list[Problem]:
    if not text.strip():
        return []
    reading = measure(text, file.language)
    if reading.passes:
        return []
    return [Problem(file.shown_as, record.line, key, _level_words(reading),
                    f'the hardest sentence is "{reading.hardest}" '
                    f"({reading.hardest_score:.1f}); shorter sentences and shorter words help. "
                    f"The text is still shown.", severity=Severity.WARNING)]


def _level_words(reading: Reading) -> str:
    if reading.scale is Scale.FLESCH_KINCAID_GRADE:
        return (f"reads at grade {reading.score:.1f} on the Flesch-Kincaid scale; patient text "
                f"should be grade {reading.scale.bar:.0f} or below")
    return (f"scores {reading.score:.1f} on the Fernandez-Huerta scale; patient text should "
            f"score {reading.scale.bar:.0f} or more")


def _check_header(file: ContentFile) -> list[Problem]:
    values, lines = file.checked.values, file.checked.lines
    problems: list[Problem] = []
    language = values.get("language")
    if language is not None and language != file.language:
        problems.append(Problem(file.shown_as, lines.get("language"), "language",
                                f'says "{language}" but the file is named {file.language}.yaml',
                                f"rename the file to {language}.yaml, or correct the language"))
    on = values.get("reviewed_on", "")
    if on and not _is_date(on):
        problems.append(Problem(file.shown_as, lines.get("reviewed_on"), "reviewed_on",
                                f'must be a date like "2025-03-31" (got "{on}")'))
    for empty, written in (("reviewed_on", "reviewed_by"), ("reviewed_by", "reviewed_on")):
        if not values.get(empty, "").strip() and values.get(written, "").strip():
            problems.append(Problem(file.shown_as, lines.get(empty) or lines.get(written), empty,
                                    f"is empty while {written} is set",
                                    "write both: who reviewed the text and on which date"))
    return problems


def _is_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _check_texts(file: ContentFile) -> list[Problem]:
    """Every text the patient reads has words in it."""
    problems: list[Problem] = []
    records: list[tuple[Checked, tuple[str, ...]]] = [
        *((r, ("label",)) for r in file.records("requests")),
        *((p, ("name", "description")) for t in file.records("session_templates")
          for p in t.values.get("phases", [])),
        *((t, _TEXT_FIELDS) for t in file.records("topics")),
    ]
    for record, names in records:
        for name in names:
            value = record.values.get(name)
            if isinstance(value, str) and not value.strip():
                problems.append(Problem(file.shown_as, record.lines.get(name), record.key(name),
                                        "is empty", "write the words the patient reads"))
    for name in ("requests", "session_templates", "topics"):
        problems += _duplicates(file, file.records(name), name)
    for template in file.records("session_templates"):
        problems += _duplicates(file, template.values.get("phases", []), "phase")
    return problems


def _duplicates(file: ContentFile, records: Iterable[Checked], what: str) -> list[Problem]:
    first: dict[str, Checked] = {}
    problems: list[Problem] = []
    for record in records:
        record_id = record.values.get("id")
        if record_id is None:
            continue
        if record_id in first:
            problems.append(Problem(file.shown_as, record.lines.get("id"), record.key("id"),
                                    f'{what} id "{record_id}" is used twice (first on line '
                                    f'{first[record_id].lines.get("id")})', "keep one of them"))
        first.setdefault(record_id, record)
    return problems


def _check_requests(file: ContentFile, requests: list[str], clinic_file: str) -> list[Problem]:
    problems = _unknown(file, file.records("requests"), requests, "request", clinic_file)
    written = set(file.ids("requests"))
    for request_id in requests:
        if request_id not in written:
            problems.append(Problem(file.shown_as, file.checked.lines.get("requests"),
                                    "requests", f'has no label for the request "{request_id}" '
                                    f"in {clinic_file}",
                                    f"add - {{id: {request_id}, label: ...}} in this language"))
    return problems


def _check_templates(file: ContentFile, templates: dict[str, list[str]],
                     clinic_file: str) -> list[Problem]:
    records = file.records("session_templates")
    problems = _unknown(file, records, list(templates), "session template", clinic_file)
    by_id = {r.values["id"]: r for r in records if "id" in r.values}
    for template_id, phases in templates.items():
        record = by_id.get(template_id)
        if record is None:
            problems.append(Problem(file.shown_as, file.checked.lines.get("session_templates"),
                                    "session_templates", f'has no words for the session '
                                    f'template "{template_id}" in {clinic_file}',
                                    "add it with a name and a description for each phase"))
            continue
        written = record.values.get("phases", [])
        problems += _unknown(file, written, phases, "phase", clinic_file,
                             f'of "{template_id}" ')
        have = {p.values.get("id") for p in written}
        problems += [Problem(file.shown_as, record.lines.get("phases", record.line),
                             record.key("phases"),
                             f'has no words for the phase "{phase}" in {clinic_file}',
                             f"add - {{id: {phase}, name: ..., description: ...}}")
                     for phase in phases if phase not in have]
    return problems


def _unknown(file: ContentFile, records: Iterable[Checked], known: list[str], what: str,
             clinic_file: str, of: str = "") -> list[Problem]:
    return [Problem(file.shown_as, r.lines.get("id"), r.key("id"),
                    f'unknown {what} "{r.values["id"]}": {clinic_file} has no {what} {of}'
                    f"with this id", did_you_mean(r.values["id"], known))
            for r in records if "id" in r.values and r.values["id"] not in known]


def _check_topic_phases(file: ContentFile, phase_ids: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for topic in file.records("topics"):
        for phase in topic.values.get("phases", ()):
            if phase not in phase_ids:
                hint = did_you_mean(phase, phase_ids) or f"use one of {', '.join(phase_ids)}"
                problems.append(Problem(file.shown_as, topic.lines.get("phases"),
                                        topic.key("phases"), f'unknown phase "{phase}"', hint))
    return problems


def _check_same_topics(files: Sequence[ContentFile], clinic_language: str,
                       phase_ids: list[str]) -> list[Problem]:
    """Every language has every topic, likely in the same (known) phases."""
    problems: list[Problem] = []
    everywhere = topic_ids(files)
    for file in files:
        have = set(file.ids("topics"))
        for topic_id in everywhere:
            if topic_id not in have:
                others = ", ".join(f.shown_as for f in files if topic_id in f.ids("topics"))
                problems.append(Problem(file.shown_as, file.checked.lines.get("topics"),
                                        "topics", f'has no topic "{topic_id}" ({others} has it)',
                                        "every language needs the same topics: write it here "
                                        "in this language"))
    reference = next((f for f in files if f.language == clinic_language), None)
    if reference is None:
        return problems
    phases_of = {t.values["id"]: t.values.get("phases") for t in reference.records("topics")
                 if "id" in t.values}
    for file in files:
        for topic in file.records("topics"):
            want = phases_of.get(topic.values.get("id", ""))
            got = topic.values.get("phases")
            if file is reference or want is None or got is None or sorted(got) == sorted(want):
                continue
            if set(want) <= set(phase_ids) and set(got) <= set(phase_ids):
                problems.append(Problem(
                    file.shown_as, topic.lines.get("phases"), topic.key("phases"),
                    f"differ from {reference.shown_as} ({', '.join(want)})",
                    "a topic is likely in the same phases in every language"))
    return problems


def _check_languages(files: Sequence[ContentFile], clinic: Checked, clinic_file: str,
                     rooms: Iterable[tuple[str, Checked]]) -> list[Problem]:
    """The clinic's language and each room's language have a content file."""
    have = {f.language for f in files}
    wanted = [(clinic_file, clinic, "clinic.language"),
              *((shown_as, room, "room.language") for shown_as, room in rooms)]
    problems: list[Problem] = []
    for shown_as, checked, key in wanted:
        language = checked.values.get(key)
        if language is not None and language not in have:
            problems.append(Problem(shown_as, checked.lines.get(key), key,
                                    f'has no content file ({CONTENT_DIR}/{language}.yaml)',
                                    f"add {CONTENT_DIR}/{language}.yaml: copy another language's "
                                    f"file and translate it"))
    return problems


def _guide(file: ContentFile) -> GuideContent:
    values = file.checked.values
    topics = tuple(
        GuideTopic(id=t.values["id"], title=t.values["title"], summary=t.values["summary"],
                   feels_like=t.values["feels_like"], is_it_normal=t.values["is_it_normal"],
                   what_helps=t.values["what_helps"], call_the_nurse=t.values["call_the_nurse"],
                   phases=tuple(t.values["phases"]))
        for t in values["topics"])
    phases = {(t.values["id"], p.values["id"]): PhaseWords(p.values["name"],
                                                          p.values["description"])
              for t in values["session_templates"] for p in t.values["phases"]}
    return GuideContent(
        language=values["language"], reviewed_by=values["reviewed_by"],
        reviewed_on=values["reviewed_on"], topics=topics,
        request_labels={r.values["id"]: r.values["label"] for r in values["requests"]},
        phases=phases)
