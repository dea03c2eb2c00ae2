"""Spanish reading ease with syllables counted by Spanish spelling (website/checks/
syllables.py), not by hyphenation patterns, which never split off a single vowel and
scored Spanish 4 to 8 points too easy (issue 33). The checks score a Spanish text with
the Spanish counter: reading it with the English one (mutant C8 of the mutation review,
`readability(rule.language)` made `readability("en")`) fails here."""

import math
from datetime import date

import pytest
from textstat.textstat import textstatistics

from website.checks.content import Context
from website.checks.engine import check_text, readability
from website.checks.syllables import syllables

# Words whose syllables every Spanish speller agrees on, one per rule.
KNOWN = {
    "ayuda": 3,  # a single vowel is a syllable; y before a vowel is a consonant
    "ahora": 3,  # h keeps the vowels apart
    "abuela": 3,  # ue: a diphthong
    "tratamiento": 4,  # ie: a diphthong
    "ciudad": 2,  # iu: two weak vowels, one syllable
    "poeta": 3,  # two strong vowels: a hiatus
    "leer": 2,
    "aéreo": 4,
    "día": 2,  # an accented weak vowel stands alone
    "oír": 2,
    "recaída": 4,
    "Raúl": 2,
    "búho": 2,
    "teléfono": 4,
    "desintoxicación": 6,
    "que": 1,  # the u of que, qui, gue, gui is silent
    "quien": 1,
    "guerra": 2,
    "guitarra": 3,
    "aguantar": 3,  # gua: the u is sounded
    "pingüino": 3,  # ü is sounded
    "lingüística": 4,
    "averigüé": 4,
    "muy": 1,  # y ending a word is a vowel
    "hoy": 1,
    "Uruguay": 3,  # uay: a triphthong
    "buey": 1,
    "reyes": 2,
    "y": 1,
}


@pytest.mark.parametrize("word, count", KNOWN.items())
def test_spanish_syllables_are_counted_by_spelling(word, count):
    assert syllables(word) == count


def test_hyphenation_counted_them_short():
    """What textstat counted before: ayuda 2, ahora 2, oír 1, teléfono 3."""
    hyphenation = textstatistics()
    hyphenation.set_lang("es")
    for word in ("ayuda", "ahora", "oír", "teléfono"):
        assert hyphenation.syllable_count(word) == KNOWN[word] - 1
        assert readability("es").syllable_count(word) == KNOWN[word]


# Four sentences of 61 words: plain enough by hyphenation, too hard by spelling.
CLINICAL = (
    "La evaluación inicial ayuda a identificar cualquier enfermedad asociada y a orientar "
    "el tratamiento. El equipo médico evalúa a cada paciente todos los días y ajusta la "
    "medicación cuando hace falta. La recaída no significa que el tratamiento haya "
    "fallado; indica que el plan necesita cambios. La familia recibe orientación y apoyo "
    "para acompañar a su ser querido durante la recuperación."
)


def fernandez_huerta(text, sentences):
    """Fernández-Huerta's reading ease, from KNOWN-style counts of each word (words per
    sentence rounded half up to a tenth, as textstat does)."""
    words = text.replace(",", "").replace(".", "").replace(";", "").split()
    per_word = sum(syllables(word) for word in words) / len(words)
    per_sentence = math.floor(len(words) / sentences * 10 + 0.5) / 10
    return 206.84 - 60 * per_word - 1.02 * per_sentence


def reading_level(language, text):
    findings = check_text(language, "body", f"<p>{text}</p>", Context(today=date(2026, 12, 31)))
    return [f for f in findings if f.rule.id == "plain-reading-level"]


@pytest.mark.django_db
def test_a_spanish_text_is_scored_with_spanish_syllables():
    expected = fernandez_huerta(CLINICAL, sentences=4)
    assert 45 < expected < 55  # below 60: flagged
    (finding,) = reading_level("es", CLINICAL)
    assert f"scores {expected:.1f} on Fernández-Huerta" in finding.reason
    # Hyphenation, or English syllables, would have passed it.
    hyphenation = textstatistics()
    hyphenation.set_lang("es")
    assert hyphenation.fernandez_huerta(CLINICAL) > 60
    assert readability("en").fernandez_huerta(CLINICAL) > 60


@pytest.mark.django_db
def test_plain_spanish_still_passes():
    plain = (
        "La desintoxicación ayuda a su cuerpo a vivir sin drogas. Puede tardar unos días. "
        "Nuestro equipo le cuida de día y de noche. Le damos medicina si la necesita. Usted "
        "puede comer y dormir. Cuando se sienta mejor, empieza la otra parte del "
        "tratamiento. Le ayudamos a planear lo que sigue."
    )
    assert fernandez_huerta(plain, sentences=7) > 60
    assert reading_level("es", plain) == []
