"""Count formulas over the school list and the budget appendices that survive inserted and deleted rows.

A count of schools ("Tiểu học, công nhận mới": 3) is written as COUNTIFS over
the list's columns — the values the dropdowns hold — across the whole body of
the list, so inserting a blank row, deleting a school or adding one inside the
table keeps it right in Excel without running recalc again. COUNTIFS compares
cell text (case aside), so before writing one the counter simulates it on the
cells as they are; where it would not select exactly the schools the tool
counts (a synonym typed, a level read from the name, text in decomposed form),
the count falls back to ROWS() over the selected rows, which is exact for the
file as it is. The schools a budget appendix funds (one school, many lines) are
counted the same way: a distinct count over the appendix's name and item columns
(`distinct_formula`), simulated first, ROWS() over each school's first line where
it would not count exactly those schools. A ROWS() count found in a file is
recognised (`rows_counted`), so a finding can say that a row was inserted or
deleted under it rather than that the plan is wrong.
"""
from __future__ import annotations

import re
from itertools import product

from .cells import a1, col_index, quote_sheet
from .formulas import count_rows
from .lazyre import lazy_compile
from .model import Table
from .normalize import is_error_value
from .records import record

MAX_TERMS = 8
# A distinct count compares every row with every other (COUNTIFS with an array criterion), and a SUMIFS per school
# reads the whole appendix once per school: cheap for a district's few hundred lines, minutes of Excel's time for
# a national table. Beyond this many rows, ROWS() (or the cells one by one) is written.
MAX_DISTINCT_ROWS = 2000
MAX_CRITERION = 255      # Excel: a longer criterion text makes COUNTIFS return #VALUE!
_EMPTY: frozenset[int] = frozenset()
_SPECIAL = re.compile(r"[*?~]|^[=<>]")   # wildcards and comparison prefixes change what COUNTIFS matches
# Criteria Excel reads as something other than text: numbers, dates, times, percentages, booleans, errors.
_NOT_TEXT = re.compile(r"^[\s\d.,:/%+-]*$|^(?:true|false)$|^#", re.IGNORECASE)


def _plain_text(text: str) -> bool:
    """A criterion COUNTIFS/SUMIFS compares as the text itself (case aside)."""
    return bool(text) and text == text.strip() and len(text) <= MAX_CRITERION and not _SPECIAL.search(text) \
        and not _NOT_TEXT.match(text)


def _body_end(table: Table) -> int:
    """The last row a count covers: down to the total row itself, so a row inserted right above it falls inside."""
    return table.total_row or max(table.last_row, table.data_rows[-1] if table.data_rows else table.first_row)


def _merged_away(table: Table, col: int, first: int, last: int) -> set[int]:
    """Rows (first..last) whose cell in `col` lies in a merged range but is not its top-left cell.

    The reader fills such cells with the range's value (a level typed once for several schools), but to a
    formula they are empty: COUNTIFS must be simulated on what the formula sees.
    """
    rows: set[int] = set()
    for r1, c1, r2, c2 in table.merged:
        if c1 <= col <= c2 and r1 <= last and r2 >= first:
            rows.update(row for row in range(max(r1, first), min(r2, last) + 1) if (row, col) != (r1, c1))
    return rows


def _cell(table: Table, row: int, col: int, hidden: set[int]) -> object:
    """A body cell as a formula sees it ('' when empty or merged away)."""
    if row in hidden:
        return ""
    values = table.row_values.get(row)
    if values is None or col > len(values):
        return ""
    value = values[col - 1]
    return "" if value is None else value


class ListCounter:
    """COUNTIFS formulas over one table (the school list), checked against the rows they must count."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.sheet = table.sheet
        self.name_col = table.col("name") or 1
        self.first = table.first_row
        self.last = _body_end(table)
        self._index: dict[str, dict[str, set[int]]] = {}
        self._hidden: dict[int, set[int]] = {}
        self._ranges: dict[str, str] = {}   # column key → its body range, as the formulas write it

    def _merged(self, col: int) -> set[int]:
        found = self._hidden.get(col)
        if found is None:
            found = self._hidden[col] = _merged_away(self.table, col, self.first, self.last) \
                if self.table.merged else set()
        return found

    def _column(self, key: str) -> dict[str, set[int]] | None:
        """Casefolded text → rows holding it, over the body range; None when the column is absent."""
        if key in self._index:
            return self._index[key]
        col = self.table.col(key)
        if col is None:
            return None
        index: dict[str, set[int]] = {}
        hidden = self._merged(col)
        for row in range(self.first, self.last + 1):
            values = self.table.row_values.get(row)
            if values is None or col > len(values) or row in hidden:
                continue
            value = values[col - 1]
            if value.__class__ is str and value:
                index.setdefault(value.casefold(), set()).add(row)
            elif value not in ("", None):
                index.setdefault("\x00other", set()).add(row)  # numbers, dates: never equal to a text criterion
        self._index[key] = index
        return index

    def sumifs(self, rows: list[int], key: str, sum_key: str) -> str | None:
        """SUMIFS adding column `sum_key` over the rows whose `key` cell holds a text one of `rows` holds, where that
        selects exactly `rows` (a school's budget lines, by its name); None otherwise."""
        col = self.table.col(key)
        if col is None or self.table.col(sum_key) is None or not rows or self.last - self.first >= MAX_DISTINCT_ROWS:
            return None       # a SUMIFS per school over a national table would cost Excel schools × rows
        column = self._column(key)
        if column is None:
            return None
        hidden = self._merged(col)
        texts: dict[str, str] = {}
        for row in rows:
            values = self.table.row_values.get(row, ())
            value = values[col - 1] if col <= len(values) and row not in hidden else None
            if value.__class__ is not str or not _plain_text(value):
                return None
            texts.setdefault(value.casefold(), value)
        if len(texts) > MAX_TERMS:
            return None
        selected: set[int] = set()
        for folded in texts:
            selected |= column.get(folded, _EMPTY)
        if selected != set(rows):
            return None
        return "+".join(f'SUMIFS({self._range(sum_key)},{self._range(key)},"{text.replace(chr(34), chr(34) * 2)}")'
                        for text in texts.values())

    def _range(self, key: str) -> str:
        found = self._ranges.get(key)
        if found is None:
            col = self.table.col(key) or self.name_col
            letters = a1(1, col)[:-1]
            found = self._ranges[key] = f"{quote_sheet(self.sheet)}${letters}${self.first}:${letters}${self.last}"
        return found

    def formula(self, rows: list[int], criteria: dict[str, tuple[str, ...]]) -> str | None:
        """A formula counting `rows`: COUNTIFS where it selects exactly them, else ROWS() over them.

        `criteria`: column key → the canonical values that qualify a school (the texts the selected rows hold
        are added). None when even the ROWS() form would be too long for Excel.
        """
        if not criteria:
            return count_rows(self.sheet, self.name_col, rows)
        wanted = set(rows)
        texts_by_key: list[tuple[str, list[str]]] = []
        for key, defaults in criteria.items():
            column = self._column(key)
            if column is None:
                return count_rows(self.sheet, self.name_col, rows)
            texts: dict[str, str] = {}
            for text in defaults:
                texts.setdefault(text.casefold(), text)
            col = self.table.col(key)
            hidden = self._merged(col) if col else set()
            for row in rows:
                value = self.table.row_values.get(row, ())
                value = value[col - 1] if col and col <= len(value) and row not in hidden else None
                if value.__class__ is not str or not value:   # a selected school without the text: COUNTIFS
                    return count_rows(self.sheet, self.name_col, rows)   # cannot find it
                texts.setdefault(value.casefold(), value)
            if not all(_plain_text(text) for text in texts.values()):
                return count_rows(self.sheet, self.name_col, rows)
            texts_by_key.append((key, list(texts.values())))
        terms = list(product(*(texts for _, texts in texts_by_key)))
        if len(terms) > MAX_TERMS:
            return count_rows(self.sheet, self.name_col, rows)
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
            return count_rows(self.sheet, self.name_col, rows)
        parts = []
        for term in terms:
            args = ",".join(f'{self._range(key)},"{text.replace(chr(34), chr(34) * 2)}"'
                            for (key, _), text in zip(texts_by_key, term))
            parts.append(f"COUNTIFS({args})")
        return "+".join(parts)


def distinct_formula(table: Table, groups: list[list[int]]) -> str | None:
    """A formula counting the schools of a budget appendix, each school given by the rows of its lines.

    SUMPRODUCT over the appendix's name and item columns down to its total row counts the distinct names on
    rows that hold an item: ``SUMPRODUCT((N<>"")*(I<>"")/(COUNTIFS(N,N&"",I,"<>")+(N="")+(I="")))`` — each
    line adds 1/(lines of its school), so a school adds 1 however many lines it has, and an inserted blank row,
    a deleted line or a line added inside the table keeps the count right. Written only where it counts exactly
    `groups` on the cells as they are (names compare as text, case aside: 'TH X' and 'Trường Tiểu học X' are two
    names to Excel); otherwise ROWS() over each school's first line. None when even that is too long for Excel.
    """
    name_col = table.col("name") or 1
    fallback = count_rows(table.sheet, name_col, sorted(min(rows) for rows in groups))
    item_col = table.col("item")
    first, last = table.first_row, _body_end(table)
    if item_col is None or last - first + 1 > MAX_DISTINCT_ROWS:
        return fallback
    school_of = {row: index for index, rows in enumerate(groups) for row in rows}
    hidden_name = _merged_away(table, name_col, first, last) if table.merged else set()
    hidden_item = _merged_away(table, item_col, first, last) if table.merged else set()
    keys: dict[str, int] = {}
    for row in range(first, last + 1):
        if row not in table.row_values:
            continue
        name, item = _cell(table, row, name_col, hidden_name), _cell(table, row, item_col, hidden_item)
        if is_error_value(name) or is_error_value(item):
            return fallback        # one error value anywhere in the ranges makes the whole count an error
        if name == "" or item == "":
            continue
        if name.__class__ is not str or not _plain_text(name):
            return fallback
        school = school_of.get(row)
        if school is None or keys.setdefault(name.casefold(), school) != school:
            return fallback        # a name on a row that is no line of a school, or two schools under one name
    if len(keys) != len(groups) or len(set(keys.values())) != len(groups):
        return fallback            # a school without a counted line, or under two spellings
    letters = (a1(1, name_col)[:-1], a1(1, item_col)[:-1])
    names, items = (f"{quote_sheet(table.sheet)}${letter}${first}:${letter}${last}" for letter in letters)
    return (f'SUMPRODUCT(({names}<>"")*({items}<>"")/(COUNTIFS({names},{names}&"",{items},"<>")'
            f'+({names}="")+({items}="")))')


@record(frozen=True, slots=True)
class RowsCount:
    """What a ROWS() count formula found in a file covers."""

    sheet: str
    rows: frozenset[int]
    deleted: int          # parts that lost their rows ('ROWS(#REF!)'): the row they counted was deleted


_ROWS = lazy_compile(r"ROWS\((?:'((?:[^']|'')*)'|([A-Za-z0-9_.]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\)")
# LibreOffice, reading Excel's 'PL2'!#REF!, writes it back lower-cased: sheet names are case-insensitive anyway.
_ROWS_DELETED = lazy_compile(r"ROWS\((?:(?:'((?:[^']|'')*)'|([A-Za-z0-9_.]+))!)?#REF!\)", re.IGNORECASE)
_ROWS_COUNT = lazy_compile(r"^(?:\d+\+)?ROWS\([^()]*\)(?:\+ROWS\([^()]*\))*$")


def rows_counted(formula: str | None) -> RowsCount | None:
    """The sheet and rows a ROWS() count formula ('ROWS('PL1'!B5:B7)+ROWS(…)') covers; None for other formulas
    or one over several sheets."""
    if not formula:
        return None
    text = formula.strip().lstrip("=")
    if not _ROWS_COUNT.match(text):
        return None
    rows: set[int] = set()
    sheet = None
    parts = 0
    for match in _ROWS.finditer(text):
        parts += 1
        name = match.group(1).replace("''", "'") if match.group(1) is not None else match.group(2)
        if sheet is not None and name != sheet:
            return None
        sheet = name
        first = int(match.group(4))
        last = int(match.group(6)) if match.group(6) else first
        if match.group(5) and col_index(match.group(5)) != col_index(match.group(3)):
            return None
        rows.update(range(min(first, last), max(first, last) + 1))
    deleted = 0
    for match in _ROWS_DELETED.finditer(text):
        deleted += 1
        name = match.group(1).replace("''", "'") if match.group(1) is not None else match.group(2)
        if name is not None:
            if sheet is not None and name != sheet:
                return None
            sheet = name
    if sheet is None or parts + deleted != text.count("ROWS("):
        return None
    return RowsCount(sheet, frozenset(rows), deleted)
