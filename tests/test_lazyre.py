"""Patterns compiled on first use (lazyre): the same answers as re, and no compile before the first use."""
from __future__ import annotations

import re

import pytest

from chuanqg_xl.lazyre import LazyPattern, lazy_compile


def test_compiles_on_first_use_and_answers_as_re(monkeypatch):
    compiled: list[object] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or real(*args))
    pattern = lazy_compile(rb'<c r="([A-Z]+)(\d+)"', re.I)
    assert compiled == []   # made at import time, compiled only when a file needs it
    data = b'<c r="B7"/><C R="aa12"/>'
    assert pattern.findall(data) == real(rb'<c r="([A-Z]+)(\d+)"', re.I).findall(data) == [(b"B", b"7"),
                                                                                          (b"aa", b"12")]
    assert pattern.search(data).group(1) == b"B"
    assert [match.span() for match in pattern.finditer(data)] == [(0, 9), (11, 22)]
    assert pattern.sub(b"x", data) == b"x/>x/>"
    assert (pattern.pattern, pattern.flags & re.I, pattern.groups) == (rb'<c r="([A-Z]+)(\d+)"', re.I, 2)
    assert len(compiled) == 1   # once, whatever is asked after


def test_methods_come_from_the_compiled_pattern_after_the_first_use():
    pattern = lazy_compile(r"\d+")
    assert pattern.fullmatch("12")
    assert isinstance(pattern.fullmatch.__self__, re.Pattern)   # the compiled pattern's own method, no wrapper
    assert pattern.split("a1b22c") == ["a", "b", "c"]


def test_unknown_attributes_are_refused():
    pattern = LazyPattern("a")
    with pytest.raises(AttributeError):
        pattern.no_such_thing  # noqa: B018
    assert repr(pattern) == "lazy_compile('a', 0)"
