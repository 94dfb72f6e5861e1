"""Flags for changes that may alter what a quote means, computed on the aligned stretches.

Vocabulary (fixed): number_changed, negation_changed, entity_changed, hedge_changed,
speaker_changed, quoting_changed.
"""

import re
from collections import Counter
from dataclasses import dataclass

from newsdiff.engine.words import ABBREVIATIONS, NEGATIONS, Words

FLAGS = ("number_changed", "negation_changed", "entity_changed", "hedge_changed",
         "speaker_changed", "quoting_changed")

_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "hundreds": "100s", "thousand": "1000", "thousands": "1000s",
    "million": "1e6", "millions": "1e6s", "billion": "1e9", "billions": "1e9s",
    "trillion": "1e12", "dozen": "12", "dozens": "12s", "half": "0.5", "first": "1st",
    "second": "2nd", "third": "3rd", "twice": "x2", "triple": "x3", "double": "x2",
    "percent": "%", "%": "%",
}
_DIGIT = re.compile(r"\d")
HEDGES = frozenset(
    """likely unlikely may might could possibly possible probably probable perhaps maybe
    reportedly allegedly apparently seemingly seems seem seemed appears appear appeared suggest
    suggests suggested believe believes believed estimated approximately roughly nearly almost
    potentially presumably supposedly purportedly arguably expected somewhat""".split()
)


@dataclass(frozen=True)
class TokenMarks:
    """What each token of a quote says for meaning: its number (a canonical form, or None),
    whether it negates or hedges, and its entity (folded) when it is a capitalised word that
    does not start a sentence, reading the quote from its first token."""

    numbers: tuple[str | None, ...]
    negations: tuple[bool, ...]
    hedges: tuple[bool, ...]
    entities: tuple[str | None, ...]


def token_marks(w: Words) -> TokenMarks:
    """Computed once per quote (`Words.marks`); flags then only compare slices."""
    norms = w.norms
    numbers: list[str | None] = []
    entities: list[str | None] = []
    sentence_start, previous = True, ""
    for k, n in enumerate(norms):
        if n == "cent" and k and norms[k - 1] == "per":
            numbers.append("%")  # "per cent" = "percent" = "%"
        elif not n.isalpha() and _DIGIT.search(n):
            numbers.append(n.replace(",", ""))
        else:
            numbers.append(_NUMBER_WORDS.get(n))
        entity = None
        if not w.is_word[k]:
            if n != "." or previous not in ABBREVIATIONS:
                sentence_start = sentence_start or n in _SENTENCE_START
        else:
            if w.capitalised[k] and not sentence_start and n != "i":
                entity = n.replace(".", "")  # U.S. = US
            sentence_start, previous = False, n
        entities.append(entity)
    return TokenMarks(tuple(numbers), tuple(n in NEGATIONS or n.endswith("n't") for n in norms),
                      tuple(n in HEDGES for n in norms), tuple(entities))


# Marks (folded) after which a capitalised word starts a sentence rather than naming something.
_SENTENCE_START = frozenset(".!?:;\"'")


def _numbers(marks: TokenMarks, lo: int, hi: int) -> Counter:
    return Counter(n for n in marks.numbers[lo:hi] if n)


def _entities(w: Words, lo: int, hi: int) -> list[str]:
    """Entities of tokens [lo, hi) read as a quote of their own: its first word starts a
    sentence (after it, reading from lo or from the quote's start agree)."""
    first = next((k for k in range(lo, hi) if w.is_word[k]), hi)
    return [e for e in w.marks.entities[first + 1:hi] if e]


def _same_entity(x: str, y: str) -> bool:
    return x.startswith(y) or y.startswith(x)  # Iran / Iranians, Russia / Russian


def meaning_flags(wa: Words, a_tokens: tuple[int, int],
                  wb: Words, b_tokens: tuple[int, int]) -> list[str]:
    """Which meaning-bearing kinds of word changed between two aligned stretches.

    >>> from newsdiff.engine.words import tokenise
    >>> a, b = "We will likely send 20 drones", "We will not send 30 drones"
    >>> meaning_flags(tokenise(a), (0, 6), tokenise(b), (0, 6))
    ['number_changed', 'negation_changed', 'hedge_changed']
    """
    (a_lo, a_hi), (b_lo, b_hi) = a_tokens, b_tokens
    ma, mb = wa.marks, wb.marks
    flags = []
    if _numbers(ma, a_lo, a_hi) != _numbers(mb, b_lo, b_hi):
        flags.append("number_changed")
    if sum(ma.negations[a_lo:a_hi]) != sum(mb.negations[b_lo:b_hi]):
        flags.append("negation_changed")
    ea, eb = _entities(wa, a_lo, a_hi), _entities(wb, b_lo, b_hi)
    if any(not any(_same_entity(x, y) for y in eb) for x in ea) or \
            any(not any(_same_entity(y, x) for x in ea) for y in eb):
        flags.append("entity_changed")
    if sum(ma.hedges[a_lo:a_hi]) != sum(mb.hedges[b_lo:b_hi]):
        flags.append("hedge_changed")
    return flags
