"""Issue 7's engine parts: passage alignment of two generated 10,000-word texts against
rapidfuzz's raw kernel, provenance over a generated story, statements over a 50-version story.

B rewrites A the way a reprint does: most sentences kept, some with a word changed, some
dropped, split or merged, new sentences added, a few paragraphs moved, boilerplate at the top
and bottom. The kernel is `rapidfuzz.process.cdist(sentences_a, sentences_b, workers=-1)`
(default scorer) on the same sentence strings, timed in the same run. Medians over runs.
"""

import random
import statistics
import time
import tracemalloc
from itertools import combinations

from rapidfuzz import process

from newsdiff.engine import align_versions, analyse_version
from newsdiff.engine.passages import align_passages
from newsdiff.engine.provenance import Source, trace_provenance
from newsdiff.engine.sentences import split_sentences
from newsdiff.engine.statements import cluster_statements

RUNS = 7


def _sentence(rng: random.Random, words: list[str]) -> list[str]:
    return [rng.choice(words) for _ in range(rng.randint(8, 30))]


def _render(paragraphs: list[list[list[str]]]) -> str:
    return "\n\n".join(" ".join(" ".join(s).capitalize() + "." for s in p) for p in paragraphs)


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnoprstuvwy"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(3000)]


def _original(rng: random.Random, words: list[str], total_words: int) -> list[list[list[str]]]:
    paragraphs, count = [], 0
    while count < total_words:
        paragraph = [_sentence(rng, words) for _ in range(rng.randint(1, 5))]
        count += sum(len(s) for s in paragraph)
        paragraphs.append(paragraph)
    return paragraphs


def _rewrite(rng: random.Random, paragraphs, words: list[str]) -> list[list[list[str]]]:
    """A reprint: sentences kept, edited, dropped, split, merged or added; paragraphs moved."""
    result = []
    for paragraph in paragraphs:
        rewritten = []
        for sentence in paragraph:
            roll = rng.random()
            if roll < 0.08:
                continue  # dropped
            if roll < 0.23:
                sentence = list(sentence)
                sentence[rng.randrange(len(sentence))] = rng.choice(words)
            elif roll < 0.27 and len(sentence) > 12:
                cut = len(sentence) // 2
                rewritten.append(sentence[:cut])
                sentence = sentence[cut:]
            elif roll < 0.31 and rewritten:
                sentence = rewritten.pop() + ["and"] + sentence
            elif roll < 0.39:
                rewritten.append(_sentence(rng, words))  # added before it
            rewritten.append(sentence)
        if rewritten:
            result.append(rewritten)
    for _ in range(max(1, len(result) // 20)):  # a few paragraphs moved
        result.insert(rng.randrange(len(result)), result.pop(rng.randrange(len(result))))
    return result


def texts(seed: int = 3, total_words: int = 10_000) -> tuple[str, str]:
    """Two versions: A, and B rewriting it with boilerplate at the top and bottom."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    original = _original(rng, words, total_words)
    top = [[_sentence(rng, words)] for _ in range(2)]
    bottom = [[_sentence(rng, words) for _ in range(3)]]
    return _render(original), _render(top + _rewrite(rng, original, words) + bottom)


def story(seed: int = 4, versions: int = 20, total_words: int = 1_500):
    """An original and rewrites of earlier versions: (texts, true parent of each)."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    drafts, parents = [_original(rng, words, total_words)], [None]
    for n in range(1, versions):
        parent = rng.randrange(n)
        drafts.append(_rewrite(rng, drafts[parent], words))
        parents.append(parent)
    return [_render(d) for d in drafts], parents


def _median(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_mib(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def run() -> str:
    a, b = texts()
    result = align_passages(a, b)  # warm caches (stems) and thread pools, as a server would be
    strings_a = [a[s.start:s.end] for s in result.sentences_a]
    strings_b = [b[s.start:s.end] for s in result.sentences_b]
    kernel = _median(lambda: process.cdist(strings_a, strings_b, workers=-1))
    split = _median(lambda: (split_sentences(a), split_sentences(b)))
    full = _median(lambda: align_passages(a, b))
    counts: dict[str, int] = {}
    for p in result.passages:
        counts[p.kind] = counts.get(p.kind, 0) + 1
    words = len(a.split()), len(b.split())

    def row(name: str, seconds: float, peak: float) -> str:
        return (f"| {name:<38} | {seconds * 1000:8.1f} | {kernel * 1000:9.1f} | "
                f"{seconds / kernel:6.1f}x | {peak:8.1f} |")

    header = f"| {'measure':<38} | {'ms':>8} | {'kernel ms':>9} | {'ratio':>7} | {'peak MiB':>8} |"
    rule = "|" + "|".join("-" * len(c) for c in header.split("|")[1:-1]) + "|"
    return "\n".join([
        "Passage alignment (medians; kernel = rapidfuzz.process.cdist(sentences_a, sentences_b,",
        "workers=-1), default scorer, same sentence strings, same run)",
        "",
        f"Texts of {words[0]:,} and {words[1]:,} words: {len(strings_a)} + {len(strings_b)} "
        f"sentences; passages: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())),
        header, rule,
        row("align_passages (split+match+diffs)", full, _peak_mib(lambda: align_passages(a, b))),
        row("  split_sentences x2", split, _peak_mib(lambda: (split_sentences(a),
                                                                split_sentences(b)))),
        "",
        *_provenance(),
        *_statements(),
    ])


def _statements() -> list[str]:
    from benchmarks.corpus import story as generated_story  # the scale bench's story

    versions = [analyse_version(t) for t in generated_story(versions=50)]
    quotes = {n: v.quotes for n, v in enumerate(versions)}
    pairs = {(x, y): align_versions(versions[x], versions[y])
             for x, y in combinations(range(len(versions)), 2)}
    rows = cluster_statements(quotes, pairs)
    seconds = _median(lambda: cluster_statements(quotes, pairs), runs=3)
    n_pairs = sum(len(found) for found in pairs.values())
    return [
        f"Statements: {len(versions)} versions, {sum(len(q) for q in quotes.values())} quotes, "
        f"{n_pairs:,} pairs -> {len(rows)} rows in {seconds * 1000:.0f} ms",
    ]


def _provenance() -> list[str]:
    drafts, parents = story()
    sources = [Source(n, text) for n, text in enumerate(drafts)]
    found = trace_provenance(sources, {})
    right = sum(found[n].parent == parents[n] for n in range(len(drafts)))
    seconds = _median(lambda: trace_provenance(sources, {}), runs=3)
    words = sum(len(t.split()) for t in drafts) // len(drafts)
    return [
        f"Provenance: {len(drafts)} versions of ~{words:,} words, each a rewrite of a random "
        f"earlier one: {right}/{len(drafts)} parents right, {seconds * 1000:.0f} ms "
        f"(peak {_peak_mib(lambda: trace_provenance(sources, {})):.1f} MiB)",
    ]
