"""The one table `make bench` prints, and the timing helpers every section shares."""

import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    section: str
    measure: str
    timed: str  # what the clock covers, said in the table itself
    p50_ms: float | None = None
    p95_ms: float | None = None
    ratio: float | None = None  # against the section's reference row
    peak_mib: float | None = None
    queries: int | None = None
    note: str = ""
    quotes_per_s: float | None = None  # quotes handled per second of the p50 time


def median_ms(fn: Callable[[], object], runs: int, before: Callable[[], object] = lambda: None):
    """Median wall time in ms over `runs`; `before` runs untimed ahead of each (clear memos)."""
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def peak_mib(fn: Callable[[], object]) -> float:
    """Peak Python heap while fn runs (tracemalloc: numpy and C buffers it allocates count,
    memory of the C libraries' own caches does not)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _cell(value, fmt: str) -> str:
    return "" if value is None else format(value, fmt)


def render(rows: list[Row], title: str) -> str:
    head = ["", "measure", "what is timed", "p50 ms", "p95 ms", "ratio", "quotes/s", "peak MiB",
            "SQL", "notes"]
    body = [[r.section, r.measure, r.timed, _cell(r.p50_ms, ",.1f"), _cell(r.p95_ms, ",.1f"),
             "" if r.ratio is None else f"{r.ratio:.2f}x", _cell(r.quotes_per_s, ",.0f"),
             _cell(r.peak_mib, ".1f"), _cell(r.queries, "d"), r.note] for r in rows]
    widths = [max(len(line[k]) for line in [head, *body]) for k in range(len(head))]
    right = {3, 4, 5, 6, 7, 8}

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) if k in right else c.ljust(w)
                                 for k, (c, w) in enumerate(zip(cells, widths))) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if k in right else "-" * (w + 2)
                          for k, w in enumerate(widths)) + "|"
    return "\n".join([title, "", line(head), rule, *(line(b) for b in body)])
