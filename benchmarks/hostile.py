"""Texts built to be slow: how long the engine takes on them, once each (they are slow on
purpose, so no medians). The bounds that keep these linear are in docs/engine.md, "Limits"."""

import time

from newsdiff.engine import analyse_version, compare_texts
from newsdiff.engine.align import clear_memos


def _marks(n: int, word: str) -> str:
    return " ".join(f"“Quote number {i} {word},” said Kerr." for i in range(n))


def _timed(action) -> float:
    clear_memos()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run() -> str:
    every_word = " ".join(f"“w{i}”" for i in range(20_000))
    line = "The harbour wall " + "stone " * 350_000
    rows = [
        ("compare_texts, 10,000 quotation marks each",
         _timed(lambda: compare_texts(_marks(5000, "here"), _marks(5000, "there")))),
        ("compare_texts, 1,000 quotation marks each",
         _timed(lambda: compare_texts(_marks(500, "here"), _marks(500, "there")))),
        ("analyse_version, a quote mark on 20,000 words",
         _timed(lambda: analyse_version(every_word))),
        ("analyse_version, a 2 MB single line", _timed(lambda: analyse_version(line))),
    ]
    header = f"| {'hostile text':<46} | {'seconds':>7} |"
    rule = "|" + "|".join("-" * len(c) for c in header.split("|")[1:-1]) + "|"
    return "\n".join(["Hostile input (one run each)", "", header, rule,
                      *(f"| {name:<46} | {seconds:7.2f} |" for name, seconds in rows), ""])
