"""Reading level of patient text: Flesch-Kincaid grade (English), Fernandez-Huerta (Spanish).

Plain-language guidance asks for grade 6 or below. The two scales:

- English, Flesch-Kincaid grade: 0.39 * words/sentence + 11.8 * syllables/word - 15.59.
  Grade 6 or below passes.
- Spanish, Fernandez-Huerta in its corrected form (Gwillim Law, 2011):
  206.84 - 60 * syllables/word - 1.02 * words/sentence. 70 or above (about grade 6) passes.

Syllables are counted here rather than by a hyphenation dictionary: hyphenation is not
syllabification. Pyphen, which textstat uses, gives one syllable for "medicine", "headache",
"dizzy", "agua", "día" and "oír", so its scores come out kinder than the text deserves.
Spanish syllables follow the spelling rules (a weak vowel i/u beside another vowel joins it,
two strong vowels or an accented i/u part). English has no such rules: a vowel-group count with
the usual corrections (silent final e, -ed, -es, -le) and a short list of common exceptions. It
is right for most everyday words and off by one for a few; that is why the bar is a warning,
not a gate. Numerals count as the words a reader says ("4" is "four", "cuatro").
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Scale(enum.Enum):
    """A reading-level scale, the bar that plain-language guidance sets, and which way is easier."""

    FLESCH_KINCAID_GRADE = ("en", 6.0, False)
    FERNANDEZ_HUERTA = ("es", 70.0, True)

    def __init__(self, language: str, bar: float, higher_is_easier: bool) -> None:
        self.language = language
        self.bar = bar
        self.higher_is_easier = higher_is_easier

    def passes(self, score: float) -> bool:
        return score >= self.bar if self.higher_is_easier else score <= self.bar

    def worse(self, a: float, b: float) -> bool:
        """True when score `a` is harder to read than score `b` on this scale."""
        return a < b if self.higher_is_easier else a > b


LANGUAGES = tuple(s.language for s in Scale)


def scale_for(language: str) -> Scale:
    for scale in Scale:
        if scale.language == language:
            return scale
    raise ValueError(f"no reading-level scale for language {language!r} (known: {LANGUAGES})")


@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int


@dataclass(frozen=True)
class Reading:
    """The measured level of one text. `hardest` is the sentence that scores worst on its own."""

    scale: Scale
    score: float
    counts: Counts
    hardest: str
    hardest_score: float

    @property
    def passes(self) -> bool:
        return self.scale.passes(self.score)


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_WORD = re.compile(r"\d+|[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")


def sentences(text: str) -> list[str]:
    """The sentences of a text: split after . ! ? ; and at line breaks; empty pieces dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if _WORD.search(s)]


def words(text: str) -> list[str]:
    """Words and numerals; a hyphenated word or a contraction is one word."""
    return _WORD.findall(text)


def count(text: str, language: str) -> Counts:
    found = words(text)
    return Counts(sentences=len(sentences(text)), words=len(found),
                  syllables=sum(syllables(w, language) for w in found))


def score(counts: Counts, scale: Scale) -> float:
    if counts.words == 0 or counts.sentences == 0:
        raise ValueError("there is no text to measure")
    per_sentence = counts.words / counts.sentences
    per_word = counts.syllables / counts.words
    if scale is Scale.FLESCH_KINCAID_GRADE:
        return 0.39 * per_sentence + 11.8 * per_word - 15.59
    return 206.84 - 60.0 * per_word - 1.02 * per_sentence


def measure(text: str, language: str) -> Reading:
    """The reading level of `text` on its language's scale. ValueError when it has no words."""
    scale = scale_for(language)
    whole = score(count(text, language), scale)
    hardest, hardest_score = "", whole
    for sentence in sentences(text):
        value = score(count(sentence, language), scale)
        if not hardest or scale.worse(value, hardest_score):
            hardest, hardest_score = sentence, value
    return Reading(scale, whole, count(text, language), hardest, hardest_score)


# A numeral longer than this is not said as one number.
MAX_SPOKEN_DIGITS = 15


def syllables(word: str, language: str) -> int:
    """Syllables of one word (or numeral) as a reader says it."""
    if word.isdigit():
        if len(word) > MAX_SPOKEN_DIGITS:  # read out digit by digit (and int() has a limit)
            return sum(_number_syllables(int(d), language) for d in word)
        return _number_syllables(int(word), language)
    parts = [p for p in re.split(r"[-'\u2019]", word.lower()) if p]
    if language == "es":
        return sum(_spanish(p) for p in parts) or 1
    if language == "en":
        # A contraction's tail ("n't", "'re", "'s") adds no syllable.
        return sum(_english(p) for p in parts[:1] + [p for p in parts[1:] if len(p) > 2]) or 1
    raise ValueError(f"no syllable rules for language {language!r} (known: {LANGUAGES})")


# Spanish -------------------------------------------------------------------------------------

_STRONG = set("aeoáéóíú")  # an accented i or u is strong: "día", "oír" part the vowels
_WEAK = set("iuü")


def _spanish(word: str) -> int:
    # "qu" and "gu" before e/i write one sound: the u is not a vowel there.
    word = re.sub(r"(?<=[qg])u(?=[eéiíy])", "", word)
    if word == "y":
        return 1
    nuclei = 0
    group = ""
    for index, letter in enumerate(word + " "):
        vowel = letter in _STRONG or letter in _WEAK or (
            letter == "y" and index == len(word) - 1 and bool(group))
        if vowel:
            group += letter
            continue
        if group:
            nuclei += max(1, sum(1 for v in group if v in _STRONG))
            group = ""
    return max(nuclei, 1)


# English -------------------------------------------------------------------------------------

_EN_VOWELS = re.compile(r"[aeiouy]+")
# Common words the rules below get wrong, with their dictionary syllable count.
_EN_EXCEPTIONS = {
    "area": 3, "being": 2, "business": 2, "idea": 3, "ideas": 3, "every": 2, "everyone": 3,
    "everything": 3, "evening": 2, "family": 3, "different": 3, "interest": 3, "usually": 4,
    "sometimes": 2, "someone": 2, "something": 2, "somewhere": 2, "anyone": 3, "fire": 1,
    "tired": 1, "science": 2, "quiet": 2, "create": 2, "real": 1, "really": 2, "video": 3,
    "radio": 3, "piano": 3, "serious": 3, "period": 3, "medium": 3, "poem": 2, "going": 2,
    "doing": 2, "seeing": 2, "saying": 2, "lying": 2, "dying": 2, "fluid": 2, "naive": 2,
    "vehicle": 3, "people": 2, "whole": 1, "once": 1, "are": 1, "were": 1, "there": 1,
    "where": 1, "here": 1, "done": 1, "gone": 1, "none": 1, "one": 1, "goes": 1, "does": 1,
    "eyes": 1, "lives": 1, "clothes": 1, "colour": 2, "colours": 2, "color": 2, "colors": 2,
    "hour": 1, "hours": 1, "our": 1, "flour": 1, "nausea": 3, "maybe": 2,
}
_SILENT_E_SUFFIXES = ("ly", "ful", "ment", "ness", "less")


def _english(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return 0
    if word in _EN_EXCEPTIONS:
        return _EN_EXCEPTIONS[word]
    for suffix in _SILENT_E_SUFFIXES:
        stem = word[: -len(suffix)]
        # "safely", "useful", "movement": the e before the suffix is silent.
        if word.endswith(suffix) and len(stem) >= 3 and re.search(r"[aeiouy][^aeiouy]e$", stem):
            return _english(stem) + _english(suffix)
    body = word[1:] if word.startswith("y") else word  # "you", "yes": the y is a consonant
    count = len(_EN_VOWELS.findall(body)) - _silent_ending(word)
    if re.search(r"[aeiouy]ing$|[^aeiou]i(?:er|est)$", word):
        count += 1  # "going", "saying"; "easier", "heaviest"
    return max(count, 1)


def _silent_ending(word: str) -> int:
    """1 when the word ends in letters that add no syllable of their own."""
    if len(_EN_VOWELS.findall(word)) < 2:
        return 0
    if word.endswith("le") and word[-3] not in "aeiouy":
        return 0  # "table", "little": the -le is a syllable
    if word.endswith("ue") and not word.endswith(("gue", "que")):
        return 0  # "issue", "value"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return 1  # "make", "there"
    if word.endswith(("ies", "ied", "ees", "yes", "oes")):
        return 0  # "worries", "worried"
    if word.endswith("es") and not re.search(r"(?:[sxzcg]|[cs]h)es$", word):
        return 1  # "makes", but not "closes", "changes", "watches"
    if word.endswith("ed") and not re.search(r"[td]ed$", word):
        return 1  # "closed", but not "needed"
    return 0


# Numbers -------------------------------------------------------------------------------------

# Syllables of the number words 0..19 and of the tens 20, 30 .. 90.
_EN_UNITS = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)
_EN_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)
# cero, uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve, diez, once, doce, trece,
# catorce, quince, dieciséis, diecisiete, dieciocho, diecinueve
_ES_UNITS = (2, 2, 1, 1, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2, 3, 2, 4, 4, 4, 4)
# veinte, treinta, cuarenta, cincuenta, sesenta, setenta, ochenta, noventa
_ES_TENS = (0, 0, 2, 2, 3, 3, 3, 3, 3, 3)


def _number_syllables(number: int, language: str) -> int:
    if language not in LANGUAGES:
        raise ValueError(f"no number words for language {language!r} (known: {LANGUAGES})")
    english = language == "en"
    if number < 20:
        return (_EN_UNITS if english else _ES_UNITS)[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        if unit == 0:
            return (_EN_TENS if english else _ES_TENS)[tens]
        if english:
            return _EN_TENS[tens] + _EN_UNITS[unit]
        if tens == 2:  # veintiuno, veintidós: "veinti" and the unit
            return 2 + _ES_UNITS[unit]
        return _ES_TENS[tens] + 1 + _ES_UNITS[unit]  # treinta y uno
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        # English "four hundred"; Spanish "cien", "ciento", "cuatrocientos": about three.
        head = _EN_UNITS[hundreds] + 2 if english else 3
        return head + (_number_syllables(rest, language) if rest else 0)
    thousands, rest = divmod(number, 1000)
    head = _number_syllables(thousands, language) + (2 if english else 1)
    return head + (_number_syllables(rest, language) if rest else 0)
