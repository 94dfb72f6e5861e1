"""What the quote index stores per quote: hashed content-word stems, alone and in pairs.

Stop words are dropped first, so "cut the budget" and "cut this budget" share the pair
("cut", "budget"); stems make "cuts" meet "cut". A word alone finds a quote from a few
remembered words, whatever came between them; a pair of neighbours is rarer, so it narrows
the candidates fastest. A trimmed quote keeps most of its features and a swap of two words
breaks only the pairs around them, so a variant shares many features with its original while
two unrelated quotes share few.

Pure Python: no Django, so the benchmark's generator and the migration use it as is.
"""

import zlib
from itertools import pairwise

import regex

from newsdiff.engine.normalise import fold
from newsdiff.engine.words import NEGATIONS, STOPWORDS, stems

_SKIP = STOPWORDS - NEGATIONS
# The engine's words (engine.words.TOKEN) without its punctuation tokens, after `fold`.
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\-.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*")


def content_stems(text: str) -> list[str]:
    """The stems of the quote's words that are not stop words, in order."""
    return stems([w for w in WORD.findall(fold(text)) if w not in _SKIP])


def quote_features(text: str) -> list[int]:
    """The distinct feature hashes of a quote, as signed 32-bit integers (a database column)."""
    words = content_stems(text)
    grams = [f"{a} {b}" for a, b in pairwise(words)]
    return sorted({_hash(g) for g in [*words, *grams]})


def _hash(gram: str) -> int:
    h = zlib.crc32(gram.encode("utf-8"))
    return h - (1 << 32) if h >= 1 << 31 else h
