"""The examples in the collation services' docstrings stay true."""

import doctest

from newsdiff.collation import matrix


def test_matrix_docstring_examples_hold():
    result = doctest.testmod(matrix)
    assert result.attempted > 0 and result.failed == 0
