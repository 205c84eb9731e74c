"""The plan as the tool understands it.

Every record knows its sheet and row, and its table knows which column holds
which field, so any value can be traced back to the cell it came from
(`school.cell("name")` → "B7"). The raw cell values are kept next to the
parsed ones, so checks can tell a number from a number typed as text.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .cells import a1
from .layout import TableSheet
from .normalize import Period, SchoolName
from .records import field, record


@record(frozen=True, slots=True)
class CellRef:
    sheet: str
    row: int
    col: int

    @property
    def a1(self) -> str:
        return a1(self.row, self.col)

    def __str__(self) -> str:
        return f"{self.sheet}!{self.a1}"


@record(slots=True, eq=False)
class Table:
    """Where a table sits in its sheet."""

    spec: TableSheet
    sheet: str
    header_row: int
    columns: dict[str, int]
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    data_rows: list[int] = field(default_factory=list)
    total_row: int | None = None
    total_values: dict[str, object] = field(default_factory=dict)
    rows_after_total: list[int] = field(default_factory=list)
    subtotal_rows: list[int] = field(default_factory=list)   # "Cộng trường …" rows inside the table
    heading_rows: dict[int, str] = field(default_factory=dict)  # timeline rows with one text ("Quý III/2023")
    row_values: dict[int, list] = field(default_factory=dict)  # raw values of every non-empty body row
    extra_headers: dict[int, str] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def first_row(self) -> int:
        """First row of the table body (right below the headers)."""
        return self.header_row + 1

    @property
    def last_row(self) -> int:
        """Last row a total over this table must cover."""
        if self.total_row:
            return max(self.total_row - 1, self.first_row)
        return self.data_rows[-1] if self.data_rows else self.first_row

    def col(self, key: str) -> int | None:
        return self.columns.get(key)

    def ref(self, row: int, key: str) -> CellRef | None:
        col = self.columns.get(key)
        return CellRef(self.sheet, row, col) if col else None

    def cell(self, row: int, key: str) -> str | None:
        col = self.columns.get(key)
        return a1(row, col) if col else None

    def formula(self, row: int, key: str) -> str | None:
        col = self.columns.get(key)
        return self.formulas.get((row, col)) if col else None

    def raw(self, row: int, key: str) -> object:
        """The raw value of a body or total row; None when empty."""
        col = self.columns.get(key)
        values = self.row_values.get(row)
        if not col or values is None or col > len(values):
            return None
        value = values[col - 1]
        return None if value == "" else value


@record(slots=True, eq=False)
class Record:
    """One data row of a table."""

    table: Table
    row: int
    values: list  # the raw row as read (0-based, one entry per column)

    @property
    def sheet(self) -> str:
        return self.table.sheet

    def raw(self, key: str) -> object:
        col = self.table.columns.get(key)
        if not col or col > len(self.values):
            return None
        value = self.values[col - 1]
        return None if value == "" else value

    def ref(self, key: str) -> CellRef | None:
        return self.table.ref(self.row, key)

    def cell(self, key: str) -> str | None:
        return self.table.cell(self.row, key)

    def formula(self, key: str) -> str | None:
        return self.table.formula(self.row, key)


@record(slots=True, eq=False)
class School(Record):
    stt: int | None = None
    name: str = ""
    name_parts: SchoolName | None = None
    level: str | None = None
    level_from_name: bool = False
    commune: str = ""
    kind: str | None = None
    standard_level: int | None = None
    accreditation_level: int | None = None
    timing: str = ""
    period: Period | None = None
    pre_invested: str = ""
    budget: float | None = None   # as typed or cached in the derived column
    note: str = ""

    @property
    def is_pre_invested(self) -> bool:
        return bool(self.pre_invested)


@record(slots=True, eq=False)
class BudgetLine(Record):
    stt: int | None = None
    school: str = ""
    school_parts: SchoolName | None = None
    item: str = ""
    amounts: dict[str, float | None] = field(default_factory=dict)
    total: float | None = None    # as typed or cached in the derived column
    note: str = ""


@record(slots=True, eq=False)
class Task(Record):
    time: str = ""
    time_inherited: bool = False
    period: Period | None = None
    task: str = ""
    lead: str = ""
    partners: str = ""
    schools_text: str = ""
    school_count: int | None = None
    named_count: float | None = None  # as typed or cached in the derived column
    deadline: dt.date | None = None
    status: str | None = None
    done_date: dt.date | None = None
    note: str = ""

    def school_mentions(self) -> list[str]:
        """The parts of 'Trường liên quan', split on ';' as the count formula does."""
        if not self.schools_text:
            return []
        return [part.strip() for part in self.schools_text.split(";")]


@record(slots=True)
class InfoValue:
    key: str
    value: object
    raw: object
    ref: CellRef | None


@record(slots=True, eq=False)
class Meta:
    sheet: str
    values: dict[str, InfoValue] = field(default_factory=dict)

    def get(self, key: str, default: object = None) -> object:
        item = self.values.get(key)
        return default if item is None or item.value in (None, "") else item.value

    def ref(self, key: str) -> CellRef | None:
        item = self.values.get(key)
        return item.ref if item else None

    @property
    def unit(self) -> str:
        return str(self.get("unit", "") or "")

    @property
    def year(self) -> int | None:
        year = self.get("year")
        return int(year) if isinstance(year, (int, float)) else None


@record(slots=True)
class TargetRow:
    level: str            # canonical level, or "total"
    row: int
    assigned: dict[str, int | None] = field(default_factory=dict)   # kind key → typed target
    assigned_raw: dict[str, object] = field(default_factory=dict)
    planned_raw: dict[str, object] = field(default_factory=dict)    # kind key → as typed/cached


@record(slots=True, eq=False)
class Targets:
    sheet: str
    header_row: int
    columns: dict[tuple[str, str], int]   # (kind key or "total", "assigned"|"planned") → column
    rows: dict[str, TargetRow]             # level (or "total") → row
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


@record(slots=True)
class FigureRow:
    key: str
    row: int
    stated: float | None
    stated_raw: object
    computed_raw: object


@record(slots=True, eq=False)
class Figures:
    sheet: str
    header_row: int
    stated_col: int
    computed_col: int
    rows: dict[str, FigureRow]
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


@record(slots=True)
class BatchRow:
    row: int
    label: str
    period: Period | None
    stated: dict[str, int | None]
    stated_raw: dict[str, object]
    computed_raw: dict[str, object]


@record(slots=True, eq=False)
class Batches:
    sheet: str
    header_row: int
    stated_cols: dict[str, int]
    computed_cols: dict[str, int]
    rows: list[BatchRow]
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


@record(slots=True)
class Summary:
    sheet: str
    targets: Targets | None
    figures: Figures | None
    batches: Batches | None


@record(slots=True)
class LoggedReplacement:
    """A typed value a previous recalc replaced, as logged in 'Kiểm tra'."""

    sheet: str
    cell: str
    old: object
    new: object


@record(frozen=True)
class DamagedCell:
    """A cell whose XML no spreadsheet program reads as it is (see `damage`): where, what kind, what it held."""

    sheet: str
    cell: str
    kind: str      # "number" or "string_ref"
    raw: str


@record(slots=True, eq=False)
class Plan:
    path: str
    format: str                      # "xlsx", "xlsm", "xls", "ods"
    sheet_names: list[str]
    meta: Meta
    summary: Summary
    school_table: Table
    schools: list[School]
    budget_tables: dict[str, Table]          # "budget_new"/"budget_renew" → table
    budget_lines: dict[str, list[BudgetLine]]
    timeline_table: Table
    tasks: list[Task]
    review_sheet: str | None = None
    review_log: list[LoggedReplacement] = field(default_factory=list)
    unreadable_formulas: bool = False        # formula cells with no cached value
    formulas_unknown: frozenset[str] = frozenset()  # sheets whose formulas the format did not let us read
    damaged: list[DamagedCell] = field(default_factory=list)  # cells the file holds broken (read as #REF!)

    def all_budget_lines(self) -> Iterator[BudgetLine]:
        for lines in self.budget_lines.values():
            yield from lines

    def tables(self) -> list[Table]:
        return [self.school_table, *self.budget_tables.values(), self.timeline_table]
