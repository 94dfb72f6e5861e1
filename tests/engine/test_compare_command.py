"""`manage.py compare A B [--json]` on two files, without the database."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

A = "Kirby said: “We can confirm it.”\n\n“Tehran is now directly engaged,” he added."
B = "“We can confirm it,” said John Kirby.\n\n“Tehran is now directly involved,” Kirby said."


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def test_json_has_the_shape_the_eval_script_reads(files):
    out = StringIO()
    call_command("compare", *files, "--json", stdout=out)
    data = json.loads(out.getvalue())
    for side, text in (("a", A), ("b", B)):
        for q in data[side]["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
            assert {"speaker", "speaker_key", "fragment", "key"} <= q.keys()
    assert [(p["a"], p["b"], p["kind"]) for p in data["pairs"]] == [(0, 0, "exact"), (1, 1, "minor")]
    pair = data["pairs"][1]
    assert 0 <= pair["score"] <= 100
    assert {"flags", "spans_a", "spans_b", "diff", "key"} <= pair.keys()
    assert data["a"]["quotes"][0]["speaker_key"] == data["b"]["quotes"][0]["speaker_key"]


def test_readable_report_shows_pairs_with_inline_diff(files):
    out = StringIO()
    call_command("compare", *files, stdout=out)
    report = out.getvalue()
    assert "A1 ~ B1  minor" in report
    assert "[-engaged-] {+involved+}" in report
    assert "John Kirby" in report


def test_missing_file_is_a_clear_error(tmp_path, files):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("compare", str(tmp_path / "nope.txt"), files[1])


def test_runs_as_a_program_without_a_database(files):
    run = subprocess.run([sys.executable, "manage.py", "compare", *files, "--json"],
                         capture_output=True, text=True, env={"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
                                                              "PATH": "/usr/bin:/bin"},
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["pairs"]
