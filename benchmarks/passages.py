"""Passage alignment of two generated 10,000-word texts against rapidfuzz's raw kernel.

B rewrites A the way a reprint does: most sentences kept, some with a word changed, some
dropped, split or merged, new sentences added, a few paragraphs moved, boilerplate at the top
and bottom. The kernel is `rapidfuzz.process.cdist(sentences_a, sentences_b, workers=-1)`
(default scorer) on the same sentence strings, timed in the same run. Medians over runs.
"""

import random
import statistics
import time
import tracemalloc

from rapidfuzz import process

from newsdiff.engine.passages import align_passages
from newsdiff.engine.sentences import split_sentences

RUNS = 7


def _sentence(rng: random.Random, words: list[str]) -> list[str]:
    return [rng.choice(words) for _ in range(rng.randint(8, 30))]


def _render(paragraphs: list[list[list[str]]]) -> str:
    return "\n\n".join(" ".join(" ".join(s).capitalize() + "." for s in p) for p in paragraphs)


def texts(seed: int = 3, total_words: int = 10_000) -> tuple[str, str]:
    """Two versions: A, and B rewriting it."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnoprstuvwy"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(3000)]
    paragraphs_a, count = [], 0
    while count < total_words:
        paragraph = [_sentence(rng, words) for _ in range(rng.randint(1, 5))]
        count += sum(len(s) for s in paragraph)
        paragraphs_a.append(paragraph)
    paragraphs_b = []
    for paragraph in paragraphs_a:
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
            paragraphs_b.append(rewritten)
    for _ in range(5):  # a few paragraphs moved
        paragraphs_b.insert(rng.randrange(len(paragraphs_b)),
                            paragraphs_b.pop(rng.randrange(len(paragraphs_b))))
    top = [[_sentence(rng, words)] for _ in range(2)]
    bottom = [[_sentence(rng, words) for _ in range(3)]]
    return _render(paragraphs_a), _render(top + paragraphs_b + bottom)


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
    ])
