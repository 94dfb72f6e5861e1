"""The quote engine against rapidfuzz's raw kernel on the same quote strings.

1. `compare_texts` on two generated 10,000-word texts with 200 quotes each (B rewrites A:
   most quotes kept, some edited, trimmed or reworded, some dropped, some new).
2. All-pairs alignment of a generated 50-version story, 20 quotes a version (1,225 pairs),
   each version analysed once.
The kernel is `rapidfuzz.process.cdist(quotes_a, quotes_b, workers=-1)` with its default scorer,
timed in the same run on the same quote texts. Times are medians over several runs.
"""

import random
import statistics
import time
import tracemalloc
from itertools import combinations

from rapidfuzz import process

from newsdiff.engine import align_versions, analyse_version, compare_texts
from newsdiff.engine.align import clear_memos

RUNS = 7
_FIRST = ["Anna", "Ben", "Chidi", "Dana", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jun"]
_LAST = ["Okafor", "Lindqvist", "Marr", "Boland", "Varga", "Tull", "Reid", "Castellan", "Aas", "Rao"]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    letters = "abcdefghijklmnoprstuvwy"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(size)]


def _quote(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(8, 30)))


def _edit(rng: random.Random, quote: str, words: list[str]) -> str:
    """A's quote as B prints it: kept, edited, trimmed or rewritten."""
    tokens = quote.split()
    roll = rng.random()
    if roll < 0.5:
        return quote
    if roll < 0.7:
        k = rng.randrange(len(tokens))
        tokens[k] = rng.choice(words)
    elif roll < 0.85:
        tokens = tokens[: max(4, len(tokens) // 2)]
    else:
        tokens = [t if rng.random() < 0.6 else rng.choice(words) for t in tokens]
    return " ".join(tokens)


def _article(rng: random.Random, quotes: list[str], words: list[str], total_words: int) -> str:
    filler = max(5, (total_words - sum(len(q.split()) for q in quotes)) // max(1, len(quotes)))
    paragraphs = []
    for quote in quotes:
        speaker = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        narration = " ".join(rng.choice(words) for _ in range(max(1, filler - 3)))
        paragraphs.append(f"“{quote.capitalize()},” {speaker} said. {narration.capitalize()}.")
    return "\n\n".join(paragraphs)


def _pair_of_texts(seed: int = 1) -> tuple[str, str]:
    rng = random.Random(seed)
    words = _vocabulary(rng)
    quotes_a = [_quote(rng, words) for _ in range(200)]
    kept = [_edit(rng, q, words) for q in quotes_a[:170]]
    quotes_b = kept + [_quote(rng, words) for _ in range(30)]
    rng.shuffle(quotes_b)
    return (_article(rng, quotes_a, words, 10_000), _article(rng, quotes_b, words, 10_000))


def _story(seed: int = 2, versions: int = 50, per_version: int = 20) -> list[str]:
    rng = random.Random(seed)
    words = _vocabulary(rng)
    pool = [_quote(rng, words) for _ in range(60)]
    texts = []
    for _ in range(versions):
        chosen = [_edit(rng, q, words) for q in rng.sample(pool, per_version)]
        texts.append(_article(rng, chosen, words, 1_500))
    return texts


def _median(fn, runs: int = RUNS) -> float:
    """Median wall time; each run starts with the engine's pair memos empty."""
    times = []
    for _ in range(runs):
        clear_memos()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_mib(fn) -> float:
    clear_memos()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _row(name: str, seconds: float, quotes: int, kernel: float, peak: float) -> str:
    return (f"| {name:<44} | {seconds * 1000:9.1f} | {quotes / seconds:10,.0f} | "
            f"{kernel * 1000:9.1f} | {seconds / kernel:5.2f}x | {peak:8.1f} |")


def run() -> str:
    text_a, text_b = _pair_of_texts()
    compare_texts(text_a, text_b)  # warm caches (stems) and thread pools, as a server would be
    va, vb = analyse_version(text_a), analyse_version(text_b)
    qa, qb = [q.text for q in va.quotes], [q.text for q in vb.quotes]
    n_quotes = len(qa) + len(qb)
    kernel = _median(lambda: process.cdist(qa, qb, workers=-1))
    full = _median(lambda: compare_texts(text_a, text_b))
    extract = _median(lambda: (analyse_version(text_a), analyse_version(text_b)))
    align = _median(lambda: align_versions(va, vb))
    pairs = len(align_versions(va, vb))

    story = _story()
    analysed = [analyse_version(t) for t in story]
    story_pairs = list(combinations(analysed, 2))
    story_quotes = sum(len(v.quotes) for v in analysed)
    story_strings = [[q.text for q in v.quotes] for v in analysed]
    string_pairs = list(combinations(story_strings, 2))
    runs = max(3, RUNS // 2)
    s_kernel = _median(lambda: [process.cdist(x, y, workers=-1) for x, y in string_pairs], runs)
    s_align = _median(lambda: [align_versions(x, y) for x, y in story_pairs], runs)
    s_extract = _median(lambda: [analyse_version(t) for t in story], runs)

    header = (f"| {'measure':<44} | {'ms':>9} | {'quotes/s':>10} | {'kernel ms':>9} | "
              f"{'ratio':>6} | {'peak MiB':>8} |")
    rule = "|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|"
    lines = [
        "Quote engine (medians; kernel = rapidfuzz.process.cdist(quotes_a, quotes_b, workers=-1),",
        "default scorer, same quote strings, same run)",
        "",
        f"Two 10,000-word texts: {len(qa)} + {len(qb)} quotes, {pairs} pairs found",
        header, rule,
        _row("compare_texts (extract+align+diff)", full, n_quotes, kernel,
             _peak_mib(lambda: compare_texts(text_a, text_b))),
        _row("  analyse_version x2 (extract, attribute)", extract, n_quotes, kernel,
             _peak_mib(lambda: (analyse_version(text_a), analyse_version(text_b)))),
        _row("  align_versions (candidates, pairs, diffs)", align, n_quotes, kernel,
             _peak_mib(lambda: align_versions(va, vb))),
        "",
        f"Story: {len(story)} versions, {story_quotes} quotes, {len(story_pairs)} version pairs",
        header, rule,
        _row("analyse 50 versions (once each)", s_extract, story_quotes, s_kernel,
             _peak_mib(lambda: [analyse_version(t) for t in story])),
        _row("align all 1,225 pairs", s_align, 2 * 20 * len(story_pairs), s_kernel,
             _peak_mib(lambda: [align_versions(x, y) for x, y in story_pairs])),
        "",
        "quotes/s counts each quote once per side it is processed on; ratio = engine / kernel.",
    ]
    return "\n".join(lines)
