"""The tiny examples in the engine's docstrings stay true."""

import doctest
import importlib
import pkgutil

import pytest

import newsdiff.engine

MODULES = [m.name for m in pkgutil.iter_modules(newsdiff.engine.__path__, "newsdiff.engine.")]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
