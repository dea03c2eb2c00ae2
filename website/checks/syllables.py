"""Spanish syllables counted by the rules of Spanish spelling, for Spanish reading ease.

textstat counts syllables with pyphen's hyphenation patterns, which never split a single
vowel off a word ("a-yu-da" is hyphenated "ayu-da": 2), so Spanish texts scored 4 to 8
points too easy on Fernández-Huerta's scale. Spanish spelling says where syllables are:

- each group of vowels is one syllable (a diphthong: "ciu-dad", "bue-no"; a triphthong:
  "buey"), except that two strong vowels (a, e, o) are two ("po-e-ta", "le-er"), and an
  accented weak vowel (í, ú) stands alone ("dí-a", "re-ca-í-da", "Ra-úl");
- the u of que, qui, gue, gui is silent ("que-rer", "gui-ta-rra"); with a dieresis it is
  sounded ("pin-gü-i-no" is "pin-güi-no": a diphthong);
- y is a vowel at the end of a word or before a consonant ("muy", "hoy", "y"), and a
  consonant before a vowel ("a-yu-da");
- h is silent, but spelling keeps the vowels around it apart ("a-ho-ra", "bú-ho").
"""

import re

from textstat.textstat import textstatistics

STRONG = set("aeoáéóíú")  # an accented i or u is a vowel of its own, like a strong one
WEAK = set("iuüy")
VOWELS = STRONG | WEAK
# The silent u of que, qui, gue, gui (not güe, güi, whose u is sounded).
SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")


def syllables(word):
    """The number of syllables of one Spanish word (at least 1)."""
    letters = SILENT_U.sub("", word.lower())
    count, previous = 0, None  # previous: the vowel just before, in the same group
    for index, letter in enumerate(letters):
        following = letters[index + 1] if index + 1 < len(letters) else ""
        if letter == "y" and following in VOWELS:
            letter = "consonant"  # "ayuda", "yo": y before a vowel is a consonant
        if letter not in VOWELS:
            previous = None
            continue
        if previous is None or (previous in STRONG and letter in STRONG):
            count += 1
        previous = letter
    return max(count, 1)


class SpanishText(textstatistics):
    """textstat's statistics with Spanish syllables counted by spelling, and the
    syllables per word not rounded to a tenth (a tenth is 6 points of reading ease)."""

    def syllable_count(self, text, lang=None):
        words = self.remove_punctuation(text.lower()).split()
        return sum(syllables(word) for word in words)

    def avg_syllables_per_word(self, text, interval=None):
        words = self.lexicon_count(text)
        if not words:
            return 0.0
        return self.syllable_count(text) * (interval or 1) / words
