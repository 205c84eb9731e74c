"""Formula text: shifting shared formulas, reading SUM ranges, building ours."""
from __future__ import annotations

import re

from .cells import a1, col_index, col_letter, quote_sheet
from .lazyre import lazy_compile
from .records import record

# A cell reference outside strings and quoted sheet names; not a function name
# (LOG10( is a function), not part of a longer name.
_TOKENS = lazy_compile(
    r"""("(?:[^"]|"")*")                                  # string literal
      |('(?:[^']|'')*'!)                                  # quoted sheet prefix
      |(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])  # A1 reference
    """,
    re.VERBOSE,
)


def shift_formula(formula: str, drow: int, dcol: int) -> str:
    """The formula as it reads when copied drow rows down and dcol columns right."""
    if not drow and not dcol:
        return formula

    def replace(match: re.Match[str]) -> str:
        if match.group(1) or match.group(2):
            return match.group(0)
        col_abs, letters, row_abs, digits = match.group(3), match.group(4), match.group(5), match.group(6)
        col = col_index(letters) if col_abs else col_index(letters) + dcol
        row = int(digits) if row_abs else int(digits) + drow
        if col < 1 or row < 1:
            return "#REF!"
        return f"{col_abs}{col_letter(col)}{row_abs}{row}"

    return _TOKENS.sub(replace, formula)


@record(frozen=True, slots=True)
class RangeRef:
    sheet: str | None
    first_row: int
    first_col: int
    last_row: int
    last_col: int


_SUM = re.compile(r"\bSUM\s*\(([^()]*)\)", re.IGNORECASE)
_RANGE = re.compile(
    r"^(?:(?:'((?:[^']|'')*)'|([A-Za-z0-9_.]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$"
)


def sum_ranges(formula: str) -> list[RangeRef] | None:
    """The ranges inside a plain SUM formula ('SUM(D5:D20)'), or None for other formulas."""
    text = formula.strip().lstrip("=").strip()
    match = _SUM.fullmatch(text)
    if not match:
        return None
    ranges = []
    for arg in match.group(1).split(","):
        arg = arg.strip()
        found = _RANGE.match(arg)
        if not found:
            return None
        sheet = found.group(1).replace("''", "'") if found.group(1) is not None else found.group(2)
        first_col, first_row = col_index(found.group(3)), int(found.group(4))
        last_col = col_index(found.group(5)) if found.group(5) else first_col
        last_row = int(found.group(6)) if found.group(6) else first_row
        ranges.append(RangeRef(sheet, min(first_row, last_row), min(first_col, last_col),
                               max(first_row, last_row), max(first_col, last_col)))
    return ranges


_REFERENCE = lazy_compile(
    r"""("(?:[^"]|"")*")
      |(?:'((?:[^']|'')*)'!|([A-Za-z0-9_.]+)!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])""",
    re.VERBOSE,
)
MAX_REFERENCED = 100_000


def same_formula(ours: str | None, theirs: str | None) -> bool:
    """Two formula texts alike, spacing, case and a leading '=' aside."""
    if ours is None or theirs is None:
        return ours is theirs
    return ours.replace(" ", "").upper() == theirs.lstrip("=").replace(" ", "").upper()


def references(formula: str, sheet: str) -> set[tuple[str, int, int]]:
    """Every cell a formula refers to, ranges expanded, as (sheet, row, col); `sheet` is the formula's own."""
    found: set[tuple[str, int, int]] = set()
    for match in _REFERENCE.finditer(formula):
        if match.group(1):
            continue
        name = match.group(2).replace("''", "'") if match.group(2) is not None else (match.group(3) or sheet)
        first_col, first_row = col_index(match.group(4)), int(match.group(5))
        last_col = col_index(match.group(6)) if match.group(6) else first_col
        last_row = int(match.group(7)) if match.group(7) else first_row
        for row in range(min(first_row, last_row), max(first_row, last_row) + 1):
            for col in range(min(first_col, last_col), max(first_col, last_col) + 1):
                found.add((name, row, col))
                if len(found) > MAX_REFERENCED:
                    return found
    return found


# ---------------------------------------------------------------- builders

def sum_column(col: int, first_row: int, last_row: int, sheet: str | None = None) -> str:
    prefix = quote_sheet(sheet) if sheet else ""
    if last_row < first_row:
        return "0"
    return f"SUM({prefix}{a1(first_row, col)}:{a1(last_row, col)})"


def sum_row(row: int, first_col: int, last_col: int) -> str:
    return f"SUM({a1(row, first_col)}:{a1(row, last_col)})"


def row_runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers grouped into contiguous runs: [5,6,7,9] → [(5,7),(9,9)]."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


MAX_FORMULA_CHARS = 8000  # Excel's limit is 8,192


def count_rows(sheet: str, col: int, rows: list[int]) -> str | None:
    """A formula counting the given rows of a sheet: ROWS(…)+ROWS(…).

    Counting rows (not cell contents) keeps the formula exact whatever the
    cells hold; the references show which rows were counted. None when the
    formula would exceed Excel's length limit.
    """
    if not rows:
        return "0"
    prefix = quote_sheet(sheet)
    parts = []
    for first, last in row_runs(rows):
        ref = a1(first, col) if first == last else f"{a1(first, col)}:{a1(last, col)}"
        parts.append(f"ROWS({prefix}{ref})")
    formula = "+".join(parts)
    return formula if len(formula) <= MAX_FORMULA_CHARS else None


def add_cells(refs: list[tuple[str, int, int]]) -> str | None:
    """'PL2'!I5+'PL2'!I6+…; None when too long."""
    if not refs:
        return "0"
    parts = []
    for sheet, row, col in refs:
        parts.append(f"{quote_sheet(sheet)}{a1(row, col)}")
    formula = "+".join(parts)
    return formula if len(formula) <= MAX_FORMULA_CHARS else None


def cell_ref(sheet: str, row: int, col: int) -> str:
    return f"{quote_sheet(sheet)}{a1(row, col)}"
