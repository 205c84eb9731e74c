"""Regular expressions compiled when first used.

Compiling a pattern costs 0.05-0.2 ms. The guard's, the damage scan's and the
extent scan's patterns for unusual files (prefixed tags, other quoting, .ods
sheets, broken values), the date and count parsers' rarer forms and the
formula parsers add up to a few milliseconds that a `check` of a usual district
file paid at every start-up without using them. A `LazyPattern` compiles on its
first use and from then on is the compiled pattern's methods themselves (kept
in slots: no lookup beyond a plain attribute, no wrapper call).
"""
from __future__ import annotations

import re

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """`re.compile(source, flags)`, done on first use. Use its methods and attributes, as of a pattern; it is
    no `re.Pattern` for `isinstance` or for the functions of `re` (pass `.pattern` there)."""

    __slots__ = ("_source", "_flags", *_FORWARDED)

    def __init__(self, source: str | bytes, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> object:   # only reached while a forwarded slot is still empty
        if name not in _FORWARDED:
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for attr in _FORWARDED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(source: str | bytes, flags: int = 0) -> LazyPattern:
    """A pattern compiled on first use (for patterns that only some inputs or commands need)."""
    return LazyPattern(source, flags)
