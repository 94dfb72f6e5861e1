"""Benchmarks, run by `make bench` (`python -m benchmarks`): one table of the engine against
its peers and the raw kernel, story alignment, page times and HTTP load (issue 6). None of
them asserts a time; tests/test_benchmarks.py only runs them small, so they cannot rot."""
