"""`python -m benchmarks [name ...]`: run every benchmark (or the named ones) and print tables."""

import importlib
import sys

BENCHMARKS = ["engine", "passages"]  # modules of this package; add a module here to add a benchmark


def main(names: list[str]) -> None:
    for name in names or BENCHMARKS:
        if name not in BENCHMARKS:
            raise SystemExit(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
        print(importlib.import_module(f"benchmarks.{name}").run(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
