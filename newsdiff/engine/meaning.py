"""Flags for changes that may alter what a quote means, computed on the aligned stretches.

Vocabulary (fixed): number_changed, negation_changed, entity_changed, hedge_changed,
speaker_changed, quoting_changed.
"""

import re
from collections import Counter

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


def _numbers(norms: list[str]) -> Counter:
    out = Counter()
    for k, n in enumerate(norms):
        if n == "cent" and k and norms[k - 1] == "per":
            out["%"] += 1  # "per cent" = "percent" = "%"
        elif not n.isalpha() and _DIGIT.search(n):
            out[n.replace(",", "")] += 1
        elif n in _NUMBER_WORDS:
            out[_NUMBER_WORDS[n]] += 1
    return out


def _negations(norms: list[str]) -> int:
    return sum(1 for n in norms if n in NEGATIONS or n.endswith("n't"))


def _hedges(norms: list[str]) -> int:
    return sum(1 for n in norms if n in HEDGES)


def _entities(text: str, w: Words, lo: int, hi: int) -> list[str]:
    """Capitalised words that do not start a sentence, folded."""
    found, sentence_start, previous = [], True, ""
    for k in range(lo, hi):
        token = text[w.starts[k]:w.ends[k]]
        if not w.is_word[k]:
            if token not in "." or previous not in ABBREVIATIONS:
                sentence_start = sentence_start or token in ".!?:;\"“”‘’«»"
            continue
        if token[:1].isupper() and not sentence_start and token.lower() != "i":
            found.append(w.norms[k].replace(".", ""))  # U.S. = US
        sentence_start, previous = False, w.norms[k]
    return found


def _same_entity(x: str, y: str) -> bool:
    return x.startswith(y) or y.startswith(x)  # Iran / Iranians, Russia / Russian


def meaning_flags(text_a: str, wa: Words, a_tokens: tuple[int, int],
                  text_b: str, wb: Words, b_tokens: tuple[int, int]) -> list[str]:
    """Which meaning-bearing kinds of word changed between two aligned stretches.

    >>> from newsdiff.engine.words import tokenise
    >>> a, b = "We will likely send 20 drones", "We will not send 30 drones"
    >>> meaning_flags(a, tokenise(a), (0, 6), b, tokenise(b), (0, 6))
    ['number_changed', 'negation_changed', 'hedge_changed']
    """
    na, nb = list(wa.norms[a_tokens[0]:a_tokens[1]]), list(wb.norms[b_tokens[0]:b_tokens[1]])
    flags = []
    if _numbers(na) != _numbers(nb):
        flags.append("number_changed")
    if _negations(na) != _negations(nb):
        flags.append("negation_changed")
    ea, eb = _entities(text_a, wa, *a_tokens), _entities(text_b, wb, *b_tokens)
    if any(not any(_same_entity(x, y) for y in eb) for x in ea) or \
            any(not any(_same_entity(y, x) for x in ea) for y in eb):
        flags.append("entity_changed")
    if _hedges(na) != _hedges(nb):
        flags.append("hedge_changed")
    return flags
