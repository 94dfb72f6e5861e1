"""Quote marks removed: where one version quotes words that the other has in its own voice.

A quote found in only one version is looked for in the other version's text outside its
quotation marks, by shared word trigrams (stems), so an editor sees "paraphrased here"
instead of "dropped".
"""

import bisect
from functools import cached_property

import regex

from newsdiff.engine.normalise import fold
from newsdiff.engine.words import NEGATIONS, STOPWORDS, Words, stems, tokenise


_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*")


class OutsideText:
    """A version's words outside its quotes: offsets, stems, content flags, and (built on first
    use) an index of their stem trigrams."""

    def __init__(self, text: str, cuts: list[tuple[int, int]]):
        folded = fold(text)
        cut_starts = [s for s, _ in cuts]
        spans = []
        for m in _WORD.finditer(folded):
            c = bisect.bisect_right(cut_starts, m.start()) - 1
            if c < 0 or m.start() >= cuts[c][1]:
                spans.append(m.span())
        norms = [folded[s:e] for s, e in spans]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.stems = stems(norms)
        self.content = [n not in STOPWORDS or n in NEGATIONS for n in norms]

    @cached_property
    def trigrams(self) -> dict[tuple[str, str, str], list[int]]:
        index: dict[tuple[str, str, str], list[int]] = {}
        st = self.stems
        for p in range(len(st) - 2):
            index.setdefault((st[p], st[p + 1], st[p + 2]), []).append(p)
        return index


def words_outside_quotes(version) -> OutsideText:
    return OutsideText(version.text, [(q.open_at, q.close_end) for q in version.quotes])


def find_paraphrase(quote: Words, outside: OutsideText) -> tuple[int, int] | None:
    """The span of `outside`'s text that has most of `quote`'s words in order, if any.

    >>> from types import SimpleNamespace
    >>> from newsdiff.engine.quotes import extract_quotes
    >>> text = "He said the talks had failed completely on Monday."
    >>> v = SimpleNamespace(text=text, quotes=extract_quotes(text))
    >>> span = find_paraphrase(tokenise("the talks had failed completely"), words_outside_quotes(v))
    >>> text[span[0]:span[1]]
    'the talks had failed completely'
    """
    stems = [quote.stems[k] for k, w in enumerate(quote.is_word) if w]
    grams = [(stems[p], stems[p + 1], stems[p + 2]) for p in range(len(stems) - 2)]
    if len(stems) < 4 or not grams:
        return None
    index = outside.trigrams
    hits = sorted(p for g in grams for p in index.get(g, ())[:50])
    if not hits:
        return None
    reach = len(stems) + 5
    best, lo = (0, 0, 0), 0
    for hi in range(len(hits)):  # the window of `reach` words holding most hits
        while hits[hi] - hits[lo] > reach:
            lo += 1
        if hi - lo + 1 > best[0]:
            best = (hi - lo + 1, hits[lo], hits[hi])
    count, first, last = best
    if count < max(2, 0.5 * len(grams)):
        return None
    return outside.starts[first], outside.ends[last + 2]


def adjacent_words_quoted(longer: Words, word_lo: int, word_hi: int, other_quote_open: int,
                          other_quote_close: int, outside: OutsideText) -> bool:
    """Whether content words just outside the aligned stretch of the longer quote stand next to
    the other version's quote, outside its marks: quoting moved, words kept."""
    mine = [(longer.stems[k], longer.is_content[k]) for k, w in enumerate(longer.is_word) if w]
    before_at = bisect.bisect_left(outside.starts, other_quote_open)
    after_at = bisect.bisect_left(outside.starts, other_quote_close)

    def content(words) -> set[str]:
        return {stem for stem, is_content in words if is_content}

    def theirs(lo: int, hi: int) -> set[str]:
        lo, hi = max(0, lo), min(len(outside.stems), hi)
        return {outside.stems[k] for k in range(lo, hi) if outside.content[k]}

    before, after = content(mine[max(0, word_lo - 6):word_lo]), content(mine[word_hi:word_hi + 6])
    return bool(
        before & theirs(before_at - 3, before_at)
        or after & theirs(after_at, after_at + 3)
        or len(before & theirs(before_at - 8, before_at)) >= 2
        or len(after & theirs(after_at, after_at + 12)) >= 2
    )
