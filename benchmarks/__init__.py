"""Benchmarks, run by `make bench` (`python -m benchmarks`). Each module in BENCHMARKS has a
`run() -> str` that measures and returns its table; none of them asserts a time."""
