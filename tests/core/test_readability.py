"""Reading level of patient text, checked against published values and dictionary syllables."""

from __future__ import annotations

import pytest

from kiosk.core.readability import Counts, Scale, measure, score, sentences, syllables, words

PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."


def test_the_published_flesch_kincaid_example_scores_grade_11_3() -> None:
    # Wikipedia, Flesch-Kincaid readability tests: 13 words, 24 syllables, grade 11.3.
    reading = measure(PLATYPUS, "en")
    assert reading.counts == Counts(sentences=1, words=13, syllables=24)
    assert round(reading.score, 1) == 11.3
    assert not reading.passes


def test_the_formulas_use_their_published_constants() -> None:
    counts = Counts(sentences=2, words=20, syllables=30)
    # 0.39 * 10 + 11.8 * 1.5 - 15.59 and 206.84 - 60 * 1.5 - 1.02 * 10
    assert score(counts, Scale.FLESCH_KINCAID_GRADE) == pytest.approx(6.01)
    assert score(counts, Scale.FERNANDEZ_HUERTA) == pytest.approx(106.64)
    # The easiest possible English text: one-syllable words, one word a sentence.
    assert score(Counts(1, 1, 1), Scale.FLESCH_KINCAID_GRADE) == pytest.approx(-3.4)


ENGLISH = {
    "the": 1, "nurse": 1, "eyes": 1, "closed": 1, "strange": 1, "heart": 1, "while": 1,
    "makes": 1, "water": 2, "people": 2, "dizzy": 2, "headache": 2, "tingling": 2,
    "numbness": 2, "vision": 2, "minutes": 2, "changes": 2, "closes": 2, "needed": 2,
    "worried": 2, "safely": 2, "useful": 2, "little": 2, "issue": 2, "breathing": 2,
    "going": 2, "pressure": 2, "medicine": 3, "family": 3, "infusion": 3, "panicky": 3,
    "easier": 3, "Australian": 3, "emotional": 4, "usually": 4,
}
SPANISH = {
    # Diphthongs join (cuerpo, tiempo, huir, hoy); strong pairs and accented i/u part (mareo,
    # día, oír, país); the u of que/gue is silent and gü is not (guerra, pingüino).
    "y": 1, "hoy": 1, "muy": 1, "que": 1, "buey": 1, "huir": 1, "día": 2, "oír": 2, "leer": 2,
    "agua": 2, "aire": 2, "país": 2, "cuerpo": 2, "tiempo": 2, "sueño": 2, "guerra": 2,
    "mareo": 3, "náusea": 3, "oído": 3, "ahora": 3, "cuidado": 3, "prohíbe": 3, "reúne": 3,
    "pingüino": 3, "Uruguay": 3, "corazón": 3, "música": 3, "aéreo": 4, "hormigueo": 4,
    "enfermera": 4,
}


@pytest.mark.parametrize(("word", "expected"), ENGLISH.items())
def test_english_syllables_match_the_dictionary(word: str, expected: int) -> None:
    assert syllables(word, "en") == expected


@pytest.mark.parametrize(("word", "expected"), SPANISH.items())
def test_spanish_syllables_follow_the_spelling_rules(word: str, expected: int) -> None:
    assert syllables(word, "es") == expected


def test_numerals_count_as_the_words_a_reader_says() -> None:
    assert [syllables(n, "en") for n in ("1", "4", "7", "10", "24", "70", "200")] == [
        1, 1, 2, 1, 3, 3, 3]
    assert [syllables(n, "es") for n in ("1", "4", "10", "16", "21", "40", "45")] == [
        2, 2, 1, 4, 4, 3, 6]


def test_sentences_and_words_split_as_a_reader_sees_them() -> None:
    text = "Rest now. ¿Tiene frío? Call the nurse!\nIt's well-known; 1 in 4 people."
    assert sentences(text) == ["Rest now.", "¿Tiene frío?", "Call the nurse!", "It's well-known;",
                               "1 in 4 people."]
    assert words("It's a well-known feeling, 1 in 4.") == [
        "It's", "a", "well-known", "feeling", "1", "in", "4"]


def test_the_hardest_sentence_is_the_one_that_drags_the_score_down() -> None:
    text = "You may feel sleepy. " + PLATYPUS + " Rest now."
    reading = measure(text, "en")
    assert reading.hardest == PLATYPUS
    assert reading.hardest_score == pytest.approx(measure(PLATYPUS, "en").score)
    spanish = measure("Descanse. La anestesia intravenosa disociativa es desconcertante.", "es")
    assert spanish.hardest.startswith("La anestesia")
    assert spanish.scale is Scale.FERNANDEZ_HUERTA and spanish.hardest_score < 70


def test_plain_short_sentences_pass_and_long_words_fail_each_bar() -> None:
    assert measure("You may feel sleepy. This is common. Rest with your eyes closed.",
                   "en").passes
    assert measure("Puede sentir sueño. Es común. Descanse con los ojos cerrados.", "es").passes
    assert not measure("Dissociative phenomena frequently accompany intravenous administration.",
                       "en").passes


def test_an_unknown_language_or_an_empty_text_is_a_plain_error() -> None:
    with pytest.raises(ValueError, match="no reading-level scale for language 'fr'"):
        measure("Bonjour.", "fr")
    with pytest.raises(ValueError, match="no text to measure"):
        measure("  ", "en")
