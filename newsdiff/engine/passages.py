"""Passage alignment: the whole text of two versions, sentence by sentence, so an editor sees
what a rewrite cut, added, reworded or moved around the quotes.

1. Sentences with offsets (`sentences.py`), each with its content-word stems as characters.
2. Candidates for every pair of sentences in one `process.cdist` call: the LCS of the *sorted*
   stem characters is the number of content words two sentences share in any order (a clause
   moved inside a sentence still counts), turned into a Dice score.
3. One-to-one matching, best first (ties go to the pair nearest the same relative position).
4. A heaviest increasing subsequence of the matched positions keeps the text's order; the
   gaps between those anchors are matched again with a looser threshold, so "Police said on
   Monday." meets "Police said on Tuesday." in the same place, not across the text.
5. Splits and merges: an unmatched sentence next to a matched one whose partner contains its
   words joins that unit (one sentence of A = two of B, or the reverse).
6. Kinds: `shared` (the same words; punctuation, case and quote style may differ), `rewritten`
   (same content, other words: a word diff), `moved` (shared or rewritten, out of order: not
   on the final increasing subsequence; its diff says whether it was also rewritten), `added`
   (only in B), `removed` (only in A).
"""

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from newsdiff.engine.diff import Segment, word_diff
from newsdiff.engine.sentences import Sentence, split_sentences
from newsdiff.engine.words import Words, tokenise

KINDS = ("shared", "rewritten", "moved", "added", "removed")

Span = tuple[int, int]
# cdist's threads pay off only on large matrices: at 80 × 80 sentences starting them cost more
# (2.2 ms) than the work (0.6 ms on one thread).
THREADED = 40_000


@dataclass(frozen=True)
class Passage:
    """One aligned unit: sentence indices on each side (empty for added/removed), their spans
    as offsets into each text (one per paragraph they cover), a score (0–100, word similarity
    of the two sides; 100 only for the same words) and, where the tokens differ, a word diff
    with offsets into both texts."""

    kind: str
    a: tuple[int, ...]
    b: tuple[int, ...]
    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]
    score: float
    diff: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class ParagraphSummary:
    """A paragraph of one side: `words` per passage kind, `kind` the one covering most words,
    `counterparts` the other side's paragraphs its sentences were aligned with."""

    index: int
    start: int
    end: int
    kind: str
    words: dict[str, int]
    counterparts: tuple[int, ...]


@dataclass(frozen=True)
class PassageAlignment:
    """`passages` in reading order: B's order, with A-only passages where they stood in A."""

    sentences_a: tuple[Sentence, ...]
    sentences_b: tuple[Sentence, ...]
    passages: tuple[Passage, ...]
    paragraphs_a: tuple[ParagraphSummary, ...]
    paragraphs_b: tuple[ParagraphSummary, ...]

    def share(self, side: str, kinds: tuple[str, ...] = ("shared", "rewritten", "moved"),
              same_words: bool = False) -> float:
        """Share of one side's words ("a" or "b") in passages of these kinds (by default all
        aligned ones); `same_words` counts only passages whose words did not change."""
        sentences = self.sentences_a if side == "a" else self.sentences_b
        total = sum(s.word_count for s in sentences)
        if not total:
            return 0.0
        counted = sum(sentences[i].word_count for p in self.passages
                      if p.kind in kinds and not (same_words and p.score < 100)
                      for i in (p.a if side == "a" else p.b))
        return counted / total


def align_passages(text_a: str, text_b: str) -> PassageAlignment:
    """Every sentence of A and B as shared, rewritten, moved, added or removed. Of two
    passages that swapped places, the one with fewer words is the one that moved.

    >>> a = "The river rose. Police closed the old bridge on Monday."
    >>> b = "Police closed the old bridge on Tuesday. The river rose. Sign up now."
    >>> [(p.kind, p.a, p.b) for p in align_passages(a, b).passages]
    [('rewritten', (1,), (0,)), ('moved', (0,), (1,)), ('added', (), (2,))]
    """
    return align_sentences(text_a, split_sentences(text_a), text_b, split_sentences(text_b))


def align_sentences(text_a: str, sentences_a: Sequence[Sentence], text_b: str,
                    sentences_b: Sequence[Sentence]) -> PassageAlignment:
    """`align_passages` for texts already split (`split_sentences`), so a story's versions
    are split once however many pairs are aligned."""
    sa, sb = tuple(sentences_a), tuple(sentences_b)
    units = _units(sa, sb)
    keep = _increasing([(a[0], b[0], _weight(sa, a) + _weight(sb, b)) for a, b in units])
    passages = [_passage(text_a, sa, a, text_b, sb, b, moved=n not in keep)
                for n, (a, b) in enumerate(units)]
    matched_a = {i for a, _ in units for i in a}
    matched_b = {j for _, b in units for j in b}
    passages += [Passage("added", (), (j,), (), (_span(sb[j]),), 0.0)
                 for j in range(len(sb)) if j not in matched_b]
    passages += [Passage("removed", (i,), (), (_span(sa[i]),), (), 0.0)
                 for i in range(len(sa)) if i not in matched_a]
    # A removed sentence is read after the in-order passage that preceded it in A.
    anchor = {i: p.b[0] for p in passages if p.kind in ("shared", "rewritten") for i in p.a}
    before, last = [], -1
    for i in range(len(sa)):
        before.append(last)
        last = anchor.get(i, last)

    def reading_order(p: Passage) -> tuple[int, int, int]:
        return (p.b[0], 0, 0) if p.b else (before[p.a[0]], 1, p.a[0])

    passages.sort(key=reading_order)
    return PassageAlignment(sa, sb, tuple(passages), _paragraphs(sa, sb, passages, "a"),
                            _paragraphs(sb, sa, passages, "b"))


# -- matching ---------------------------------------------------------------------------------

def _units(sa: tuple[Sentence, ...], sb: tuple[Sentence, ...]) -> list[tuple[tuple, tuple]]:
    """Matched sentence groups (A indices, B indices), contiguous on each side."""
    n, m = len(sa), len(sb)
    if not n or not m:
        return []
    bag = process.cdist(["".join(sorted(s.content)) for s in sa],
                        ["".join(sorted(s.content)) for s in sb],
                        scorer=LCSseq.similarity, workers=-1 if n * m >= THREADED else 1,
                        dtype=np.int32)
    size_a = np.array([len(s.content) for s in sa], dtype=np.float32)
    size_b = np.array([len(s.content) for s in sb], dtype=np.float32)
    total = np.add.outer(size_a, size_b)
    dice = np.divide(2 * bag, total, out=np.zeros_like(total), where=total > 0)
    exact = _same_tokens(sa, sb)
    for i, j in exact:
        dice[i, j] = 1.0
    strong = ((bag >= 3) & (dice >= 0.5)) | ((bag >= 2) & (dice >= 0.999))
    pairs = _one_to_one(strong, dice, exact, n, m)
    loose = ((bag >= 2) & (dice >= 0.4)) | ((bag >= 1) & (dice >= 0.5))
    in_order = _increasing([(i, j, _weight(sa, (i,)) + _weight(sb, (j,)))
                            for i, j in pairs.items()], as_points=True)
    pairs.update(_fill_gaps(pairs, sorted((i, pairs[i]) for i in in_order), loose, dice, n, m))
    return _attach(sorted(pairs.items()), sa, sb, bag)


def _same_tokens(sa, sb) -> set[tuple[int, int]]:
    """Sentence pairs with the same folded tokens (also those with no content word)."""
    where: dict[tuple[str, ...], list[int]] = {}
    for i, s in enumerate(sa):
        where.setdefault(s.tokens, []).append(i)
    return {(i, j) for j, s in enumerate(sb) for i in where.get(s.tokens, ())}


def _one_to_one(mask, dice, exact, n, m) -> dict[int, int]:
    """Best-first one-to-one pairs among `mask` and the exact pairs: higher Dice first, then
    exact tokens, then the pair nearest the same relative position in both texts."""
    rows, cols = np.nonzero(mask)
    if exact:
        ex = np.array(sorted(exact), dtype=np.int64)
        rows, cols = np.concatenate([rows, ex[:, 0]]), np.concatenate([cols, ex[:, 1]])
    cells = np.unique(rows.astype(np.int64) * m + cols)
    rows, cols = cells // m, cells % m
    is_exact = np.array([(int(i), int(j)) in exact for i, j in zip(rows, cols)], dtype=bool) \
        if exact else np.zeros(len(rows), dtype=bool)
    drift = np.abs(rows / n - cols / m)
    chosen: dict[int, int] = {}
    used_b: set[int] = set()
    for k in np.lexsort((drift, ~is_exact, -dice[rows, cols])).tolist():
        i, j = int(rows[k]), int(cols[k])
        if i not in chosen and j not in used_b:
            chosen[i] = j
            used_b.add(j)
    return chosen


def _fill_gaps(pairs: dict[int, int], anchors: list[tuple[int, int]], loose, dice, n, m):
    """Looser matches between consecutive in-order anchors, kept in order within each gap."""
    found: dict[int, int] = {}
    matched_a, matched_b = set(pairs), set(pairs.values())
    for (a0, b0), (a1, b1) in zip([(-1, -1)] + anchors, anchors + [(n, m)]):
        free_a = [i for i in range(a0 + 1, a1) if i not in matched_a]
        free_b = [j for j in range(b0 + 1, b1) if j not in matched_b]
        if not free_a or not free_b:
            continue
        sub = loose[np.ix_(free_a, free_b)]
        rows, cols = np.nonzero(sub)
        scores = dice[np.ix_(free_a, free_b)][rows, cols]
        accepted_i: list[int] = []
        accepted_j: list[int] = []
        for k in np.argsort(-scores, kind="stable").tolist():
            i, j = free_a[rows[k]], free_b[cols[k]]
            at = bisect_left(accepted_i, i)
            if at < len(accepted_i) and accepted_i[at] == i:
                continue
            if (at and accepted_j[at - 1] >= j) or (at < len(accepted_j) and accepted_j[at] <= j):
                continue
            accepted_i.insert(at, i)
            accepted_j.insert(at, j)
        found.update(zip(accepted_i, accepted_j))
    return found


def _attach(pairs: list[tuple[int, int]], sa, sb, bag) -> list[tuple[tuple, tuple]]:
    """Grow one-to-one pairs into splits and merges: an unmatched sentence beside a unit joins
    it when most of its content words are in the unit's other side and they add to the
    alignment (so a repeated sentence does not join)."""
    units = [([i], [j]) for i, j in pairs]
    owner = [{i: u for u, (a, _) in enumerate(units) for i in a},
             {j: u for u, (_, b) in enumerate(units) for j in b}]
    sides = (sa, sb)
    grew = True
    while grew:
        grew = False
        for side in (1, 0):
            mine, other = sides[side], sides[1 - side]
            for k, sentence in enumerate(mine):
                if k in owner[side] or not sentence.content:
                    continue
                for near in (k - 1, k + 1):
                    u = owner[side].get(near)
                    if u is None:
                        continue
                    group, partners = units[u][side], units[u][1 - side]
                    held = sum(int(bag[(p, k) if side else (k, p)]) for p in partners)
                    if held < max(1, 0.6 * len(sentence.content)):
                        continue
                    theirs = "".join(other[p].content for p in partners)
                    before = "".join(mine[g].content for g in group)
                    after = "".join(mine[g].content for g in sorted(group + [k]))
                    gain = LCSseq.similarity(theirs, after) - LCSseq.similarity(theirs, before)
                    if gain >= max(1, 0.5 * len(sentence.content)):
                        group.append(k)
                        group.sort()
                        owner[side][k] = u
                        grew = True
                        break
    return sorted((tuple(a), tuple(b)) for a, b in units)


def _increasing(points, as_points: bool = False) -> set[int]:
    """The heaviest subsequence of (x, y, weight) points increasing in both x and y, as
    indices into `points` (or, with `as_points`, as their x values). O(n log n): a Fenwick
    tree of the best total ending below each y."""
    order = sorted(range(len(points)), key=lambda k: points[k][0])
    size = max((p[1] for p in points), default=-1) + 2
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    total, previous = [0.0] * len(points), [-1] * len(points)
    for k in order:
        _, y, weight = points[k]
        best, at = (0.0, -1), y + 1
        while at > 0:
            if tree[at][0] > best[0]:
                best = tree[at]
            at -= at & -at
        total[k], previous[k] = best[0] + weight, best[1]
        at = y + 2
        while at <= size:
            if total[k] > tree[at][0]:
                tree[at] = (total[k], k)
            at += at & -at
    kept: set[int] = set()
    k = max(range(len(points)), key=lambda k: total[k], default=-1)
    while k >= 0:
        kept.add(points[k][0] if as_points else k)
        k = previous[k]
    return kept


# -- results ----------------------------------------------------------------------------------

def _weight(sentences, indices) -> float:
    return float(sum(max(1, sentences[i].word_count) for i in indices))


def _span(s: Sentence) -> Span:
    return (s.start, s.end)


def _spans(sentences, indices) -> tuple[Span, ...]:
    """One span per paragraph the (contiguous) sentences cover."""
    spans: list[Span] = []
    for n, i in enumerate(indices):
        s = sentences[i]
        if n and sentences[indices[n - 1]].paragraph == s.paragraph:
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
    return tuple(spans)


def _passage(text_a, sa, a, text_b, sb, b, moved: bool) -> Passage:
    words_a = [w for i in a for w in sa[i].words]
    words_b = [w for j in b for w in sb[j].words]
    same = words_a == words_b
    score = 100.0 if same else min(99.9, round(fuzz.ratio(" ".join(words_a), " ".join(words_b)), 1))
    diff: tuple[Segment, ...] = ()
    if [t for i in a for t in sa[i].tokens] != [t for j in b for t in sb[j].tokens]:
        diff = tuple(word_diff(text_a, *_tokens(text_a, sa, a), text_b, *_tokens(text_b, sb, b)))
    kind = "moved" if moved else ("shared" if same else "rewritten")
    return Passage(kind, a, b, _spans(sa, a), _spans(sb, b), score, diff)


def _tokens(text: str, sentences, indices) -> tuple[Words, Span]:
    """The tokens of contiguous sentences: their paragraph's, unless they span paragraphs."""
    first, last = sentences[indices[0]], sentences[indices[-1]]
    if first.paragraph == last.paragraph:
        return first.paragraph_words, (first.token_range[0], last.token_range[1])
    w = tokenise(text, first.start, last.end)
    return w, (0, len(w.norms))


def _paragraphs(mine, theirs, passages: list[Passage],
                side: str) -> tuple[ParagraphSummary, ...]:
    """Roll the sentences' kinds up to the paragraphs of one side."""
    kind_of: dict[int, str] = {}
    counterpart: dict[int, set[int]] = {}
    for p in passages:
        own, other = (p.a, p.b) if side == "a" else (p.b, p.a)
        for i in own:
            kind_of[i] = p.kind
            counterpart[i] = {theirs[j].paragraph for j in other}
    words: dict[int, Counter[str]] = {}
    others: dict[int, set[int]] = {}
    bounds: dict[int, Span] = {}
    for i, s in enumerate(mine):
        if s.paragraph not in words:
            words[s.paragraph], others[s.paragraph] = Counter(), set()
            bounds[s.paragraph] = (s.start, s.end)
        words[s.paragraph][kind_of[i]] += max(1, s.word_count)
        others[s.paragraph].update(counterpart[i])
        bounds[s.paragraph] = (bounds[s.paragraph][0], s.end)
    return tuple(
        ParagraphSummary(n, *bounds[n], max(count, key=lambda k: (count[k], -KINDS.index(k))),
                         dict(count), tuple(sorted(others[n])))
        for n, count in words.items()
    )
