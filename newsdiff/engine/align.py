"""Pairing the quotes of two versions: which quotes are the same statement, how well the parts
match, and where.

1. Candidates: every quote of A against every quote of B in one `process.cdist` call, scoring
   the longest common subsequence of content-word stems (each stem encoded as one character),
   so a short quote inside a long one, or a sentence shared by two quotes, still scores.
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

from newsdiff.engine.diff import Segment, word_diff
from newsdiff.engine.meaning import FLAGS, meaning_flags
from newsdiff.engine.normalise import comparable
from newsdiff.engine.paraphrase import adjacent_words_quoted
from newsdiff.engine.version import ExtractedVersion
from newsdiff.engine.words import Words

KINDS = ("exact", "minor", "partial", "reworded")


@dataclass(frozen=True)
class Match:
    """A verified candidate: word-index ranges [lo, hi) of the aligned stretch on each side."""

    a: int
    b: int
    score: float
    kind: str
    a_words: tuple[int, int]
    b_words: tuple[int, int]
    weight: float


def _word_positions(w: Words) -> list[int]:
    return [k for k, is_word in enumerate(w.is_word) if is_word]


def _best_stretch(wa: Words, wb: Words, ia: list[int], ib: list[int]):
    """Columns of the word alignment and the best-scoring contiguous stretch of them."""
    sa = [wa.stems[k] for k in ia]
    sb = [wb.stems[k] for k in ib]
    columns: list[tuple[int | None, int | None]] = []
    for op in Indel.opcodes(sa, sb):
        if op.tag == "equal":
            columns.extend(zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end)))
        else:
            columns.extend((x, None) for x in range(op.src_start, op.src_end))
            columns.extend((None, y) for y in range(op.dest_start, op.dest_end))
    best = (0.0, 0, -1)
    total, start = 0.0, 0
    for c, (x, y) in enumerate(columns):
        if x is not None and y is not None:
            gain = 1.0 if wa.is_content[ia[x]] else 0.35
        else:
            content = wa.is_content[ia[x]] if x is not None else wb.is_content[ib[y]]
            gain = -0.25 if content else -0.1
        if total <= 0:
            total, start = 0.0, c
        total += gain
        if total > best[0]:
            best = (total, start, c)
    return columns, best


def verify(wa: Words, wb: Words, a: int = 0, b: int = 0, same_speaker: bool | None = None,
           text_a: str = "", text_b: str = "") -> Match | None:
    """Whether two quotes are the same statement, and how they differ; None when they are not."""
    ia, ib = _word_positions(wa), _word_positions(wb)
    if not ia or not ib:
        return None
    na, nb = len(ia), len(ib)
    if [wa.norms[k] for k in ia] == [wb.norms[k] for k in ib]:
        return Match(a, b, 100.0, "exact", (0, na), (0, nb), 2.0 * na)
    columns, (gain, lo, hi) = _best_stretch(wa, wb, ia, ib)
    if hi < lo:
        return None
    stretch = columns[lo:hi + 1]
    xs = [x for x, _ in stretch if x is not None]
    ys = [y for _, y in stretch if y is not None]
    a_lo, a_hi, b_lo, b_hi = min(xs), max(xs) + 1, min(ys), max(ys) + 1
    matched = [(x, y) for x, y in stretch if x is not None and y is not None]
    m = len(matched)
    m_content = sum(1 for x, _ in matched if wa.is_content[ia[x]])
    ra, rb = a_hi - a_lo, b_hi - b_lo
    changed = max(ra - m, rb - m)
    ca = sum(1 for x in range(a_lo, a_hi) if wa.is_content[ia[x]])
    cb = sum(1 for y in range(b_lo, b_hi) if wb.is_content[ib[y]])
    content_dice = 2 * m_content / (ca + cb) if ca + cb else 0.0
    shorter = min(na, nb)
    short_content = min(sum(wa.is_content), sum(wb.is_content))
    cov_a, cov_b = ra / na, rb / nb
    cov_short = (ra if na <= nb else rb) / shorter
    full = cov_a >= 0.85 and cov_b >= 0.85
    sim = fuzz.ratio(" ".join(wa.norms[k] for k in ia[a_lo:a_hi]),
                     " ".join(wb.norms[k] for k in ib[b_lo:b_hi]))

    if shorter <= 2:  # a fragment pairs only when its words appear unchanged in the other
        if changed == 0 and cov_short == 1.0 and m == shorter:
            kind = "partial"
        else:
            return None
    elif (changed <= max(1, 0.15 * max(ra, rb)) or (full and changed <= max(2, 0.2 * max(ra, rb)))) \
            and m >= 3 and m_content >= min(2, short_content) \
            and (cov_short >= 0.6 or (m >= 6 and m_content >= 3)):
        kind = "minor" if full else "partial"
    else:
        needed = 0.45 if same_speaker is None else (0.4 if same_speaker else 0.55)
        if not (m_content >= 3 and content_dice >= needed and cov_short >= 0.6 and sim >= 50):
            return None
        kind = "reworded"
    if kind == "minor" and comparable(" ".join(wa.norms[k] for k in ia)) == comparable(
            " ".join(wb.norms[k] for k in ib)):
        kind = "exact"
    return Match(a, b, float(sim), kind, (a_lo, a_hi), (b_lo, b_hi), (m_content + 0.3 * m) * sim / 100)


def _candidates(va: ExtractedVersion, vb: ExtractedVersion, same: bool) -> list[tuple[int, int]]:
    if not va.quotes or not vb.quotes:
        return []
    shared = process.cdist([w.content_code for w in va.words], [w.content_code for w in vb.words],
                           scorer=LCSseq.similarity, workers=-1, dtype=np.int32)
    na = np.array([len(w.content_code) for w in va.words])
    nb = np.array([len(w.content_code) for w in vb.words])
    least = np.minimum.outer(na, nb)
    keep = (shared >= 3) | ((shared >= 2) & (3 * shared >= least)) | \
        ((least <= 1) & (shared >= least) & (shared >= 1))
    if same:
        keep &= np.triu(np.ones_like(keep, dtype=bool), 1)
    rows, cols = np.nonzero(keep)
    pairs = set(zip(rows.tolist(), cols.tolist()))
    by_key: dict[str, list[int]] = {}
    for j, q in enumerate(vb.quotes):
        by_key.setdefault(q.key, []).append(j)
    for i, q in enumerate(va.quotes):  # identical quotes with no content word ("Not now.")
        pairs.update((i, j) for j in by_key.get(q.key, ()) if not same or j > i)
    return sorted(pairs)


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> bool:
    inter = min(x[1], y[1]) - max(x[0], y[0])
    return inter > 0.5 * min(x[1] - x[0], y[1] - y[0])


def _same_speaker(qa, qb) -> bool | None:
    if qa.speaker_key and qb.speaker_key:
        return qa.speaker_key == qb.speaker_key
    return None


def matches(va: ExtractedVersion, vb: ExtractedVersion) -> list[Match]:
    """Verified, selected matches between the quotes of two versions, best first."""
    found = []
    for i, j in _candidates(va, vb, same=False):
        match = verify(va.words[i], vb.words[j], i, j, _same_speaker(va.quotes[i], vb.quotes[j]))
        if match:
            found.append(match)
    found.sort(key=lambda m: (-m.weight, -m.score, m.a, m.b))
    chosen: list[Match] = []
    echo_a, echo_b = va.echoes, vb.echoes
    for m in found:
        clash = any(
            (c.a == m.a and c.b not in echo_b.get(m.b, ()) and _overlap(c.a_words, m.a_words)) or
            (c.b == m.b and c.a not in echo_a.get(m.a, ()) and _overlap(c.b_words, m.b_words))
            for c in chosen
        )
        if not clash:
            chosen.append(m)
    return chosen


def echoes(version: ExtractedVersion) -> dict[int, frozenset[int]]:
    """Quotes of one version that repeat each other word for word, whole or in part."""
    links: dict[int, set[int]] = {}
    for i, j in _candidates(version, version, same=True):
        m = verify(version.words[i], version.words[j], i, j)
        if m and m.kind in ("exact", "partial") and m.score >= 90:
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


def _tokens(w: Words, words: tuple[int, int]) -> tuple[int, int]:
    """Token range of a word range; a stretch reaching a quote's edge keeps its punctuation."""
    positions = _word_positions(w)
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
    pairs = []
    for m in matches(va, vb):
        qa, qb, wa, wb = va.quotes[m.a], vb.quotes[m.b], va.words[m.a], vb.words[m.b]
        ta, tb = _tokens(wa, m.a_words), _tokens(wb, m.b_words)
        flags = meaning_flags(va.text, wa, ta, vb.text, wb, tb)
        if _same_speaker(qa, qb) is False:
            flags.append("speaker_changed")
        if _quoting_moved(va, m.a, m.a_words, vb, m.b) or _quoting_moved(vb, m.b, m.b_words, va, m.a):
            flags.append("quoting_changed")
        pairs.append(Pair(
            m.a, m.b, round(m.score, 1), m.kind,
            ((wa.starts[ta[0]], wa.ends[ta[1] - 1]),), ((wb.starts[tb[0]], wb.ends[tb[1] - 1]),),
            tuple(f for f in FLAGS if f in flags),
            tuple(word_diff(va.text, wa, ta, vb.text, wb, tb)),
            f"{qa.key}:{qb.key}",
        ))
    return sorted(pairs, key=lambda p: (p.a, p.b))


def _quoting_moved(vx: ExtractedVersion, x: int, words: tuple[int, int],
                   vy: ExtractedVersion, y: int) -> bool:
    """Quote x reaches beyond its aligned part, and those words stand unquoted beside quote y."""
    wx = vx.words[x]
    if words == (0, wx.word_count):
        return False
    qy = vy.quotes[y]
    return adjacent_words_quoted(wx, words[0], words[1], qy.open_at, qy.close_end, vy.outside_words)
