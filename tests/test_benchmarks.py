"""`make bench` cannot rot: BENCH_QUICK=1 runs every section on tiny inputs (its figures mean
nothing and nothing here looks at a time) and the one table comes out whole."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_bench_prints_every_section_of_the_one_table():
    env = os.environ | {"BENCH_QUICK": "1"}
    run = subprocess.run([sys.executable, "-m", "benchmarks"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    table = run.stdout
    for row in ("raw kernel (reference)", "newsdiff engine", "difflib pipeline",
                "diff-match-patch pipeline", "b. story alignment", "+ 1 upload to 10 versions",
                "c. pages", "story page", "compare view", "d. HTTP load"):
        assert row in table, row
    assert "precision 1.00" in table.split("newsdiff engine", 1)[1].splitlines()[0]
    assert "quotes/s" in table
    assert "HTTP 200" in table
    assert " 0 errors" in table or "wrk is not installed" in table
