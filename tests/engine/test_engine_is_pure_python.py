"""The engine is plain Python: importing it loads nothing from Django."""

import subprocess
import sys
from pathlib import Path


def test_engine_imports_nothing_from_django():
    code = ("import sys, newsdiff.engine as e; e.compare_texts('“a b c d,” he said.', 'x'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
