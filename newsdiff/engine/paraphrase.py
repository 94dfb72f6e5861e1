"""Quote marks removed: where one version quotes words that the other has in its own voice.

A quote found in only one version is looked for in the other version's text outside its
quotation marks, by shared word trigrams (stems), so an editor sees "paraphrased here"
instead of "dropped".
"""

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
        spans, pos = [], 0
        for cut_start, cut_end in sorted(cuts) + [(len(text), len(text))]:
            if cut_start > pos:
                spans.extend(m.span() for m in _WORD.finditer(folded, pos, cut_start))
            pos = max(pos, cut_end)
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


def _stems_between(text: str, start: int, end: int) -> list[tuple[str, bool]]:
    norms = [m.group() for m in _WORD.finditer(fold(text[start:end]))]
    return [(stem, n not in STOPWORDS or n in NEGATIONS) for stem, n in zip(stems(norms), norms)]


def _content(words: list[tuple[str, bool]]) -> frozenset[str]:
    return frozenset(stem for stem, is_content in words if is_content)


def _beside(version, y: int) -> tuple[frozenset[str], ...]:
    """Content stems just outside quote y's marks: the last 3 and 8 words before it, the first
    3 and 12 after it. Memoised on the version: a quote is asked about once per counterpart."""
    memo = version.beside_quotes
    if y not in memo:
        quotes = version.quotes
        q = quotes[y]
        floor = quotes[y - 1].close_end if y else 0
        ceiling = quotes[y + 1].open_at if y + 1 < len(quotes) else len(version.text)
        lead = _stems_between(version.text, max(floor, q.open_at - 80), q.open_at)
        tail = _stems_between(version.text, q.close_end, min(ceiling, q.close_end + 120))
        memo[y] = (_content(lead[-3:]), _content(lead[-8:]), _content(tail[:3]),
                   _content(tail[:12]))
    return memo[y]


def adjacent_words_quoted(longer: Words, word_lo: int, word_hi: int, version, y: int) -> bool:
    """Whether content words just outside the aligned stretch of the longer quote stand next to
    quote `y` of the other version, outside its marks: quoting moved, words kept."""
    lead3, lead8, tail3, tail12 = _beside(version, y)
    stems_, content = longer.word_stems, longer.word_content
    before = {stems_[k] for k in range(max(0, word_lo - 6), word_lo) if content[k]}
    after = {stems_[k] for k in range(word_hi, min(len(stems_), word_hi + 6)) if content[k]}
    return bool(
        before & lead3 or after & tail3 or len(before & lead8) >= 2 or len(after & tail12) >= 2
    )
