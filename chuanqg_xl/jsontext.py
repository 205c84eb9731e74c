"""JSON text as the tool prints it (`json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)`), faster.

With an indent, the standard library encodes in Python, through a generator per
list and dict: about a quarter of a second for the JSON of a national
consolidation (11 MB, a million values). `dumps` writes the same characters
with one function for dicts, lists and scalars. Anything it does not expect (a
key that is not text, a tuple, a type the standard encoder would refuse, a
number out of range, a cycle) is handed to `json.dumps`, so the result and the
errors are always the standard library's.
"""
from __future__ import annotations

import json

try:
    from _json import encode_basestring as _string   # what json.dumps(ensure_ascii=False) uses
except ImportError:   # pragma: no cover - CPython always has it
    from json.encoder import py_encode_basestring as _string

encode_string = _string   # a text as a JSON string, quotes included

_float_repr = float.__repr__
_int_repr = int.__repr__
_INFINITY = float("inf")


class Raw:
    """JSON text written as it is: a part the caller encoded itself, indented for the place it goes. Only `dumps`
    knows it; the standard encoder refuses it (TypeError)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Unusual(Exception):
    """Something for the standard encoder to handle (or to refuse with its own message)."""


def dumps(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)`, character for character."""
    out: list[str] = []
    try:
        _write(value, out, "\n")
    except (_Unusual, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(out)


def _scalar(value: object) -> str | None:
    """A scalar's JSON text; None for a dict or a list."""
    kind = value.__class__
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return _int_repr(value)
    if kind is float:
        if value != value or value == _INFINITY or value == -_INFINITY:
            raise _Unusual   # allow_nan=False: json.dumps says which value
        return _float_repr(value)
    if kind is dict or kind is list:
        return None
    if kind is Raw:
        return value.text   # type: ignore[attr-defined]
    raise _Unusual   # subclasses, tuples, other types: as the standard encoder does them, or refuses them


def _write(value: object, out: list[str], newline: str) -> None:
    """`value` at the indentation `newline` ends with."""
    text = _scalar(value)
    if text is not None:
        out.append(text)
        return
    inner = newline + "  "
    if value.__class__ is dict:
        if not value:
            out.append("{}")
            return
        separator = "{" + inner
        for key, item in value.items():   # type: ignore[attr-defined]
            if key.__class__ is not str:
                raise _Unusual   # numbers, booleans, None as keys: json.dumps turns them into text its own way
            text = _string(item) if item.__class__ is str else _scalar(item)
            if text is not None:
                out.append(f"{separator}{_string(key)}: {text}")
            else:
                out.append(f"{separator}{_string(key)}: ")
                _write(item, out, inner)
            separator = "," + inner
        out.append(newline + "}")
        return
    if not value:
        out.append("[]")
        return
    separator = "[" + inner
    for item in value:   # type: ignore[attr-defined]
        text = _string(item) if item.__class__ is str else _scalar(item)
        if text is not None:
            out.append(separator + text)
        else:
            out.append(separator)
            _write(item, out, inner)
        separator = "," + inner
    out.append(newline + "]")
