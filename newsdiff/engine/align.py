"""Pairing the quotes of two versions: which quotes are the same statement, how well the parts
match, and where.

1. Candidates: every quote of A against every quote of B in one `process.cdist` call, scoring
   the longest common subsequence of content-word stems (each stem encoded as one character),
   so a short quote inside a long one, or a sentence shared by two quotes, still scores; a
   pair goes on if it shares enough of the shorter quote and at least half as much as the
   best counterpart of either quote does (at most a few per quote).
2. Verification, on candidates only: a word alignment (rapidfuzz Indel) whose best-scoring
   stretch (content words weigh more than function words) gives the aligned span on each side.
3. Decision and kind from that stretch: how many words changed, how much of each quote it
   covers, how many content words the two share.
4. Selection, best first: a quote may pair with several others (split, merged, quoted in the
   headline and in the body) as long as they align with different parts of it, or are
   themselves repeats of one another; otherwise only the best counterpart is kept.
"""

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq

from newsdiff.engine.diff import Segment, diff_ops, segments
from newsdiff.engine.meaning import FLAGS, meaning_flags
from newsdiff.engine.paraphrase import adjacent_words_quoted
from newsdiff.engine.passages import THREADED
from newsdiff.engine.version import ExtractedVersion
from newsdiff.engine.words import Words

KINDS = ("exact", "minor", "partial", "reworded")


Range = tuple[int, int]


@dataclass(frozen=True)
class Match:
    """A verified candidate: aligned stretches as word-index ranges [lo, hi) on each side, in
    pairs (one stretch for most pairs; one per sentence pair when sentences were reordered)."""

    a: int
    b: int
    score: float
    kind: str
    stretches: tuple[tuple[Range, Range], ...]
    weight: float

    @property
    def a_ranges(self) -> tuple[Range, ...]:
        return tuple(x for x, _ in self.stretches)

    @property
    def b_ranges(self) -> tuple[Range, ...]:
        return tuple(y for _, y in self.stretches)


@dataclass(frozen=True)
class _Stretch:
    a: Range
    b: Range
    matched: int
    matched_content: int


# Stretch weights, in twentieths so that sums are exact: a matched content word gains 1, a
# matched function word 0.35; an unmatched content word costs 0.25, a function word 0.1.
_GAIN_CONTENT, _GAIN_FUNCTION, _COST_CONTENT, _COST_FUNCTION = 20, 7, 5, 2


def _stretch(wa: Words, wb: Words, ra: Range, rb: Range) -> _Stretch | None:
    """The best-scoring contiguous stretch of the word alignment of A's words ra and B's rb:
    matches gain (content words more), unmatched words cost a little, so a changed word
    between two matches stays inside while a run of unrelated words ends the stretch.

    Kadane over the alignment's matching blocks rather than its columns: inside a block the
    running total only rises, across the gap to the next it only falls, so a stretch starts at
    the first word of a block and ends at the last of one (counts from prefix sums)."""
    pa, pb = wa.content_before, wb.content_before
    a0, b0 = ra[0], rb[0]
    best, total, found = 0, 0, None
    sx = sy = matched = content = 0
    gx, gy = a0, b0  # where the gap before the next block starts
    for block in Indel.editops(wa.word_stems[a0:ra[1]], wb.word_stems[b0:rb[1]]) \
            .as_matching_blocks():
        x0, y0, size = block.a + a0, block.b + b0, block.size
        if x0 > gx or y0 > gy:
            c = pa[x0] - pa[gx] + pb[y0] - pb[gy]
            total -= _COST_CONTENT * c + _COST_FUNCTION * (x0 - gx + y0 - gy - c)
        if not size:
            break  # the closing empty block
        if total <= 0:
            total, sx, sy, matched, content = 0, x0, y0, 0, 0
        gx, gy = x0 + size, y0 + size
        c = pa[gx] - pa[x0]
        total += _GAIN_CONTENT * c + _GAIN_FUNCTION * (size - c)
        matched += size
        content += c
        if total > best:
            best, found = total, (sx, gx, sy, gy, matched, content)
    if found is None:
        return None
    return _Stretch((found[0], found[1]), (found[2], found[3]), found[4], found[5])


def _by_sentence(wa: Words, wb: Words) -> list[_Stretch]:
    """Sentence pairs aligned one to one, best first: catches sentences in another order."""
    found = [s for sa in wa.sentences for sb in wb.sentences
             if (s := _stretch(wa, wb, sa, sb)) and s.matched_content >= 2]
    chosen: list[_Stretch] = []
    for s in sorted(found, key=lambda s: -s.matched_content):
        if all(not _intersects(s.a, c.a) and not _intersects(s.b, c.b) for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.a)


def _intersects(x: Range, y: Range) -> bool:
    return min(x[1], y[1]) > max(x[0], y[0])


def _content(w: Words, positions: list[int], ranges) -> int:
    return sum(1 for lo, hi in ranges for k in positions[lo:hi] if w.is_content[k])


def _joined(w: Words, positions: list[int], ranges) -> str:
    return " ".join(w.norms[k] for lo, hi in ranges for k in positions[lo:hi])


def verify(wa: Words, wb: Words, a: int = 0, b: int = 0,
           same_speaker: bool | None = None) -> Match | None:
    """Whether two quotes are the same statement, and how they differ; None when they are not."""
    ia, ib = wa.positions, wb.positions
    if not ia or not ib:
        return None
    na, nb = len(ia), len(ib)
    if wa.word_norms == wb.word_norms:
        same = wa.norms == wb.norms or wa.comparable == wb.comparable
        return Match(a, b, 100.0, "exact" if same else "minor", (((0, na), (0, nb)),), 2.0 * na)
    shorter = min(na, nb)
    if shorter <= 2:
        return None  # fragments pair only word for word (above)
    whole = _stretch(wa, wb, (0, na), (0, nb))
    if whole is None:
        return None
    # A word changed at the very start or end (both sides have one there) is still inside the
    # aligned part; extra words on one side only are a trim, and stay outside.
    edge_a, edge_b = max(1, 0.1 * na), max(1, 0.1 * nb)
    lo_a, lo_b = whole.a[0], whole.b[0]
    hi_a, hi_b = whole.a[1], whole.b[1]
    if 0 < lo_a <= edge_a and 0 < lo_b <= edge_b:
        lo_a, lo_b = 0, 0
    if 0 < na - hi_a <= edge_a and 0 < nb - hi_b <= edge_b:
        hi_a, hi_b = na, nb
    whole = _Stretch((lo_a, hi_a), (lo_b, hi_b), whole.matched, whole.matched_content)
    by_sentence = len(wa.sentences) > 1 and len(wb.sentences) > 1
    if not by_sentence and _cannot_pass(whole, na, nb):
        return None
    stretches = [whole]
    if by_sentence:
        sentences = _by_sentence(wa, wb)
        if len(sentences) > 1 and sum(s.matched_content for s in sentences) > whole.matched_content:
            stretches = sentences
    m = sum(s.matched for s in stretches)
    m_content = sum(s.matched_content for s in stretches)
    a_ranges, b_ranges = [s.a for s in stretches], [s.b for s in stretches]
    ra = sum(hi - lo for lo, hi in a_ranges)
    rb = sum(hi - lo for lo, hi in b_ranges)
    full = ra >= 0.85 * na and rb >= 0.85 * nb
    if full:
        a_ranges, b_ranges, ra, rb = [(0, na)], [(0, nb)], na, nb
    changed = max(ra - m, rb - m)
    ca, cb = _content(wa, ia, a_ranges), _content(wb, ib, b_ranges)
    content_dice = 2 * m_content / (ca + cb) if ca + cb else 0.0
    cov_short = (ra / na) if na <= nb else (rb / nb)
    sim = fuzz.ratio(_joined(wa, ia, a_ranges), _joined(wb, ib, b_ranges))
    if not full and len(stretches) == 1:
        # Same start, different endings (or the reverse): two statements, not one quoted twice.
        (a_lo, a_hi), (b_lo, b_hi) = whole.a, whole.b
        if (min(a_lo / na, b_lo / nb) >= 0.2 and min(a_lo, b_lo) >= 2) or \
                (min((na - a_hi) / na, (nb - b_hi) / nb) >= 0.2 and min(na - a_hi, nb - b_hi) >= 2):
            return None

    # Only function words differ ("That is" / "That's"), or a few words of a whole quote.
    all_content = full and m_content == ca == cb
    small = changed <= max(1, 0.15 * max(ra, rb)) or \
        (full and changed <= max(3, (0.3 if all_content else 0.25) * max(ra, rb)))
    # A shared phrase ("declined to comment on the") is not a shared statement: a partial pair
    # needs three shared content words or most of the shorter quote.
    if small and m >= 3 and m_content >= (1 if full else 2) and \
            (full or (cov_short >= 0.6 and (m_content >= 3 or cov_short >= 0.8))
             or (m >= 6 and m_content >= 3)):
        kind = "minor" if full else "partial"
    else:
        needed = 0.45 if same_speaker is None else (0.4 if same_speaker else 0.55)
        lexical = m_content >= 3 and content_dice >= needed and cov_short >= 0.6 and sim >= 50
        shaped = same_speaker is not False and full and m >= 0.6 * max(ra, rb) and sim >= 60 \
            and m_content >= 2
        if not (lexical or shaped):
            return None
        kind = "reworded"
    stretched = tuple(zip(a_ranges, b_ranges)) if len(a_ranges) == len(b_ranges) else \
        ((a_ranges[0], b_ranges[0]),)
    return Match(a, b, float(sim), kind, stretched, (m_content + 0.3 * m) * sim / 100)


def _cannot_pass(whole: _Stretch, na: int, nb: int) -> bool:
    """Whether a single stretch fails every test `verify` applies below, whatever the words
    (most candidates do): decided from its counts alone, before diffs and ratios are built."""
    ra, rb = whole.a[1] - whole.a[0], whole.b[1] - whole.b[0]
    if ra >= 0.85 * na and rb >= 0.85 * nb:
        return whole.matched_content < 1  # full: the tests below decide
    cov_short = ra / na if na <= nb else rb / nb
    if whole.matched_content < 2 or (whole.matched_content < 3 and cov_short < 0.8):
        return True
    return cov_short < 0.6 and not (whole.matched >= 6 and whole.matched_content >= 3)


def _candidates(va: ExtractedVersion, vb: ExtractedVersion, same: bool) -> list[tuple[int, int]]:
    if not va.quotes or not vb.quotes:
        return []
    words_a, words_b = va.words[:MAX_ALIGNED_QUOTES], vb.words[:MAX_ALIGNED_QUOTES]
    # Threads only for big matrices: for a story's many 20 x 20 pairs, starting them cost more
    # than the work (measured in passages.py too).
    cells = len(words_a) * len(words_b)
    shared = process.cdist([w.content_code for w in words_a], [w.content_code for w in words_b],
                           scorer=LCSseq.similarity, workers=-1 if cells >= THREADED else 1,
                           dtype=np.int32)
    na = np.array([len(w.content_code) for w in words_a])
    nb = np.array([len(w.content_code) for w in words_b])
    least = np.minimum.outer(na, nb)
    keep = (shared >= 3) | ((shared >= 2) & (3 * shared >= least)) | \
        ((least <= 1) & (shared >= least) & (shared >= 1))
    if same:
        # An echo repeats (nearly) all of the shorter quote: most of its content words.
        keep &= (5 * shared >= 3 * least) & np.triu(np.ones_like(keep, dtype=bool), 1)
    else:
        # Verification needs a stretch covering most of the shorter quote, or six shared
        # words: a few content words that two long quotes of one story share are not enough.
        # (Measured: no accepted pair below this line; most rejected candidates were.)
        keep &= (4 * shared >= least) | (shared >= 6)
        # And half as many as the best counterpart of one of the two quotes: sharing less with
        # both, it is almost never the same statement (the part of a split quote that its best
        # counterpart leaves over is that part's own best). Measured: no pair lost or changed
        # on the test and eval cases, the demo stories and generated stories (6,721 pairs);
        # 930 -> 411 candidates on the bench's two texts.
        kept = np.where(keep, shared, 0)
        keep &= (2 * shared >= kept.max(axis=1, keepdims=True)) | \
            (2 * shared >= kept.max(axis=0, keepdims=True))
    keep = _best_few(shared, keep)
    rows, cols = np.nonzero(keep)
    pairs = set(zip(rows.tolist(), cols.tolist()))
    # Identical quotes with no content word ("Not now."): the nearest few, as above.
    a_by_key: dict[str, list[int]] = {}
    b_by_key: dict[str, list[int]] = {}
    for i, q in enumerate(va.quotes[:MAX_ALIGNED_QUOTES]):
        a_by_key.setdefault(q.key, []).append(i)
    for j, q in enumerate(vb.quotes[:MAX_ALIGNED_QUOTES]):
        b_by_key.setdefault(q.key, []).append(j)
    na, nb = len(words_a), len(words_b)
    for key, in_a in a_by_key.items():
        in_b = b_by_key.get(key)
        if not in_b:
            continue
        if len(in_a) == len(in_b) == 1:  # most keys: a quote kept once
            if not same or in_b[0] > in_a[0]:
                pairs.add((in_a[0], in_b[0]))
            continue
        for i in in_a:
            near = sorted(in_b, key=lambda j: (abs(i * nb - j * na), j))
            pairs.update((i, j) for j in near[:MAX_CANDIDATES] if not same or j > i)
        for j in in_b:
            near = sorted(in_a, key=lambda i: (abs(i * nb - j * na), i))
            pairs.update((i, j) for i in near[:MAX_CANDIDATES] if not same or j > i)
    return sorted(pairs)


# An article has tens of quotes, a long one a few hundred. Past this many, the rest of a
# version's quotes are extracted and shown but not aligned: the candidate matrix grows with
# the product of the two counts, and a text of nothing but quote marks must not stall an upload.
MAX_ALIGNED_QUOTES = 1000
# Verification costs far more than the candidate matrix, so each quote is verified against
# its few best-sharing counterparts only: a quote repeated a thousand times (or an article of
# nothing but quote marks) stays linear, not quadratic. Real pairs share the most words.
MAX_CANDIDATES = 8


def _best_few(score: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Kept cells among the MAX_CANDIDATES highest of their row or of their column."""
    return keep & (_best_in_rows(score, keep) | _best_in_rows(score.T, keep.T).T)


def _best_in_rows(score: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Per row, the MAX_CANDIDATES best kept cells; a row keeping no more than that keeps all
    (most do, so few rows are sorted). Ties go to the counterpart at the nearest relative
    position, then the earlier one: symmetric in A and B."""
    n1, n2 = score.shape
    best = np.ones(keep.shape, dtype=bool)
    crowded = np.flatnonzero(keep.sum(axis=1) > MAX_CANDIDATES)
    if len(crowded):
        distance = np.abs(crowded[:, None] * n2 - np.arange(n2)[None, :] * n1) / (n1 * n2 + 1)
        key = np.where(keep[crowded], distance - score[crowded], np.inf)  # distance < 1: ties
        top = np.argsort(key, axis=1, kind="stable")[:, :MAX_CANDIDATES]
        chosen = np.zeros(key.shape, dtype=bool)
        np.put_along_axis(chosen, top, True, axis=1)
        best[crowded] = chosen
    return best


def _overlap(xs: tuple[Range, ...], ys: tuple[Range, ...]) -> bool:
    inter = sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in xs for y in ys)
    return inter > 0.5 * min(sum(hi - lo for lo, hi in xs), sum(hi - lo for lo, hi in ys))


def _same_speaker(va: ExtractedVersion, a: int, vb: ExtractedVersion, b: int) -> bool | None:
    """Whether quote a of A and quote b of B have the same speaker; None unless both name a
    person."""
    x, y = va.persons[a], vb.persons[b]
    return None if x is None or y is None else x == y


# A story repeats its quotes word for word across versions: what depends only on the two quote
# texts is computed once per pair of texts (bounded memos, cleared when full).
_MEMO_LIMIT = 200_000
_verified: dict[tuple[str, str, bool | None], Match | None] = {}
_described: dict[tuple, tuple[frozenset[str], list]] = {}


def clear_memos() -> None:
    """Forget memoised pair results (benchmarks start each run cold)."""
    _verified.clear()
    _described.clear()


def _verify_once(va: ExtractedVersion, i: int, vb: ExtractedVersion, j: int) -> Match | None:
    same = _same_speaker(va, i, vb, j)
    key = (va.quotes[i].text, vb.quotes[j].text, same)
    if key not in _verified:
        if len(_verified) >= _MEMO_LIMIT:
            _verified.clear()
        _verified[key] = verify(va.words[i], vb.words[j], 0, 0, same)
    found = _verified[key]
    if found is None:
        return None
    return Match(i, j, found.score, found.kind, found.stretches, found.weight)


def _described_once(va: ExtractedVersion, vb: ExtractedVersion, m: Match, tokens):
    """(meaning flags, token edit script) of a match; both depend only on the quote texts."""
    key = (va.quotes[m.a].text, vb.quotes[m.b].text, m.stretches)
    if key not in _described:
        if len(_described) >= _MEMO_LIMIT:
            _described.clear()
        wa, wb = va.words[m.a], vb.words[m.b]
        flags, ops = set(), []
        for ta, tb in tokens:
            if wa.norms[ta[0]:ta[1]] == wb.norms[tb[0]:tb[1]]:  # the same tokens: nothing to say
                ops.append(("equal", ta[0], ta[1], tb[0], tb[1]))
                continue
            flags.update(meaning_flags(wa, ta, wb, tb))
            ops.extend(diff_ops(wa, ta, wb, tb))
        _described[key] = (frozenset(flags), ops)
    return _described[key]


def matches(va: ExtractedVersion, vb: ExtractedVersion) -> list[Match]:
    """Verified, selected matches between the quotes of two versions, best first."""
    found = []
    for i, j in _candidates(va, vb, same=False):
        match = _verify_once(va, i, vb, j)
        if match:
            found.append(match)
    found.sort(key=lambda m: (-m.weight, -m.score, m.a, m.b))
    chosen: list[Match] = []
    by_a: dict[int, list[Match]] = {}
    by_b: dict[int, list[Match]] = {}
    echo_a, echo_b = va.echoes, vb.echoes
    for m in found:
        clash = any(c.b not in echo_b.get(m.b, ()) and _overlap(c.a_ranges, m.a_ranges)
                    for c in by_a.get(m.a, ())) or \
            any(c.a not in echo_a.get(m.a, ()) and _overlap(c.b_ranges, m.b_ranges)
                for c in by_b.get(m.b, ()))
        if not clash:
            chosen.append(m)
            by_a.setdefault(m.a, []).append(m)
            by_b.setdefault(m.b, []).append(m)
    return chosen


def echoes(version: ExtractedVersion) -> dict[int, frozenset[int]]:
    """Quotes of one version that repeat each other word for word, whole or in part."""
    links: dict[int, set[int]] = {}
    for i, j in _candidates(version, version, same=True):
        m = verify(version.words[i], version.words[j], i, j)
        shorter = min(version.words[i].word_count, version.words[j].word_count)
        covered = min(sum(hi - lo for lo, hi in m.a_ranges), sum(hi - lo for lo, hi in m.b_ranges)) \
            if m else 0
        if m and m.kind in ("exact", "partial") and m.score >= 90 and covered >= 0.9 * shorter:
            links.setdefault(i, set()).add(j)
            links.setdefault(j, set()).add(i)
    return {k: frozenset(v) for k, v in links.items()}


@dataclass(frozen=True)
class Pair:
    """Quote `a` of version A and quote `b` of version B are the same statement.

    `spans_a`/`spans_b`: absolute offsets of the aligned parts; `diff`: word-level segments of
    those parts; `flags`: meaning changes (see `meaning.FLAGS`); `key`: the two quotes' keys,
    stable across recomputation so an editor's decision can be carried over."""

    a: int
    b: int
    score: float
    kind: str
    spans_a: tuple[tuple[int, int], ...]
    spans_b: tuple[tuple[int, int], ...]
    flags: tuple[str, ...]
    diff: tuple[Segment, ...]
    key: str


def _tokens(w: Words, words: Range) -> Range:
    """Token range of a word range; a stretch reaching a quote's edge keeps its punctuation."""
    positions = w.positions
    lo = 0 if words[0] == 0 else positions[words[0]]
    hi = len(w.norms) if words[1] == len(positions) else positions[words[1] - 1] + 1
    return lo, hi


def align_versions(va: ExtractedVersion, vb: ExtractedVersion) -> list[Pair]:
    """Every pair of quotes of A and B that are the same statement, ordered by A then B.

    >>> from newsdiff.engine.version import analyse_version
    >>> va = analyse_version('“We will hold Iran accountable,” Kirby said.')
    >>> vb = analyse_version('“We will hold Iran fully accountable,” said John Kirby.')
    >>> [(p.a, p.b, p.kind) for p in align_versions(va, vb)]
    [(0, 0, 'minor')]
    """
    return sorted((_pair(va, vb, m) for m in matches(va, vb)), key=lambda p: (p.a, p.b))


def pair_quotes(va: ExtractedVersion, a: int, vb: ExtractedVersion, b: int) -> Pair:
    """Quote `a` of A and quote `b` of B described as a pair even when the engine would not
    pair them: an editor linked them by hand. Kind, score, flags and diff as for any pair;
    two quotes the engine finds unrelated count as `reworded`, aligned whole.

    >>> from newsdiff.engine.version import analyse_version
    >>> va = analyse_version('“We will hold Iran accountable,” Kirby said.')
    >>> vb = analyse_version('“The talks are over,” Kirby said.')
    >>> p = pair_quotes(va, 0, vb, 0)
    >>> p.kind, p.score < 50
    ('reworded', True)
    """
    match = _verify_once(va, a, vb, b)
    if match is None:
        wa, wb = va.words[a], vb.words[b]
        na, nb = max(1, wa.word_count), max(1, wb.word_count)
        ia, ib = wa.positions, wb.positions
        sim = fuzz.ratio(_joined(wa, ia, [(0, len(ia))]), _joined(wb, ib, [(0, len(ib))]))
        match = Match(a, b, float(sim), "reworded", (((0, na), (0, nb)),), 0.0)
    return _pair(va, vb, match)


def _pair(va: ExtractedVersion, vb: ExtractedVersion, m: Match) -> Pair:
    qa, qb, wa, wb = va.quotes[m.a], vb.quotes[m.b], va.words[m.a], vb.words[m.b]
    tokens = [(_tokens(wa, x), _tokens(wb, y)) for x, y in m.stretches]
    meaning, ops = _described_once(va, vb, m, tokens)
    flags = set(meaning)
    diff = segments(va.text, wa, vb.text, wb, ops)
    if _same_speaker(va, m.a, vb, m.b) is False:
        flags.add("speaker_changed")
    if _quoting_moved(va, m.a, m.a_ranges, vb, m.b) or _quoting_moved(vb, m.b, m.b_ranges, va, m.a):
        flags.add("quoting_changed")
    return Pair(
        m.a, m.b, round(m.score, 1), m.kind,
        tuple((wa.starts[ta[0]], wa.ends[ta[1] - 1]) for ta, _ in tokens),
        tuple((wb.starts[tb[0]], wb.ends[tb[1] - 1]) for _, tb in tokens),
        tuple(f for f in FLAGS if f in flags), tuple(diff), f"{qa.key}:{qb.key}",
    )


def _quoting_moved(vx: ExtractedVersion, x: int, ranges: tuple[Range, ...],
                   vy: ExtractedVersion, y: int) -> bool:
    """Quote x reaches beyond its aligned part, and those words stand unquoted beside quote y."""
    wx = vx.words[x]
    words = (min(lo for lo, _ in ranges), max(hi for _, hi in ranges))
    if words == (0, wx.word_count):
        return False
    return adjacent_words_quoted(wx, words[0], words[1], vy, y)
