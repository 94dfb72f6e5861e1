"""Every labelled case stays usable by score.py: each gold quote is found where its quotation is."""
from pathlib import Path

import pytest

from tests.cases.check_gold import check_case

CASES = sorted(p.parent for p in Path(__file__).parent.glob("*/gold.json"))


def test_there_are_labelled_cases():
    assert len(CASES) >= 14


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_gold_quotes_sit_inside_the_quotation_marks_of_their_file(case):
    errors, _, _ = check_case(case, do_expand=False, quiet=True)
    assert errors == []
