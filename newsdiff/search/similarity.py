"""How alike a query and a stored quote are, word by word, out of 100.

Each word (stemmed) becomes one character (engine.words.code), so rapidfuzz compares words,
not letters: letter-level scores rate any two sentences sharing "the" and "was" as alike.
The score is the better of the whole-quote similarity and, scaled by 0.95 so the whole quote
ranks first, the similarity of the shorter one to its best-matching stretch of the longer one:
a trimmed quote, or a few remembered words, still scores high. A swap of two words costs one
word of the longest common subsequence, a changed word two.

Pure Python, no Django: the benchmark's brute force uses it too.
"""

from rapidfuzz import fuzz

from newsdiff.engine.normalise import fold
from newsdiff.engine.words import code, stems
from newsdiff.search.features import WORD

PARTIAL = 0.95


def word_code(text: str) -> str:
    """One character per word of `text`, the same for words with the same stem."""
    return "".join(code(s) for s in stems(WORD.findall(fold(text))))


def similarity(query: str, quote: str, score_cutoff: float = 0) -> float:
    """Score two word codes (`word_code`); 0 when below `score_cutoff`."""
    if not query or not quote:
        return 0.0
    whole = fuzz.ratio(query, quote)
    partial = PARTIAL * fuzz.partial_ratio(query, quote) if whole < 100 else 0.0
    score = max(whole, partial)
    return score if score >= score_cutoff else 0.0
