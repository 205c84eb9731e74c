"""How far a sheet's values reach once loaded, before any reader loads it (part of the guard stage).

calamine allocates the whole rectangle from A1 to the farthest value, and
python-calamine then builds a Python list for every cell of it, so a 5 KB sheet
with values in A1 and XFD1048576 would exhaust memory and abort the process;
an OpenDocument sheet can repeat one cell over a million rows in a kilobyte;
the reader expands merged ranges cell by cell. These scans read the XML the way
calamine does, not the way Excel writes it: single-quoted and lower-case
addresses, cells without an address, rows out of order and repeated attributes
are all accepted by calamine, so all of them are handled here.
"""
from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

from .errors import PlanError
from .lazyre import lazy_compile

MAX_GRID_CELLS = 10_000_000    # calamine holds 32 bytes a cell, Python far more: ~0.5-1 GB at this size
MAX_MERGED_CELLS = 1_000_000   # cells the reader may expand from merged ranges, all merges of a sheet together
MERGE_COUNTED_CAP = 100_000    # the reader leaves a merge larger than this alone, so it counts this much


def grouped(number: int) -> str:
    """12.345.678, as limits and counts are written in messages."""
    return f"{number:,}".replace(",", ".")


# ---------------------------------------------------------------- sheet extents (xlsx / xlsm)

_XL_TAG = lazy_compile(rb"""<(?:[^\s<>/:="'!?]+:)?(row|c)(?=[\s/>])""")
_TAG_STOP = lazy_compile(rb"""[>"']""")
_R_ATTR = lazy_compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = lazy_compile(rb"([A-Za-z]*)(\d*)")
# Excel, LibreOffice, openpyxl and xlsxwriter all write <c r="A1" …> and <row r="1" …>: anything else
# (a namespace prefix, no address, other quoting or spacing, a second r attribute) takes the exact scan.
_NONCANONICAL = re.compile(rb"""<(?:c(?! r="[A-Za-z])|row(?! r="\d))[\s/>]""")
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")
_ODD_R = re.compile(rb"r(?:[ \t\n\r]+=|=[ \t\n\r'])")
_WS_R = lazy_compile(rb"[\t\n\r]r")
_BIG_REF = re.compile(rb'<c r="[A-Za-z](?:[A-Za-z]|\d{6})')   # a column after Z or a row from 100000
_ROW_DIGITS = lazy_compile(rb'<c r="[A-Za-z]+(\d+)"')
_COL_LETTERS = lazy_compile(rb'<c r="([A-Za-z]+)\d')
_MERGE_TAG = re.compile(rb"""<(?:[^\s<>/:="'!?]+:)?mergeCell(?=[\s/>])""")
_REF_ATTR = re.compile(rb"""(?:^|\s)ref\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_RANGE = re.compile(rb"\s*\$?([A-Za-z]+)\$?(\d+)(?:\s*:\s*\$?([A-Za-z]+)\$?(\d+))?")

_checked: set[tuple[int, ...]] = set()   # sheet parts already found safe by `sniff`: grid checks them again


def _col(letters: bytes) -> int:
    value = 0
    for char in letters.upper():
        value = value * 26 + char - 64
    return value


def tag_end(data: bytes, pos: int) -> int:
    """The index just after the '>' that closes the tag whose attributes start at `pos` (quotes respected),
    or -1 when the tag never closes."""
    close = data.find(b">", pos)
    if close >= 0:
        between = data[pos:close]
        if b"'" not in between and not between.count(b'"') % 2:
            return close + 1  # the usual case: no quote left open before the first '>'
    while True:
        stop = _TAG_STOP.search(data, pos)
        if stop is None:
            return -1
        if stop.group(0) == b">":
            return stop.end()
        close = data.find(stop.group(0), stop.end())
        if close < 0:
            return -1
        pos = close + 1


def _tags(data: bytes, pattern: re.Pattern[bytes], pos: int = 0) -> Iterator[tuple[re.Match[bytes], int]]:
    """Each tag `pattern` finds from `pos` on, with the index just past its '>' (quotes respected); stops at a
    tag that never closes."""
    while True:
        match = pattern.search(data, pos)
        if match is None:
            return
        pos = tag_end(data, match.end())
        if pos < 0:
            return
        yield match, pos


def _exact_extent(data: bytes) -> tuple[int, int]:
    """Last row and column holding a value, placed the way calamine places cells: the last r attribute
    wins, a cell without one follows the previous cell, a row without one follows the previous row."""
    row = col = max_row = max_col = 0
    for match, end in _tags(data, _XL_TAG):
        attrs = data[match.end():end - 1]
        found = _R_ATTR.findall(attrs)
        ref = (found[-1][0] or found[-1][1]).strip() if found else b""
        if match.group(1) == b"row":
            row = int(ref) if ref.isdigit() else row + 1
            col = 0
            continue
        letters, digits = _REF.match(ref).groups()
        col = _col(letters) if letters else col + 1
        cell_row = int(digits) if digits else max(row, 1)
        if attrs.rstrip().endswith(b"/") or data.startswith(b"</", end):
            continue  # a formatted cell without a value: calamine does not extend the grid for it
        max_row, max_col = max(max_row, cell_row), max(max_col, col)
        if max_row * max_col > MAX_GRID_CELLS:
            break
    return max_row, max_col


def _canonical(data: bytes) -> bool:
    """Every cell and row tag is written the usual way, with exactly one r attribute (C-speed searches)."""
    if _NONCANONICAL.search(data) or _PREFIXED.search(data) or _ODD_R.search(data):
        return False
    if data.count(b' r="') != data.count(b'<c r="') + data.count(b'<row r="'):
        return False
    return not _whitespace_before_r(data)


def _whitespace_before_r(data: bytes) -> bool:
    """A tab or line break right before an 'r' (an attribute the counts above would not see)."""
    for char in (b"\t", b"\n", b"\r"):
        if data.count(char) > 1000:
            if _WS_R.search(data):
                return True
            continue
        pos = data.find(char)
        while pos >= 0:
            if data[pos + 1:pos + 2] == b"r":
                return True
            pos = data.find(char, pos + 1)
    return False


def sheet_extent(data: bytes) -> tuple[int, int] | None:
    """(last row, last column) of a sheet part's values, or None when it is certainly small.

    Files written the usual way are judged by a few C-speed searches (about 0.2 s
    for a 34 MB sheet); the exact scan (a few seconds per million cells) runs only
    for unusual XML, or sheets with 100,000+ rows or columns after Z.
    """
    if _canonical(data):
        if not _BIG_REF.search(data):
            return None  # every address is in A..Z and rows 1..99999
        rows = max(map(int, set(_ROW_DIGITS.findall(data))), default=0)
        cols = max(map(_col, set(_COL_LETTERS.findall(data))), default=0)
        if rows * cols <= MAX_GRID_CELLS:
            return rows, cols
    return _exact_extent(data)


def merged_area(data: bytes) -> int:
    """Cells the merged ranges of a sheet part cover, each range counted at most MERGE_COUNTED_CAP."""
    first = data.find(b"mergeCell")
    if first < 0:
        return 0
    total = 0
    for match, end in _tags(data, _MERGE_TAG, max(data.rfind(b"<", 0, first), 0)):  # merges come last: skip cells
        if total > MAX_MERGED_CELLS:
            break
        found = _REF_ATTR.findall(data[match.end():end - 1])
        parsed = _RANGE.match(found[-1][0] or found[-1][1]) if found else None
        if parsed is None:
            continue
        c1, r1, c2, r2 = parsed.groups()
        rows = abs(int(r2 or r1) - int(r1)) + 1
        cols = abs(_col(c2 or c1) - _col(c1)) + 1
        total += min(rows * cols, MERGE_COUNTED_CAP)
    return total


def refuse_grid(path: Path, sheet: str, rows: int, cols: int, *, declared: bool = False) -> PlanError:
    """The refusal of a sheet whose values reach row `rows`, column `cols` (1-based); `declared`: the sheet
    only claims that area (a dimension record), the cell itself may hold nothing."""
    from .cells import a1

    return PlanError("safety.declared_grid_too_big" if declared else "safety.grid_too_big", path=path, sheet=sheet,
                     cell=a1(max(rows, 1), max(cols, 1)), limit=grouped(MAX_GRID_CELLS))


def check_sheet_extent(data: bytes, sheet: str, path: Path) -> None:
    """Refuse a sheet whose values span more than MAX_GRID_CELLS, or whose merges cover too many cells.

    calamine allocates the whole rectangle up to the farthest value, so a 5 KB
    sheet with values in A1 and XFD1048576 would exhaust memory and abort.
    """
    fingerprint = (len(data), zlib.crc32(data), MAX_GRID_CELLS, MAX_MERGED_CELLS)
    if fingerprint in _checked:
        return
    extent = sheet_extent(data)
    if extent:
        from .packagecheck import check_cell_limit

        check_cell_limit(data, extent[0], extent[1], sheet, path)
    if extent and extent[0] * extent[1] > MAX_GRID_CELLS:
        raise refuse_grid(path, sheet, *extent)
    if merged_area(data) > MAX_MERGED_CELLS:
        raise PlanError("safety.merges_too_big", path=path, sheet=sheet,
                        limit=f"{MAX_MERGED_CELLS:,}".replace(",", "."))
    if len(_checked) > 1024:
        _checked.clear()
    _checked.add(fingerprint)


# ---------------------------------------------------------------- sheet extents (ods, xlsb)

_ODS_TAG = lazy_compile(rb"""<(/?)(?:[^\s<>/:="'!?]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])""")
_ODS_ROWS = lazy_compile(rb"""(?:^|\s)(?:[\w.-]+:)?number-rows-repeated\s*=\s*["']\s*(\d+)""")
_ODS_COLS = lazy_compile(rb"""(?:^|\s)(?:[\w.-]+:)?number-columns-repeated\s*=\s*["']\s*(\d+)""")
_ODS_VALUE = lazy_compile(rb"""(?:^|\s)(?:[\w.-]+:)?(?:value-type|formula)\s*=""")  # calamine keeps formula cells
_ODS_NAME = lazy_compile(rb"""(?:^|\s)(?:[\w.-]+:)?name\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def check_ods_extent(data: bytes, path: Path) -> None:
    """The same limit for OpenDocument: a 1 KB content.xml can repeat a cell over a million rows."""
    sheet, row, col, max_row, max_col = "", 0, 0, 0, 0
    repeat, valued = 1, False
    for match, end in _tags(data, _ODS_TAG):
        closing, name, attrs = match.group(1), match.group(2), data[match.end():end - 1]
        empty = attrs.rstrip().endswith(b"/")
        if name == b"table":
            if not closing:
                found = _ODS_NAME.search(attrs)
                sheet = (found.group(1) or found.group(2)).decode("utf-8", "replace") if found else ""
                row = max_row = max_col = 0
            continue
        if name == b"table-row":
            if closing:
                if valued:
                    max_row = max(max_row, row + repeat)
                row += repeat
            else:
                found = _ODS_ROWS.search(attrs)
                repeat, col, valued = (int(found.group(1)) if found else 1), 0, False
                if empty:
                    row += repeat
            continue
        if closing:
            continue
        found = _ODS_COLS.search(attrs)
        count = int(found.group(1)) if found else 1
        if _ODS_VALUE.search(attrs) or not (empty or data.startswith(b"</", end)):
            valued = True
            max_col = max(max_col, col + count)
            max_row = max(max_row, row + repeat)
        col += count
        if max_row * max_col > MAX_GRID_CELLS:
            raise refuse_grid(path, sheet, max_row, max_col)


_XLSB_ROW, _XLSB_DIMENSION = 0, 148
_XLSB_VALUES = range(2, 12)   # BrtCellRk … BrtFmlaError; 1 is a blank (formatted) cell


def _varint(data: bytes, pos: int, limit: int) -> tuple[int, int]:
    value = 0
    for index in range(limit):
        if pos >= len(data):
            raise ValueError("truncated record")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << (7 * index)
        if not byte & 0x80:
            break
    return value, pos


def check_xlsb_extent(data: bytes, sheet: str, path: Path) -> None:
    """The same limit for a binary (.xlsb) sheet: row headers, value cells and the declared dimension."""
    pos, row, max_row, max_col = 0, 0, 0, 0
    try:
        while pos < len(data):
            record, pos = _varint(data, pos, 2)
            size, pos = _varint(data, pos, 4)
            body = data[pos:pos + size]
            pos += size
            if record == _XLSB_ROW and len(body) >= 4:
                row = struct.unpack_from("<I", body)[0] + 1
            elif record in _XLSB_VALUES and len(body) >= 4:
                max_row, max_col = max(max_row, row), max(max_col, struct.unpack_from("<I", body)[0] + 1)
            elif record == _XLSB_DIMENSION and len(body) >= 16:
                _, last_row, _, last_col = struct.unpack_from("<IIII", body)
                max_row, max_col = max(max_row, last_row + 1), max(max_col, last_col + 1)
            if max_row * max_col > MAX_GRID_CELLS:
                raise refuse_grid(path, sheet, max_row, max_col)
    except (ValueError, struct.error):
        return  # a damaged record stream: calamine reports it as such
