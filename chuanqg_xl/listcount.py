"""Count formulas over the school list that survive inserted and deleted rows.

A count of schools ("Tiểu học, công nhận mới": 3) is written as COUNTIFS over
the list's columns — the values the dropdowns hold — across the whole body of
the list, so inserting a blank row, deleting a school or adding one inside the
table keeps it right in Excel without running recalc again. COUNTIFS compares
cell text (case aside), so before writing one the counter simulates it on the
cells as they are; where it would not select exactly the schools the tool
counts (a synonym typed, a level read from the name, text in decomposed form),
the count falls back to ROWS() over the selected rows, which is exact for the
file as it is. A ROWS() count found in a file is recognised, so a finding can
say that the list changed under it rather than that the plan is wrong.
"""
from __future__ import annotations

import re
from itertools import product

from .cells import a1, col_index, quote_sheet
from .formulas import count_rows
from .model import Table

MAX_TERMS = 8
_EMPTY: frozenset[int] = frozenset()
_SPECIAL = re.compile(r"[*?~]|^[=<>]")   # wildcards and comparison prefixes change what COUNTIFS matches


class ListCounter:
    """COUNTIFS formulas over one table (the school list), checked against the rows they must count."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.sheet = table.sheet
        self.name_col = table.col("name") or 1
        self.first = table.first_row
        # Down to the total row itself: a school inserted right above it still falls inside the range.
        self.last = table.total_row or max(table.last_row, table.data_rows[-1] if table.data_rows else self.first)
        self._index: dict[str, dict[str, set[int]]] = {}

    def _column(self, key: str) -> dict[str, set[int]] | None:
        """Casefolded text → rows holding it, over the body range; None when the column is absent."""
        if key in self._index:
            return self._index[key]
        col = self.table.col(key)
        if col is None:
            return None
        index: dict[str, set[int]] = {}
        for row in range(self.first, self.last + 1):
            values = self.table.row_values.get(row)
            if values is None or col > len(values):
                continue
            value = values[col - 1]
            if value.__class__ is str and value:
                index.setdefault(value.casefold(), set()).add(row)
            elif value not in ("", None):
                index.setdefault("\x00other", set()).add(row)  # numbers, dates: never equal to a text criterion
        self._index[key] = index
        return index

    def _range(self, key: str) -> str:
        col = self.table.col(key) or self.name_col
        letters = a1(1, col)[:-1]
        return f"{quote_sheet(self.sheet)}${letters}${self.first}:${letters}${self.last}"

    def formula(self, rows: list[int], criteria: dict[str, tuple[str, ...]]) -> str | None:
        """A formula counting `rows`: COUNTIFS where it selects exactly them, else ROWS() over them.

        `criteria`: column key → the canonical values that qualify a school (the texts the selected rows hold
        are added). None when even the ROWS() form would be too long for Excel.
        """
        fallback = count_rows(self.sheet, self.name_col, rows)
        if not criteria:
            return fallback
        wanted = set(rows)
        texts_by_key: list[tuple[str, list[str]]] = []
        for key, defaults in criteria.items():
            column = self._column(key)
            if column is None:
                return fallback
            texts: dict[str, str] = {}
            for text in defaults:
                texts.setdefault(text.casefold(), text)
            col = self.table.col(key)
            for row in rows:
                value = self.table.row_values.get(row, ())
                value = value[col - 1] if col and col <= len(value) else None
                if value.__class__ is not str or not value:
                    return fallback          # a selected school without the text: COUNTIFS cannot find it
                texts.setdefault(value.casefold(), value)
            if any(_SPECIAL.search(text) or text != text.strip() for text in texts.values()):
                return fallback
            texts_by_key.append((key, list(texts.values())))
        terms = list(product(*(texts for _, texts in texts_by_key)))
        if len(terms) > MAX_TERMS:
            return fallback
        counted: set[int] = set()
        total = 0
        for term in terms:
            matched: set[int] | None = None
            for (key, _), text in zip(texts_by_key, term):
                found = self._index[key].get(text.casefold(), _EMPTY)
                matched = found if matched is None else matched & found   # never mutated: no copy needed
            total += len(matched or ())
            counted |= matched or _EMPTY
        if counted != wanted or total != len(wanted):
            return fallback
        parts = []
        for term in terms:
            args = ",".join(f'{self._range(key)},"{text.replace(chr(34), chr(34) * 2)}"'
                            for (key, _), text in zip(texts_by_key, term))
            parts.append(f"COUNTIFS({args})")
        return "+".join(parts)


_ROWS = re.compile(r"ROWS\((?:'((?:[^']|'')*)'|([A-Za-z0-9_.]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\)")
_ROWS_COUNT = re.compile(r"^(?:\d+\+)?ROWS\([^()]*\)(?:\+ROWS\([^()]*\))*$")


def rows_counted(formula: str | None, sheet: str) -> set[int] | None:
    """The rows of `sheet` a ROWS() count formula ('ROWS('PL1'!B5:B7)+ROWS(…)') covers; None for other formulas."""
    if not formula:
        return None
    text = formula.strip().lstrip("=")
    if not _ROWS_COUNT.match(text):
        return None
    rows: set[int] = set()
    for match in _ROWS.finditer(text):
        name = match.group(1).replace("''", "'") if match.group(1) is not None else match.group(2)
        if name != sheet:
            return None
        first = int(match.group(4))
        last = int(match.group(6)) if match.group(6) else first
        if match.group(5) and col_index(match.group(5)) != col_index(match.group(3)):
            return None
        rows.update(range(min(first, last), max(first, last) + 1))
    return rows
