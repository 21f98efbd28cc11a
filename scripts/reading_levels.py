"""Print the reading level of every guide topic and phase line, per language, as a Markdown table.

    .venv/bin/python scripts/reading_levels.py [CONFIG_DIR]

English: Flesch-Kincaid grade (6 or below passes). Spanish: Fernandez-Huerta, corrected formula
(70 or more passes). The same measure check-config warns with (kiosk/core/readability.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.core.readability import measure  # noqa: E402
from kiosk.settings import load_config  # noqa: E402
from kiosk.settings.content import topic_text  # noqa: E402

SCALE_NAMES = {"en": "Flesch-Kincaid grade", "es": "Fernandez-Huerta"}


def main(argv: list[str]) -> int:
    config = load_config(Path(argv[0]) if argv else None, env={})
    rows = []
    for language, content in sorted(config.clinic.content.items()):
        for topic in content.topics:
            rows.append((f"topic {topic.id}", language, measure(topic_text(topic), language)))
        for (template, phase), words in content.phases.items():
            rows.append((f"phase {template}/{phase}", language, measure(words.line, language)))
    if not rows:
        print("No content files: the config folder has no content/.")
        return 1
    print("| text | language | scale | score | words | sentences | passes |")
    print("| --- | --- | --- | ---: | ---: | ---: | --- |")
    for name, language, reading in rows:
        print(f"| {name} | {language} | {SCALE_NAMES[language]} | {reading.score:.1f} | "
              f"{reading.counts.words} | {reading.counts.sentences} | "
              f"{'yes' if reading.passes else 'NO'} |")
    failing = sum(1 for *_, reading in rows if not reading.passes)
    print(f"\n{len(rows)} texts, {failing} above the bar.")
    return 0 if failing == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
