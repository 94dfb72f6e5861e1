"""Quote marks removed: where one version quotes words that the other has in its own voice.

A quote found in only one version is looked for in the other version's text outside its
quotation marks, by shared word trigrams (stems), so an editor sees "paraphrased here"
instead of "dropped".
"""

import bisect
from dataclasses import dataclass

from newsdiff.engine.words import Words, tokenise


@dataclass(frozen=True)
class OutsideText:
    """A version's words outside its quotes, with a trigram index over their stems."""

    words: Words
    positions: tuple[int, ...]  # index into words of each word token, in order
    trigrams: dict[tuple[str, str, str], list[int]]

    def stems(self) -> list[str]:
        return [self.words.stems[k] for k in self.positions]


def words_outside_quotes(version) -> OutsideText:
    text = version.text
    cuts = [(q.open_at, q.close_end) for q in version.quotes]
    words = tokenise(text)
    starts = [s for s, _ in cuts]
    keep = []
    for k, start in enumerate(words.starts):
        if not words.is_word[k]:
            continue
        c = bisect.bisect_right(starts, start) - 1
        if c < 0 or start >= cuts[c][1]:
            keep.append(k)
    stems = [words.stems[k] for k in keep]
    index: dict[tuple[str, str, str], list[int]] = {}
    for p in range(len(stems) - 2):
        index.setdefault((stems[p], stems[p + 1], stems[p + 2]), []).append(p)
    return OutsideText(words, tuple(keep), index)


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
    hits = sorted(p for g in grams for p in outside.trigrams.get(g, ())[:50])
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
    w = outside.words
    return w.starts[outside.positions[first]], w.ends[outside.positions[last + 2]]


def adjacent_words_quoted(longer: Words, word_lo: int, word_hi: int, other_quote_open: int,
                          other_quote_close: int, outside: OutsideText) -> bool:
    """Whether content words just outside the aligned stretch of the longer quote stand next to
    the other version's quote, outside its marks: quoting moved, words kept."""
    mine = [(longer.stems[k], longer.is_content[k]) for k, w in enumerate(longer.is_word) if w]
    theirs = [(outside.words.stems[k], outside.words.is_content[k]) for k in outside.positions]
    starts = [outside.words.starts[k] for k in outside.positions]
    before_at = bisect.bisect_left(starts, other_quote_open)
    after_at = bisect.bisect_left(starts, other_quote_close)

    def content(words) -> set[str]:
        return {stem for stem, is_content in words if is_content}

    before, after = content(mine[max(0, word_lo - 6):word_lo]), content(mine[word_hi:word_hi + 6])
    return bool(
        before & content(theirs[max(0, before_at - 3):before_at])
        or after & content(theirs[after_at:after_at + 3])
        or len(before & content(theirs[max(0, before_at - 8):before_at])) >= 2
        or len(after & content(theirs[after_at:after_at + 12])) >= 2
    )
