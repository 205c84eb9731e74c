"""A1 references: one small module, as in XlsxWriter."""
from __future__ import annotations

import re
from functools import lru_cache

_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


@lru_cache(maxsize=4096)
def col_letter(col: int) -> str:
    """1 → 'A', 27 → 'AA'."""
    if col < 1:
        raise ValueError(f"column {col} < 1")
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@lru_cache(maxsize=4096)
def col_index(letters: str) -> int:
    """'A' → 1, 'AA' → 27."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


def a1(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


def parse_a1(ref: str) -> tuple[int, int]:
    """'J14' → (14, 10)."""
    match = _A1.match(ref.strip())
    if not match:
        raise ValueError(f"not an A1 reference: {ref!r}")
    return int(match.group(2)), col_index(match.group(1))


def quote_sheet(name: str) -> str:
    """Sheet name as a formula prefix: 'PL1 - Danh sách trường'!"""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name):
        return f"{name}!"
    return "'" + name.replace("'", "''") + "'!"


def range_a1(first_row: int, col: int, last_row: int, last_col: int | None = None) -> str:
    return f"{a1(first_row, col)}:{a1(last_row, last_col or col)}"
