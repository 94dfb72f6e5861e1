"""(a) Two long versions: pair the quotes of A with the quotes of B, four ways, on the same
quote lists (the engine's extraction of the same two generated texts).

- newsdiff: `align_versions(va, vb)` on the two analysed versions — candidates, verification,
  selection, word diffs and meaning flags; memos cleared before each run.
- kernel: `rapidfuzz.process.cdist(qa, qb, workers=-1)` (default scorer) and the best column
  of each row at >= 60: the floor any rapidfuzz-based pairing pays.
- difflib: for each quote of A (as a list of words), `SequenceMatcher` against every quote of B with the
  `get_close_matches` filters (real_quick_ratio, quick_ratio, then ratio, cutoff raised to the
  best so far, floor 0.6), then word opcodes of the chosen pair.
- diff-match-patch, the way NewsDiffs-style tools use it: one `diff_main` of A's quotes
  against B's quotes in its word mode (each distinct word one character, as its documentation
  does for lines), then each quote of A paired with the quote of B it shares most equal words
  with (Dice >= 0.6), and `diff_cleanupSemantic`. Diffing pair by pair instead took ~19 s
  for 200 x 200 quotes here; one diff is its best case, but it keeps the texts' order, so a
  moved quote is missed.

Precision and recall are against the generator's truth (same statement origin); the three
peers keep one best counterpart per quote of A, so a quote split in two is half found.
"""

from collections import Counter
from difflib import SequenceMatcher

from diff_match_patch import diff_match_patch
from rapidfuzz import process

from benchmarks.corpus import origin_key, two_versions
from benchmarks.table import Row, median_ms, peak_mib
from newsdiff.engine import align_versions, analyse_version, compare_texts, unify_speakers
from newsdiff.engine.align import clear_memos

CUTOFF = 0.6


def kernel(qa: list[str], qb: list[str]) -> list[tuple[int, int]]:
    scores = process.cdist(qa, qb, workers=-1)
    best = scores.argmax(axis=1)
    return [(i, int(j)) for i, j in enumerate(best) if scores[i, j] >= CUTOFF * 100]


def with_difflib(qa: list[str], qb: list[str]) -> list[tuple[int, int]]:
    found, matcher = [], SequenceMatcher(autojunk=False)
    wa, wb = [q.split() for q in qa], [q.split() for q in qb]
    for i, a in enumerate(wa):
        matcher.set_seq2(a)  # seq2 is the side SequenceMatcher indexes: once per quote of A
        best, chosen = CUTOFF, None
        for j, b in enumerate(wb):
            matcher.set_seq1(b)
            if matcher.real_quick_ratio() >= best and matcher.quick_ratio() >= best:
                ratio = matcher.ratio()
                if ratio >= best:
                    best, chosen = ratio, j
        if chosen is not None:
            matcher.set_seq1(wb[chosen])
            matcher.get_opcodes()
            found.append((i, chosen))
    return found


def _word_codes(quotes: list[str], codes: dict[str, str]) -> list[str]:
    """diff-match-patch's word mode: each distinct word becomes one character."""
    return ["".join(codes.setdefault(w, chr(0x100 + len(codes))) for w in q.split())
            for q in quotes]


def with_dmp(qa: list[str], qb: list[str]) -> list[tuple[int, int]]:
    dmp, codes = diff_match_patch(), {}
    dmp.Diff_Timeout = 0  # its default gives up after 1 s and returns a coarse diff
    ca, cb = _word_codes(qa, codes), _word_codes(qb, codes)
    owner_a = [i for i, c in enumerate(ca) for _ in c]
    owner_b = [j for j, c in enumerate(cb) for _ in c]
    diffs = dmp.diff_main("".join(ca), "".join(cb), False)
    shared: Counter[tuple[int, int]] = Counter()
    x = y = 0
    for op, chunk in diffs:
        if op == dmp.DIFF_EQUAL:
            shared.update(zip(owner_a[x:x + len(chunk)], owner_b[y:y + len(chunk)]))
        x += len(chunk) if op != dmp.DIFF_INSERT else 0
        y += len(chunk) if op != dmp.DIFF_DELETE else 0
    best: dict[int, tuple[float, int]] = {}
    for (i, j), n in shared.items():
        dice = 2 * n / (len(ca[i]) + len(cb[j]))
        if dice >= CUTOFF and dice > best.get(i, (0.0, -1))[0]:
            best[i] = (dice, j)
    dmp.diff_cleanupSemantic(diffs)
    return [(i, j) for i, (_, j) in sorted(best.items())]


def _truth(va, vb, generated) -> set[tuple[int, int]]:
    origin = {origin_key(q.text): q.origin for q in generated.quotes_a + generated.quotes_b}
    oa = [origin.get(origin_key(q.text)) for q in va.quotes]
    ob = [origin.get(origin_key(q.text)) for q in vb.quotes]
    return {(i, j) for i, x in enumerate(oa) for j, y in enumerate(ob) if x is not None and x == y}


def _quality(found: list[tuple[int, int]], truth: set[tuple[int, int]]) -> str:
    hits = len(set(found) & truth)
    precision = hits / len(found) if found else 0.0
    return f"{len(found)} pairs, precision {precision:.2f}, recall {hits / len(truth):.2f}"


def rows(quick: bool) -> list[Row]:
    generated = two_versions(quotes=40 if quick else 200)
    text_a, text_b = generated.text_a, generated.text_b
    compare_texts(text_a, text_b)  # warm caches (stems) and thread pools, as a server would be
    va, vb = unify_speakers([analyse_version(text_a), analyse_version(text_b)])
    qa, qb = [q.text for q in va.quotes], [q.text for q in vb.quotes]
    truth = _truth(va, vb, generated)
    quotes = len(qa) + len(qb)  # quotes/s: both versions' quotes per second
    runs, slow_runs = (1, 1) if quick else (9, 3)
    words = (len(text_a.split()) + len(text_b.split())) // 2
    section = f"a. two versions, ~{words:,} words, {len(qa)} x {len(qb)} quotes"

    def engine() -> list[tuple[int, int]]:
        return [(p.a, p.b) for p in align_versions(va, vb)]

    contenders = [
        ("raw kernel (reference)", "cdist(qa, qb) + best per row", kernel, runs),
        ("newsdiff engine", "align_versions(va, vb): pairs + diffs + flags", engine, runs),
        ("difflib pipeline", "SequenceMatcher on words, all pairs + opcodes", with_difflib, slow_runs),
        ("diff-match-patch pipeline", "one word-mode diff_main + pairing by shared words", with_dmp, slow_runs),
    ]
    result, reference = [], None
    for name, timed, fn, n in contenders:
        call = engine if fn is engine else (lambda fn=fn: fn(qa, qb))
        ms = median_ms(call, n, before=clear_memos)
        reference = reference or ms
        clear_memos()
        result.append(Row(section if not result else "", name, timed, ms, ratio=ms / reference,
                          peak_mib=peak_mib(call), note=_quality(call(), truth),
                          quotes_per_s=quotes / ms * 1000))
    full = median_ms(lambda: compare_texts(text_a, text_b), runs, before=clear_memos)
    result.append(Row("", "newsdiff end to end (context)",
                      "compare_texts: extract + attribute + align", full, ratio=full / reference,
                      note="extraction is paid once per version, not per pair",
                      quotes_per_s=quotes / full * 1000))
    return result
