"""The labelled cases in tests/cases hold their score (the same rules as shared/eval/score.py)."""

from pathlib import Path

from tests.engine.scoring import Tally, score_case

CASES = sorted(p.parent for p in (Path(__file__).parent.parent / "cases").glob("*/gold.json"))


def test_there_are_labelled_cases():
    assert len(CASES) >= 12


def test_labelled_cases_hold_their_score():
    total = Tally()
    for case in CASES:
        total.add(score_case(case))
    report = "\n".join(total.problems)
    assert total.quote_recall == 1.0, report
    assert total.pair_f1 >= 0.95, report
    assert total.kind_accuracy >= 0.9, report
    assert total.speaker_accuracy >= 0.9, report
