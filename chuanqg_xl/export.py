"""export: the appendices ready to attach to the signed plan.

`export_plan(path, output)` reads a plan, runs the same derivation recalc
uses (`derive.analyse`), refuses while error-level findings remain (unless
`force`), and writes a new workbook with xlsxwriter; the source file is never
touched. `plan_frames(plan)` gives the same tables as pandas DataFrames, and
`--csv` / `--json` write them for data systems.

Choices, so that a reviewer can disagree with them in one place:

* **Values, not formulas.** Every total is written as a number computed by
  `analyse` (the values recalc caches). A submission workbook is an attachment
  to a signed document: it must print the same in Excel, LibreOffice, WPS or a
  viewer that does not calculate, and nobody should edit it — the plan
  workbook stays the working copy.
* **Counts with leading zeros.** Plans write "02 trường" and their tables
  "01", "03", "-" (seed 000). Count cells stay numbers (they add up, and CSV
  and JSON carry integers) with the number format `00;-00;"-"`: 2 shows "02",
  0 shows "-". Row numbers (STT) and levels (Mức độ 1) are plain; the sentence
  under Phụ lục 1 writes "05 trường".
* **Money** uses `#,##0` (Vietnamese Excel shows 44.497) and "-" for zero;
  a non-integral amount keeps up to three decimals. The unit is in the title
  ("ĐVT: triệu đồng", from Thông tin).
* **Only what the plan says.** Columns that are empty in every row (a funding
  source nobody uses, an empty "Ghi chú") are left out, and so are the tool's
  helper column ("Số trường nêu tên"), the Kiểm tra sheet and every highlight.
  The CSV/JSON tables keep every column, so their shape never changes.
  Appendices without data (no PL3 lines) are left out unless asked for by
  `only`.
* **Budget appendices are grouped by school**: a school row (I, II, …) with its
  subtotal, its items (1, 2, …) below, the grand total at the bottom.
* **Nghị định 30/2020/NĐ-CP**: Times New Roman 13–14 pt; the issuing body top
  left ("ỦY BAN NHÂN DÂN / QUẬN HAI BÀ TRƯNG"; when the plan number shows
  another issuer, e.g. 12/KH-PGDĐT, the UBND line above the advising body),
  the national title and motto top right, each with a short rule below; A4
  landscape, margins top/bottom 20 mm, left 30 mm, right 15 mm; fit to page
  width (Tổng hợp, three short tables, to one page); the table header
  repeated on every page. Page numbers follow the
  decree (Phụ lục I, mục 8): centred in the top margin and not on the first
  page; numbering restarts for each appendix.
* **Timeline chart**: a sheet with one row per task and one column per month
  of the plan year (widened when tasks fall outside it); the months of each
  task are filled. They come from "Thời gian" (Tháng 5,6/2023 → May–June,
  Quý II/2024 → April–June, Từ tháng 3 đến tháng 5 → March–May, Cả năm /
  Thường xuyên → the whole year) extended to "Hạn hoàn thành".
* **CSV/JSON** neutralise spreadsheet-formula injection (OWASP): a text value
  starting with =, +, -, @, TAB, CR, LF or NUL gets a leading apostrophe;
  numbers stay numbers. CSV is UTF-8 with BOM (Excel then reads the
  diacritics), non-numeric fields quoted; JSON is written with allow_nan=False.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import layout as L
from .derive import Facts, analyse, sheet_number, tidy
from .errors import PlanError
from .files import atomic_write, mark_own_output, needs_backup, refuse_output_among_inputs, resolve_target
from .messages import text
from .model import BudgetLine, Plan, School, Task
from .normalize import clean_text, fold
from .office import convert, find_soffice
from .report import Finding, json_value
from .template import XLSX_OPTIONS, write_value

if TYPE_CHECKING:
    import pandas

# The appendices, in the order they are written (and the names --only takes).
OUTPUT_KIND = "export"   # marks the workbooks export writes (files.mark_own_output)
PARTS = ("pl1", "pl2", "pl3", "tien-do", "tong-hop")
# The machine-readable tables of each appendix (CSV file names, JSON keys, plan_frames keys).
PART_TABLES: dict[str, tuple[str, ...]] = {
    "pl1": ("pl1",), "pl2": ("pl2",), "pl3": ("pl3",), "tien-do": ("tien-do",),
    "tong-hop": ("tong-hop", "chi-so", "dot-quy"),
}
BUDGET_PARTS = {"pl2": "budget_new", "pl3": "budget_renew"}

FONT = "Times New Roman"
HEAD_SIZE = 13          # issuing body, national title, table text
TITLE_SIZE = 14
MOTTO_SIZE = 13
# "_ " keeps a space's width after the number, off the cell's right border.
MONEY_FORMAT = '#,##0_ ;-#,##0_ ;"-"_ '
MONEY_DECIMAL_FORMAT = '#,##0.0##_ ;-#,##0.0##_ ;"-"_ '
COUNT_FORMAT = '00;-00;"-"'
PLAIN_FORMAT = "0"
RATE_FORMAT = L.RATE_FORMAT
DATE_FORMAT = L.DATE_FORMAT
SPAN_FILL = "#4472C4"   # prints as a mid grey on a black-and-white printer
HEADER_FILL = "#F2F2F2"
RULE = "\u2500"         # the short line under the issuing body and the motto
# Page margins in inches (Nghị định 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
MARGINS = {"top": 20 / 25.4, "bottom": 20 / 25.4, "left": 30 / 25.4, "right": 15 / 25.4}
HEADER_MARGIN = 10 / 25.4
PAGE_NUMBER = f'&C&"{FONT},Regular"&{HEAD_SIZE}&P'
PDF_TIMEOUT_SECONDS = 180
MAX_LISTED_ERRORS = 8
INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


# ---------------------------------------------------------------- result

@dataclass
class ExportResult:
    output: Path
    sheets: list[str]                      # sheet names written, in order
    parts: list[str]                       # appendix keys written
    skipped: list[str]                     # appendix keys left out because they hold no data
    findings: list[Finding]                # findings that remain after recalculation (every severity)
    forced: bool = False
    pdf: Path | None = None
    csv_files: list[Path] = field(default_factory=list)
    json_path: Path | None = None
    backup: Path | None = None                 # the replaced workbook, when it was not an earlier export

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]


# ---------------------------------------------------------------- tables

@dataclass(frozen=True)
class Field:
    """A column of an exported table."""

    key: str
    header: str
    kind: str = "text"      # text, center, money, count, plain, date, rate
    width: float = 14
    keep: bool = False      # written even when empty in every row


@dataclass
class ExportTable:
    key: str
    title: str
    fields: list[Field]
    rows: list[dict[str, object]]


def _h(key: str) -> str:
    return text(key, "vi")


def _column_field(column: L.Column, kind: str | None = None, width: float | None = None,
                  keep: bool = False) -> Field:
    default = {"number": "money", "count": "count", "date": "date", "choice": "center"}.get(column.type, "text")
    return Field(column.key, column.header, kind or default, width or column.width, keep)


def _raw_value(value: object) -> object:
    """A cell as the appendix shows it: numbers and dates as they are, text cleaned, nothing for empty."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (int, dt.date)):
        return value
    cleaned = clean_text(value)
    return cleaned or None


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    try:
        value = tidy(float(value))
    except OverflowError:  # an integer beyond the float range: no spreadsheet number can hold it
        return None
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value


class _Values:
    """Derived values by cell, and fallbacks where the source lacks a derived column."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.by_cell = {(item.sheet, item.row, item.col): item.value for item in facts.derived}

    def at(self, sheet: str, row: int, col: int | None) -> float | None:
        if not col:
            return None
        return self.by_cell.get((sheet, row, col))

    def line_total(self, line: BudgetLine) -> float:
        value = self.at(line.table.sheet, line.row, line.table.col("total"))
        if value is not None:
            return value
        return tidy(sum(sheet_number(line.raw(key)) for key in L.SOURCE_KEYS))

    def school_budget(self, plan: Plan, school: School) -> float:
        value = self.at(plan.school_table.sheet, school.row, plan.school_table.col("budget"))
        if value is not None:
            return value
        return tidy(sum(self.line_total(line) for line in self.facts.lines_for(school)))


def _choice(parsed: object, raw: object) -> object:
    """The canonical word for a choice column, or what was typed when it is not one."""
    return parsed if parsed not in (None, "") else _raw_value(raw)


def _schools_table(plan: Plan, values: _Values) -> ExportTable:
    spec = L.SCHOOLS
    fields = []
    for column in spec.columns:
        if column.key == "stt":
            fields.append(Field("stt", column.header, "plain", 6, keep=True))
        elif column.key in ("name", "kind"):
            fields.append(_column_field(column, keep=True))
        elif column.key in ("standard_level", "accreditation_level"):
            fields.append(_column_field(column, "plain", 10))
        elif column.key == "budget":
            fields.append(_column_field(column, "money", keep=True))
        else:
            fields.append(_column_field(column))
    rows = []
    for number, school in enumerate(plan.schools, start=1):
        rows.append({
            "stt": number,
            "name": school.name or _raw_value(school.raw("name")),
            "level": _choice(school.level, school.raw("level")),
            "commune": school.commune or None,
            "kind": _choice(school.kind, school.raw("kind")),
            "standard_level": _choice(school.standard_level, school.raw("standard_level")),
            "accreditation_level": _choice(school.accreditation_level, school.raw("accreditation_level")),
            "timing": school.timing or None,
            "pre_invested": school.pre_invested or None,
            "budget": _number(values.school_budget(plan, school)),
            "note": school.note or None,
        })
    title = text("export.doc.year_suffix", "vi", title=_h("export.doc.title_pl1"), year=_year_text(plan))
    return ExportTable("pl1", title, fields, rows)


def _budget_table(plan: Plan, values: _Values, part: str) -> ExportTable:
    key = BUDGET_PARTS[part]
    spec = L.BUDGET_NEW if key == "budget_new" else L.BUDGET_RENEW
    fields = [
        Field("school", spec.column("name").header, "text", 30, keep=True),
        Field("item", spec.column("item").header, "text", 34, keep=True),
        *(_column_field(column) for column in L.SOURCES),
        Field("total", spec.column("total").header, "money", 14, keep=True),
        _column_field(L.NOTE),
    ]
    rows = []
    matches = values.facts.line_matches.get(key, [])
    for index, line in enumerate(plan.budget_lines.get(key, [])):
        match = matches[index] if index < len(matches) else None
        school = match.school if match is not None else None
        row: dict[str, object] = {
            "school": (school.name if school is not None else None) or line.school or _raw_value(line.raw("name")),
            "item": line.item or _raw_value(line.raw("item")),
        }
        for source in L.SOURCE_KEYS:
            row[source] = _raw_value(line.raw(source))
        row["total"] = _number(values.line_total(line))
        row["note"] = line.note or None
        rows.append(row)
    title = text("export.doc.year_suffix", "vi", title=spec.title, year=_year_text(plan))
    return ExportTable(part, title, fields, rows)


# Narrower than the working workbook's columns: the printed table must fit A4 landscape at a readable scale.
_TIMELINE_WIDTHS = {"time": 14, "task": 48, "lead": 18, "partners": 20, "schools": 24, "school_count": 9,
                    "deadline": 12, "status": 13, "done_date": 12, "note": 20}
_TIMELINE_KINDS = {"time": "center", "school_count": "count", "status": "center"}


def _timeline_table(plan: Plan) -> ExportTable:
    fields = []
    for column in L.TIMELINE.columns:
        if column.derived:
            continue   # "Số trường nêu tên" is the tool's cross-check, not part of the plan
        fields.append(_column_field(column, _TIMELINE_KINDS.get(column.key), _TIMELINE_WIDTHS.get(column.key),
                                    keep=column.key == "task"))
    rows = []
    for task in plan.tasks:
        rows.append({
            "time": task.time or None,
            "task": task.task or _raw_value(task.raw("task")),
            "lead": task.lead or None,
            "partners": task.partners or None,
            "schools": task.schools_text or None,
            "school_count": task.school_count if task.school_count is not None else _raw_value(
                task.raw("school_count")),
            "deadline": task.deadline if task.deadline is not None else _raw_value(task.raw("deadline")),
            "status": _choice(task.status, task.raw("status")),
            "done_date": task.done_date if task.done_date is not None else _raw_value(task.raw("done_date")),
            "note": task.note or None,
        })
    return ExportTable("tien-do", L.TIMELINE.title, fields, rows)


_TARGET_WHICH = (("assigned", L.TARGET_ASSIGNED), ("planned", L.TARGET_PLANNED))


def _summary_tables(plan: Plan, values: _Values) -> list[ExportTable]:
    summary = plan.summary
    kinds = [*L.TARGET_KINDS, ("total", L.TARGET_TOTAL_GROUP)]
    fields = [Field("level", L.TARGET_LABEL, "text", 22, keep=True)]
    for kind, label in kinds:
        for which, which_label in _TARGET_WHICH:
            fields.append(Field(f"{kind}_{which}", f"{label} - {which_label}", "count", 11))
    targets_rows = []
    targets = summary.targets
    if targets is not None:
        for level in [*L.LEVELS.values, "total"]:
            target = targets.rows.get(level)
            if target is None:
                continue
            row: dict[str, object] = {"level": L.TOTAL_LABEL if level == "total" else level}
            for kind, _ in kinds:
                for which, _ in _TARGET_WHICH:
                    col = targets.columns.get((kind, which))
                    value = values.at(targets.sheet, target.row, col)
                    if value is None and which == "assigned" and kind != "total" and level != "total":
                        value = target.assigned.get(kind)
                    row[f"{kind}_{which}"] = _number(value)
            targets_rows.append(row)
    title = text("export.doc.year_suffix", "vi", title=_h("export.doc.summary_title"), year=_year_text(plan))
    tables = [ExportTable("tong-hop", title, fields, targets_rows)]

    money_unit = _money_unit(plan)
    figure_fields = [
        Field("key", "key", "text", 10, keep=True),
        Field("label", _h("export.doc.figure"), "text", 50, keep=True),
        Field("unit", _h("export.doc.figure_unit"), "center", 12, keep=True),
        Field("stated", L.FIGURES_HEADERS[1], "plain", 14),
        Field("computed", L.FIGURES_HEADERS[2], "plain", 14),
    ]
    figure_rows = []
    figures = summary.figures
    if figures is not None:
        for figure in L.FIGURES:
            found = figures.rows.get(figure.key)
            if found is None:
                continue
            unit = {"percent": _h("export.doc.percent_unit"), "number": money_unit}.get(
                figure.type, _h("export.doc.schools_unit"))
            figure_rows.append({"key": figure.key, "label": figure.label, "unit": unit, "type": figure.type,
                                "stated": _number(found.stated),
                                "computed": _number(values.at(figures.sheet, found.row, figures.computed_col))})
    tables.append(ExportTable("chi-so", _h("export.doc.section_figures"), figure_fields, figure_rows))

    batch_fields = [Field("label", L.BATCH_LABEL, "text", 22, keep=True)]
    for key, label in L.BATCH_COLUMNS:
        batch_fields.append(Field(key, label, "count", 14))
    for key, label in L.BATCH_COLUMNS:
        batch_fields.append(Field(f"stated_{key}", f"{L.BATCH_STATED_GROUP} - {label}", "count", 14))
    batch_rows = []
    batches = summary.batches
    if batches is not None:
        for batch in batches.rows:
            row = {"label": batch.label}
            for key, _ in L.BATCH_COLUMNS:
                row[key] = _number(values.at(batches.sheet, batch.row, batches.computed_cols.get(key)))
            for key, _ in L.BATCH_COLUMNS:
                row[f"stated_{key}"] = _number(batch.stated.get(key))
            batch_rows.append(row)
    tables.append(ExportTable("dot-quy", _h("export.doc.section_batches"), batch_fields, batch_rows))
    return tables


def export_tables(plan: Plan, facts: Facts | None = None) -> dict[str, ExportTable]:
    """Every table the appendices show, keyed like `PART_TABLES` values."""
    facts = facts or analyse(plan)
    values = _Values(facts)
    tables = {"pl1": _schools_table(plan, values)}
    for part in BUDGET_PARTS:
        tables[part] = _budget_table(plan, values, part)
    tables["tien-do"] = _timeline_table(plan)
    for table in _summary_tables(plan, values):
        tables[table.key] = table
    return tables


def plan_frames(plan: Plan, facts: Facts | None = None) -> dict[str, pandas.DataFrame]:
    """The plan's tables as DataFrames: pl1, pl2, pl3, tien-do, tong-hop (targets), chi-so (figures), dot-quy.

    Columns are the layout's keys (`name`, `kind`, `province`…); `frame.attrs`
    holds the title and the Vietnamese header of each column. Derived values
    (line totals, each school's budget, planned counts) are the recalculated
    ones; budget tables are flat (one row per line, the school's PL1 spelling).
    """
    import pandas as pd

    frames = {}
    for key, table in export_tables(plan, facts).items():
        columns = [item.key for item in table.fields]
        frame = pd.DataFrame([[row.get(column) for column in columns] for row in table.rows], columns=columns,
                             dtype=object)
        frame.attrs["title"] = table.title
        frame.attrs["headers"] = {item.key: item.header for item in table.fields}
        frames[key] = frame
    return frames


# ---------------------------------------------------------------- timeline months

_MONTH_EXPR = re.compile(
    r"thang\s*(\d{1,2})((?:\s*(?:,|;|va|-|–|den|toi)\s*(?:thang\s*)?\d{1,2}(?!\d|\s*/\s*\d{1,2}/))*)"
    r"(?:\s*(?:/|-|nam)\s*(\d{4}))?")
_QUARTER_EXPR = re.compile(r"quy\s*([ivx]+|\d)\b((?:\s*(?:,|va|-|–|den)\s*(?:quy\s*)?(?:[ivx]+|\d)\b)*)"
                           r"(?:\s*(?:/|-|nam)\s*(\d{4}))?")
_DATE_EXPR = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_NUMBER = re.compile(r"\b(?:[ivx]+|\d{1,2})\b")
_RANGE_WORDS = re.compile(r"(?:-|–|\bden\b|\btoi\b)")
_WHOLE_YEAR = ("ca nam", "thuong xuyen", "hang thang", "trong nam", "hang quy")
_HALVES = (("6 thang dau nam", (1, 6)), ("6 thang cuoi nam", (7, 12)))
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _plain_lower(value: object) -> str:
    """Lower case without diacritics, punctuation kept (fold drops commas and dashes, which matter here)."""
    cleaned = clean_text(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", cleaned)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _months_in(listing: str, first: int) -> tuple[list[int], bool]:
    """The numbers of '5,6' / '3 đến 5' after the first; and whether they form a range."""
    numbers = [first]
    for token in _NUMBER.findall(listing):
        numbers.append(_ROMAN.get(token, None) if not token.isdigit() else int(token))
    return [n for n in numbers if n is not None], bool(_RANGE_WORDS.search(listing))


def _ordinal(month: tuple[int, int]) -> int:
    return month[0] * 12 + month[1] - 1


def _from_ordinal(value: int) -> tuple[int, int]:
    return value // 12, value % 12 + 1


def time_months(value: object, year: int | None) -> list[tuple[int, int]]:
    """(year, month) pairs a 'Thời gian' text covers; [] when it names no month.

    'Tháng 5,6/2023' → May and June; 'Từ tháng 3 đến tháng 5/2024' → March to
    May; 'Quý II/2024' → April to June; 'Cả năm' → the whole year; a date
    ('Trước 31/01/2024') → its month.
    """
    key = _plain_lower(value)
    if not key:
        return []
    # A year the text states wins over the plan's ("Tháng 3 - 5 (2024)" in a 2023 plan).
    stated_years = [int(found) for found in re.findall(r"\b(20\d{2})\b", key)]
    default_year = stated_years[-1] if stated_years else year
    points: list[int] = []
    for match in _MONTH_EXPR.finditer(key):
        found_year = int(match.group(3)) if match.group(3) else default_year
        if found_year is None:
            continue
        numbers, is_range = _months_in(match.group(2) or "", int(match.group(1)))
        numbers = [n for n in numbers if 1 <= n <= 12]
        if is_range and numbers:
            points.extend(range(_ordinal((found_year, min(numbers))), _ordinal((found_year, max(numbers))) + 1))
        else:
            points.extend(_ordinal((found_year, n)) for n in numbers)
    for match in _QUARTER_EXPR.finditer(key):
        found_year = int(match.group(3)) if match.group(3) else default_year
        first = _ROMAN.get(match.group(1)) if not match.group(1).isdigit() else int(match.group(1))
        if found_year is None or first is None:
            continue
        quarters, _ = _months_in(match.group(2) or "", first)
        quarters = [q for q in quarters if 1 <= q <= 4]
        for quarter in range(min(quarters), max(quarters) + 1) if quarters else ():
            points.extend(range(_ordinal((found_year, 3 * quarter - 2)), _ordinal((found_year, 3 * quarter)) + 1))
    for match in _DATE_EXPR.finditer(key):
        month, found_year = int(match.group(2)), int(match.group(3))
        if 1 <= month <= 12:
            points.append(_ordinal((found_year, month)))
    if not points and default_year is not None:
        for phrase, (first, last) in _HALVES:
            if phrase in key:
                points.extend(range(_ordinal((default_year, first)), _ordinal((default_year, last)) + 1))
        if not points and any(phrase in key for phrase in _WHOLE_YEAR):
            points.extend(range(_ordinal((default_year, 1)), _ordinal((default_year, 12)) + 1))
    if not points:
        return []
    # Two month expressions joined by "đến" / "-" ("Tháng 11/2023 - Tháng 1/2024") make one range.
    if len(_MONTH_EXPR.findall(key)) > 1 and re.search(r"\d\s*(?:/\s*\d{4})?\s*(?:-|–|den|toi)\s*thang", key):
        points = list(range(min(points), max(points) + 1))
    return [_from_ordinal(point) for point in sorted(set(points))]


def task_months(task: Task, year: int | None) -> list[tuple[int, int]]:
    """The months a task spans: its 'Thời gian', extended to its 'Hạn hoàn thành'."""
    months = [_ordinal(month) for month in time_months(task.time, year)]
    deadline = task.deadline
    if isinstance(deadline, dt.date):
        end = _ordinal((deadline.year, deadline.month))
        if not months:
            months = [end]
        elif end > max(months):
            months.extend(range(max(months) + 1, end + 1))
        elif end not in months and end < min(months):
            months.append(end)
    return [_from_ordinal(month) for month in sorted(set(months))]


# ---------------------------------------------------------------- document head

def _year_text(plan: Plan) -> str:
    return str(plan.meta.year) if plan.meta.year else "…"


def _money_unit(plan: Plan) -> str:
    return clean_text(plan.meta.get("money_unit") or "") or "triệu đồng"


_UBND_PREFIXES = ("ubnd ", "uy ban nhan dan ")


def _unit_parts(unit: str) -> tuple[bool, str]:
    """(is a People's Committee, the rest): 'UBND quận Hai Bà Trưng' → (True, 'quận Hai Bà Trưng')."""
    key = fold(unit)
    for prefix in _UBND_PREFIXES:
        if key.startswith(prefix):
            words = len(prefix.split())
            return True, " ".join(unit.split()[words:])
    return False, unit


def _issuer_code(number: str) -> str:
    """'38/KH-UBND' → 'ubnd'; '' when the number does not say."""
    match = re.search(r"/\s*[A-Za-zĐđ]+\s*-\s*(.+)$", number)
    return fold(match.group(1)).replace(" ", "") if match else ""


@dataclass
class _Head:
    left: list[tuple[str, bool]]     # lines of the issuing body, bold or not
    attached: str                    # "(Kèm theo Kế hoạch số … ngày … của …)"


def _document_head(plan: Plan) -> _Head:
    unit = clean_text(plan.meta.unit)
    advisor = clean_text(plan.meta.get("advisor") or "")
    number = clean_text(plan.meta.get("number") or "")
    is_ubnd, rest = _unit_parts(unit)
    code = _issuer_code(number)
    by_advisor = bool(code) and code != "ubnd" and bool(advisor)
    if by_advisor:
        governing = (f"{_h('export.doc.ubnd_short')} {rest}" if is_ubnd else unit).upper()
        left = [(governing, False), (advisor.upper(), True)] if governing else [(advisor.upper(), True)]
        issuer = advisor
    elif is_ubnd and rest:
        left = [(_h("export.doc.ubnd"), True), (rest.upper(), True)]
        issuer = unit
    else:
        left = [(unit.upper(), True)] if unit else [("…", True)]
        issuer = unit
    if not number:
        number = _h("export.doc.default_number")
    elif "/" not in number:
        number = f"{number}/KH-UBND"
    date = plan.meta.get("date")
    year = _year_text(plan)
    if isinstance(date, dt.date):
        # Nghị định 30: a zero before days below 10 and before months 1 and 2 ("ngày 05 tháng 02", "tháng 3").
        month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
        day_text = text("export.doc.date", "vi", day=f"{date.day:02d}", month=month, year=date.year)
    else:
        day_text = text("export.doc.date", "vi", day="…", month="…", year=year)
    attached = text("export.doc.attached", "vi", number=number, date=day_text, issuer=issuer or "…")
    return _Head(left, attached)


# ---------------------------------------------------------------- xlsx writing

class _Formats:
    """xlsxwriter formats made once per distinct property set."""

    def __init__(self, workbook) -> None:
        self.workbook = workbook
        self.cache: dict[tuple, object] = {}

    def get(self, **props: object):
        key = tuple(sorted(props.items()))
        found = self.cache.get(key)
        if found is None:
            found = self.workbook.add_format({"font_name": FONT, "font_size": HEAD_SIZE, **props})
            self.cache[key] = found
        return found

    def cell(self, kind: str, *, bold: bool = False, decimals: bool = False):
        props: dict[str, object] = {"border": 1, "valign": "vcenter", "text_wrap": True}
        if bold:
            props["bold"] = True
        if kind == "money":
            props.update(num_format=MONEY_DECIMAL_FORMAT if decimals else MONEY_FORMAT, align="right")
        elif kind == "count":
            props.update(num_format=COUNT_FORMAT, align="center")
        elif kind == "plain":
            props.update(num_format=PLAIN_FORMAT, align="center")
        elif kind == "date":
            props.update(num_format=DATE_FORMAT, align="center")
        elif kind == "rate":
            props.update(num_format=RATE_FORMAT, align="center")
        elif kind == "center":
            props["align"] = "center"
        else:
            props.update(align="left", indent=1)
        return self.get(**props)


def _text_lines(value: str, width: float, bold: bool = False, size: float = HEAD_SIZE) -> int:
    """How many lines a wrapped text takes in a column `width` characters wide (an estimate)."""
    if not value:
        return 1
    # A width unit is one digit of the default 11 pt font; Vietnamese text in Times New Roman (measured with
    # its metric twin Liberation Serif) fits ~1.3 characters per unit at 11 pt, bold ~1.15. Minus the indent.
    per_line = max(int(width * 11 / size * (1.15 if bold else 1.28)) - 1, 4)
    lines = 0
    for paragraph in value.split("\n"):
        words = paragraph.split(" ")
        current = 0
        count = 1
        for word in words:
            extra = len(word) + (1 if current else 0)
            if current and current + extra > per_line:
                count += 1
                current = len(word)
            else:
                current += extra
            while current > per_line:   # a word longer than the line breaks anywhere
                count += 1
                current -= per_line
        lines += count
    return lines


def _line_height(size: float = HEAD_SIZE) -> float:
    return size * 1.25


ROW_PADDING = 4.0   # points around the text of a table row


class _SheetWriter:
    """One appendix sheet: the decree's head, a table, print settings."""

    def __init__(self, workbook, fmt: _Formats, name: str, widths: list[float]) -> None:
        self.sheet = workbook.add_worksheet(name)
        self.fmt = fmt
        self.widths = widths
        self.last_col = len(widths) - 1
        self.row = 0
        for col, width in enumerate(widths):
            self.sheet.set_column(col, col, width)

    def span_width(self, first: int, last: int) -> float:
        return sum(self.widths[first:last + 1])

    def merged(self, row: int, first: int, last: int, value: object, fmt) -> None:
        if first == last:
            write_value(self.sheet, row, first, value, fmt)
        else:
            self.sheet.merge_range(row, first, row, last, value, fmt)

    def head(self, head: _Head, titles: list[str]) -> None:
        """Issuing body | national title, the rules under them, then the centred titles."""
        total = self.span_width(0, self.last_col)
        split, running = 0, 0.0
        for col, width in enumerate(self.widths[:-1]):
            running += width
            split = col
            if running >= total * 0.38:
                break
        left_width = self.span_width(0, split)
        right_first = split + 1
        right_width = self.span_width(right_first, self.last_col)
        right = [(_h("export.doc.nation"), HEAD_SIZE), (_h("export.doc.motto"), MOTTO_SIZE)]
        lines = max(len(head.left), len(right))
        for index in range(lines):
            height = 0.0
            if index < len(head.left):
                value, bold = head.left[index]
                fmt = self.fmt.get(bold=bold, align="center", valign="vcenter", text_wrap=True)
                self.merged(self.row, 0, split, value, fmt)
                height = max(height, _text_lines(value, left_width, bold) * _line_height())
            if index < len(right):
                value, size = right[index]
                fmt = self.fmt.get(bold=True, align="center", valign="vcenter", font_size=size)
                self.merged(self.row, right_first, self.last_col, value, fmt)
                height = max(height, _text_lines(value, right_width, True, size) * _line_height(size))
            self.sheet.set_row(self.row, max(height, _line_height()))
            self.row += 1
        # Short rules: a third of the body's name, the motto's full length (Nghị định 30, Phụ lục I).
        rule_fmt = self.fmt.get(align="center", valign="top", font_size=9)
        left_text = max((value for value, _ in head.left), key=len)
        self.merged(self.row, 0, split, RULE * max(6, round(len(left_text) * 0.45)), rule_fmt)
        self.merged(self.row, right_first, self.last_col, RULE * 24, rule_fmt)
        self.sheet.set_row(self.row, 12)
        self.row += 2
        for title in titles:
            fmt = self.fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, font_size=TITLE_SIZE)
            self.merged(self.row, 0, self.last_col, title, fmt)
            self.sheet.set_row(self.row, _text_lines(title, total, True, TITLE_SIZE) * _line_height(TITLE_SIZE))
            self.row += 1
        fmt = self.fmt.get(italic=True, align="center", valign="vcenter", text_wrap=True)
        self.merged(self.row, 0, self.last_col, head.attached, fmt)
        self.sheet.set_row(self.row, _text_lines(head.attached, total) * _line_height())
        self.row += 2

    def unit_line(self, unit: str) -> None:
        fmt = self.fmt.get(italic=True, align="right", valign="vcenter")
        self.merged(self.row, 0, self.last_col, text("export.doc.unit", "vi", unit=unit), fmt)
        self.row += 1

    def header(self, fields: list[Field], groups: dict[str, str] | None = None) -> tuple[int, int]:
        """Column headers; fields sharing a group label get a merged header above. Returns the rows used."""
        groups = groups or {}
        fmt = self.fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1,
                           bg_color=HEADER_FILL)
        top = self.row
        two_rows = bool(groups)
        col = 0
        group_lines, sub_lines, whole_lines = 1, 1, 1
        while col < len(fields):
            item = fields[col]
            group = groups.get(item.key)
            if group is None:
                if two_rows:
                    self.sheet.merge_range(top, col, top + 1, col, item.header, fmt)
                else:
                    write_value(self.sheet, top, col, item.header, fmt)
                whole_lines = max(whole_lines, _text_lines(item.header, item.width, True))
                col += 1
                continue
            last = col
            while last + 1 < len(fields) and groups.get(fields[last + 1].key) == group:
                last += 1
            self.merged(top, col, last, group, fmt)
            group_lines = max(group_lines, _text_lines(group, self.span_width(col, last), True))
            for inner in range(col, last + 1):
                write_value(self.sheet, top + 1, inner, fields[inner].header, fmt)
                sub_lines = max(sub_lines, _text_lines(fields[inner].header, fields[inner].width, True))
            col = last + 1
        if two_rows:
            # The merged headers share both rows: the lower row takes whatever they need beyond the group's.
            sub_lines = max(sub_lines, whole_lines - group_lines)
            self.sheet.set_row(top, group_lines * _line_height() + ROW_PADDING)
            self.sheet.set_row(top + 1, sub_lines * _line_height() + ROW_PADDING)
        else:
            self.sheet.set_row(top, whole_lines * _line_height() + ROW_PADDING)
        self.row = top + (2 if two_rows else 1)
        return top, self.row - 1

    def body_row(self, fields: list[Field], values: dict[str, object], *, bold: bool = False,
                 kinds: dict[str, str] | None = None) -> None:
        lines = 1
        for col, item in enumerate(fields):
            value = values.get(item.key)
            kind = (kinds or {}).get(item.key, item.kind)
            if isinstance(value, str) and kind in ("money", "count", "plain", "rate", "date"):
                kind = "center" if kind != "money" else "text"   # text typed in a number column stays visible
            decimals = isinstance(value, float) and not value.is_integer()
            write_value(self.sheet, self.row, col, value, self.fmt.cell(kind, bold=bold, decimals=decimals))
            if isinstance(value, str):
                lines = max(lines, _text_lines(value, item.width, bold))
        # Explicit heights: LibreOffice does not grow an xlsx row for wrapped text, Excel not always.
        self.sheet.set_row(self.row, lines * _line_height() + ROW_PADDING)
        self.row += 1

    def note_line(self, value: str) -> None:
        fmt = self.fmt.get(italic=True, align="left", valign="vcenter", text_wrap=True)
        self.merged(self.row, 0, self.last_col, value, fmt)
        lines = _text_lines(value, self.span_width(0, self.last_col))
        self.sheet.set_row(self.row, lines * _line_height() + ROW_PADDING)
        self.row += 1

    def print_setup(self, header_rows: tuple[int, int] | None, one_page: bool = False) -> None:
        sheet = self.sheet
        sheet.set_paper(9)   # A4
        sheet.set_landscape()
        sheet.fit_to_pages(1, 1 if one_page else 0)
        sheet.set_margins(**MARGINS)
        sheet.set_header(PAGE_NUMBER, {"margin": HEADER_MARGIN})
        sheet.set_start_page(1)   # each appendix numbers its own pages
        sheet.center_horizontally()
        sheet.hide_gridlines(2)
        if header_rows is not None:
            sheet.repeat_rows(header_rows[0], header_rows[1])
            sheet.freeze_panes(header_rows[1] + 1, 0)


def _kept_fields(table: ExportTable) -> list[Field]:
    """The columns worth printing: those always shown, and those some row fills."""
    return [item for item in table.fields
            if item.keep or any(row.get(item.key) not in (None, "") for row in table.rows)]


def _write_schools(workbook, fmt: _Formats, plan: Plan, head: _Head, table: ExportTable) -> str:
    fields = _kept_fields(table)
    if not any(plan.budget_lines.values()):
        # A plan without budget appendices: a column of zeros would only say "not funded" wrongly.
        fields = [item for item in fields if item.key != "budget"]
    name = _h("export.sheet.pl1")
    writer = _SheetWriter(workbook, fmt, name, [item.width for item in fields])
    writer.head(head, [text("export.doc.appendix", "vi", number=1), table.title])
    if any(item.key == "budget" for item in fields):
        writer.unit_line(_money_unit(plan))
    header = writer.header(fields)
    for row in table.rows:
        writer.body_row(fields, row)
    if any(item.key == "budget" for item in fields):
        total = {"name": _h("export.doc.total"),
                 "budget": _number(sum(row["budget"] or 0 for row in table.rows))}
        writer.body_row(fields, total, bold=True, kinds={"name": "center"})
    counts: dict[str, int] = {}
    for school in plan.schools:
        if school.kind:
            counts[school.kind] = counts.get(school.kind, 0) + 1
    parts = ", ".join(text("export.doc.list_part", "vi", count=f"{count:02d}", kind=kind.lower())
                      for kind, count in counts.items())
    if table.rows:
        # Right under the table, no spacer row: the sentence seldom then lands alone on a page of its own.
        count = f"{len(table.rows):02d}"
        writer.note_line(text("export.doc.list_count", "vi", count=count, parts=parts) if parts
                         else text("export.doc.list_count_only", "vi", count=count))
    writer.print_setup(header)
    return name


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out += numeral
            number -= value
    return out


def budget_groups(table: ExportTable) -> list[tuple[str, list[dict[str, object]]]]:
    """Lines grouped by school, schools in order of first appearance."""
    groups: dict[str, tuple[str, list[dict[str, object]]]] = {}
    for row in table.rows:
        school = str(row.get("school") or "")
        groups.setdefault(fold(school), (school, []))[1].append(row)
    return list(groups.values())


def _sum_money(rows: list[dict[str, object]], key: str) -> int | float | None:
    """A column's sum as a spreadsheet adds it (text is not added); None when no row holds a number."""
    numbers = [row[key] for row in rows if isinstance(row.get(key), (int, float))]
    return _number(sum(numbers)) if numbers else None


def _write_budget(workbook, fmt: _Formats, plan: Plan, head: _Head, table: ExportTable, number: int) -> str:
    sources = {column.key for column in L.SOURCES}
    kept = _kept_fields(table)
    label = Field("label", _h("export.doc.school_item"), "text", 40, keep=True)
    total = Field("total", _h("export.doc.total_money"), "money", 14, keep=True)
    fields = [Field("stt", _h("export.doc.stt"), "center", 6, keep=True), label, total,
              *(item for item in kept if item.key in sources),
              *(item for item in kept if item.key == "note")]
    if not any(item.key in sources for item in fields):
        fields[3:3] = [item for item in table.fields if item.key in sources]   # an empty appendix still shows them
    source_fields = [item for item in fields if item.key in sources]
    groups = {item.key: _h("export.doc.sources") for item in source_fields} if len(source_fields) > 1 else {}
    name = _h(f"export.sheet.{table.key}")
    writer = _SheetWriter(workbook, fmt, name, [item.width for item in fields])
    writer.head(head, [text("export.doc.appendix", "vi", number=number), table.title])
    writer.unit_line(_money_unit(plan))
    header = writer.header(fields, groups)
    money_keys = [item.key for item in fields if item.kind == "money"]
    for index, (school, rows) in enumerate(budget_groups(table), start=1):
        subtotal: dict[str, object] = {"stt": _roman(index), "label": school}
        for key in money_keys:
            subtotal[key] = _sum_money(rows, key)
        writer.body_row(fields, subtotal, bold=True)
        for item_number, row in enumerate(rows, start=1):
            writer.body_row(fields, {**row, "stt": item_number, "label": row.get("item")})
    grand: dict[str, object] = {"label": _h("export.doc.total")}
    for key in money_keys:
        grand[key] = _sum_money(table.rows, key) or 0
    writer.body_row(fields, grand, bold=True, kinds={"label": "center"})
    writer.print_setup(header)
    return name


def _time_groups(rows: list[dict[str, object]]) -> list[tuple[int, int]]:
    """Runs of consecutive tasks with the same 'Thời gian' (written once, merged, as plans print it)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index].get("time") != rows[start].get("time"):
            runs.append((start, index - 1))
            start = index
    return runs


def _write_timeline(workbook, fmt: _Formats, plan: Plan, head: _Head, table: ExportTable) -> str:
    fields = _kept_fields(table)
    name = _h("export.sheet.tien-do")
    writer = _SheetWriter(workbook, fmt, name, [item.width for item in fields])
    subtitle = text("export.doc.timeline_subtitle", "vi", year=_year_text(plan))
    writer.head(head, [table.title, subtitle])
    header = writer.header(fields)
    first = writer.row
    for row in table.rows:
        writer.body_row(fields, row)
    if fields and fields[0].key == "time":
        # Top-aligned: a group that runs over a page break still shows its time where it starts.
        cell = fmt.get(border=1, valign="top", align="center", text_wrap=True)
        for start, end in _time_groups(table.rows):
            if end > start:
                value = table.rows[start].get("time")
                writer.sheet.merge_range(first + start, 0, first + end, 0, "", cell)
                write_value(writer.sheet, first + start, 0, value, cell)
    writer.print_setup(header)
    return name


def _chart_months(plan: Plan, spans: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The grid's months: the plan year, widened to every task month within a year either side."""
    year = plan.meta.year
    if year is None:
        years = sorted(month[0] for span in spans for month in span)
        if not years:
            return []
        year = max(set(years), key=years.count)
    first, last = _ordinal((year, 1)), _ordinal((year, 12))
    for span in spans:
        for month in span:
            value = _ordinal(month)
            if _ordinal((year - 1, 1)) <= value <= _ordinal((year + 1, 12)):
                first, last = min(first, value), max(last, value)
    return [_from_ordinal(value) for value in range(first, last + 1)]


def _write_chart(workbook, fmt: _Formats, plan: Plan, head: _Head) -> str | None:
    spans = [task_months(task, plan.meta.year) for task in plan.tasks]
    months = _chart_months(plan, spans)
    if not months:
        return None
    month_width = 4.6 if len(months) <= 12 else 3.6
    has_lead = any(task.lead for task in plan.tasks)
    fields = [Field("stt", _h("export.doc.stt"), "center", 5), Field("task", L.TIMELINE.column("task").header,
                                                                      "text", 46)]
    if has_lead:
        fields.append(Field("lead", L.TIMELINE.column("lead").header, "text", 16))
    fields.append(Field("time", L.TIMELINE.column("time").header, "center", 13))
    fixed = len(fields)
    widths = [item.width for item in fields] + [month_width] * len(months)
    name = _h("export.sheet.chart")
    writer = _SheetWriter(workbook, fmt, name, widths)
    writer.head(head, [_h("export.doc.chart_title"), text("export.doc.timeline_subtitle", "vi",
                                                          year=_year_text(plan))])
    header_fmt = fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1, bg_color=HEADER_FILL)
    month_fmt = fmt.get(bold=True, align="center", valign="vcenter", border=1, bg_color=HEADER_FILL, font_size=11)
    top = writer.row
    for col, item in enumerate(fields):
        writer.sheet.merge_range(top, col, top + 1, col, item.header, header_fmt)
    col = fixed
    for year in sorted({month[0] for month in months}):
        count = sum(1 for month in months if month[0] == year)
        writer.merged(top, col, col + count - 1, text("export.doc.year", "vi", year=year), header_fmt)
        col += count
    for offset, (_, month) in enumerate(months):
        write_value(writer.sheet, top + 1, fixed + offset, text("export.doc.month", "vi", month=month), month_fmt)
    writer.sheet.set_row(top, _line_height() + 4)
    writer.sheet.set_row(top + 1, _line_height() + 4)
    writer.row = top + 2
    empty = fmt.get(border=1, border_color="#A6A6A6")
    filled = fmt.get(border=1, border_color="#A6A6A6", bg_color=SPAN_FILL, pattern=1)
    index_of = {month: offset for offset, month in enumerate(months)}
    for number, (task, span) in enumerate(zip(plan.tasks, spans), start=1):
        values = {"stt": number, "task": task.task, "lead": task.lead or None, "time": task.time or None}
        writer.body_row(fields, values)
        row = writer.row - 1
        covered = {index_of[month] for month in span if month in index_of}
        for offset in range(len(months)):
            writer.sheet.write_blank(row, fixed + offset, None, filled if offset in covered else empty)
    writer.row += 1
    writer.note_line(_h("export.doc.chart_legend"))
    writer.print_setup((top, top + 1))
    return name


def _write_summary(workbook, fmt: _Formats, plan: Plan, head: _Head, tables: dict[str, ExportTable]) -> str:
    targets, figures, batches = tables["tong-hop"], tables["chi-so"], tables["dot-quy"]
    kinds = [*L.TARGET_KINDS, ("total", L.TARGET_TOTAL_GROUP)]
    # A kind nobody plans (often "Nâng mức độ") is left out; the totals always stay.
    kept_kinds = [(kind, label) for kind, label in kinds
                  if kind == "total" or any(row.get(f"{kind}_{which}") for row in targets.rows
                                            for which, _ in _TARGET_WHICH)]
    has_assigned = any(row.get(f"{kind}_assigned") for row in targets.rows for kind, _ in kept_kinds)
    whiches = [item for item in _TARGET_WHICH if item[0] == "planned" or has_assigned]
    level_rows = [row for row in targets.rows
                  if row["level"] == L.TOTAL_LABEL or any(row.get(f"{kind}_{which}") for kind, _ in kept_kinds
                                                          for which, _ in whiches)]
    target_fields = [Field("level", L.TARGET_LABEL, "text", 30, keep=True)]
    groups: dict[str, str] = {}
    for kind, label in kept_kinds:
        for which, which_label in whiches:
            key = f"{kind}_{which}"
            target_fields.append(Field(key, which_label if len(whiches) > 1 else label, "count", 12))
            if len(whiches) > 1:
                groups[key] = label
    figure_rows = []
    for row in figures.rows:
        value = row["computed"] if row["computed"] is not None else row["stated"]
        if value is None or (row["key"].startswith("source_") and not value):
            continue
        figure_rows.append({"label": row["label"], "unit": row["unit"], "value": value,
                            "kind": {"percent": "rate", "number": "money"}.get(str(row["type"]), "count")})
    batch_fields = [Field(key, label, "count", 14) for key, label in L.BATCH_COLUMNS]
    # One label column, then as many number columns as the widest of the three tables;
    # the figures' labels span every column but the last two (unit, value).
    columns = max(len(target_fields), 1 + len(batch_fields))
    widths = [30.0] + [13.0] * (columns - 1)
    name = _h("export.sheet.tong-hop")
    writer = _SheetWriter(workbook, fmt, name, widths)
    writer.head(head, [targets.title])
    section = fmt.get(bold=True, align="left", valign="vcenter")
    last = writer.last_col

    writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
    write_value(writer.sheet, writer.row, 0, _h("export.doc.section_targets"), section)
    writer.row += 1
    writer.unit_line(_h("export.doc.schools_unit"))
    writer.header(target_fields, groups)
    for row in level_rows:
        is_total = row["level"] == L.TOTAL_LABEL
        # An empty cell in this table means none: plans print "-" there (seed 000), as the count format does for 0.
        shown = {key: (0 if value is None else value) for key, value in row.items()}
        shown["level"] = _h("export.doc.total") if is_total else row["level"]
        writer.body_row(target_fields, shown, bold=is_total, kinds={"level": "center"} if is_total else None)

    if figure_rows:
        writer.row += 1
        writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
        write_value(writer.sheet, writer.row, 0, _h("export.doc.section_figures"), section)
        writer.row += 1
        writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
        label_last = max(last - 2, 0)
        header_fmt = fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1,
                             bg_color=HEADER_FILL)
        writer.merged(writer.row, 0, label_last, _h("export.doc.figure"), header_fmt)
        write_value(writer.sheet, writer.row, label_last + 1, _h("export.doc.figure_unit"), header_fmt)
        writer.merged(writer.row, label_last + 2, last, _h("export.doc.figure_value"), header_fmt)
        writer.row += 1
        for row in figure_rows:
            writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
            label_fmt = fmt.cell("text")
            writer.merged(writer.row, 0, label_last, row["label"], label_fmt)
            write_value(writer.sheet, writer.row, label_last + 1, row["unit"], fmt.cell("center"))
            value = row["value"]
            decimals = isinstance(value, float) and not value.is_integer() and row["kind"] == "money"
            writer.merged(writer.row, label_last + 2, last, value, fmt.cell(row["kind"], decimals=decimals))
            writer.row += 1

    if batches.rows:
        writer.row += 1
        writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
        write_value(writer.sheet, writer.row, 0, _h("export.doc.section_batches"), section)
        writer.row += 1
        fields = [Field("label", L.BATCH_LABEL, "text", 30, keep=True), *batch_fields]
        writer.header(fields)
        for row in batches.rows:
            writer.body_row(fields, row)
    # Three short tables of bounded size (levels, figures, a few batches): one page, nothing to repeat.
    writer.print_setup(None, one_page=True)
    return name


def _mark_first_page_different(data: bytes) -> bytes:
    """Nghị định 30: no page number on the first page. xlsxwriter has no option for it, so the flag is added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet") and info.filename.endswith(".xml"):
                content = content.replace(b"<headerFooter>", b'<headerFooter differentFirst="1">', 1)
            target.writestr(info, content)
    return out.getvalue()


def write_appendices(path: Path, plan: Plan, tables: dict[str, ExportTable], parts: list[str]) -> list[str]:
    """Write the chosen appendices to `path` (a new file); returns the sheet names."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {**XLSX_OPTIONS, "in_memory": True})
    unit = clean_text(plan.meta.unit)
    workbook.set_properties({"title": _h("export.doc.title_pl1"), "author": unit or L.TOOL_AUTHOR,
                             "company": unit, "comments": f"{L.TOOL_AUTHOR} export"})
    mark_own_output(workbook, OUTPUT_KIND)
    fmt = _Formats(workbook)
    head = _document_head(plan)
    names: list[str] = []
    for part in parts:
        if part == "pl1":
            names.append(_write_schools(workbook, fmt, plan, head, tables["pl1"]))
        elif part in BUDGET_PARTS:
            names.append(_write_budget(workbook, fmt, plan, head, tables[part], 2 if part == "pl2" else 3))
        elif part == "tien-do":
            names.append(_write_timeline(workbook, fmt, plan, head, tables["tien-do"]))
            chart = _write_chart(workbook, fmt, plan, head)
            if chart:
                names.append(chart)
        elif part == "tong-hop":
            names.append(_write_summary(workbook, fmt, plan, head, tables))
    workbook.close()
    path.write_bytes(_mark_first_page_different(buffer.getvalue()))
    return names


# ---------------------------------------------------------------- machine-readable tables

def neutralise(value: object) -> object:
    """A value safe to open in a spreadsheet: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(INJECTION_STARTS):
        return "'" + value
    return value


def _plain(value: object) -> object:
    """JSON/CSV value: as in the check report's JSON, with text that would start a formula neutralised."""
    value = json_value(value)
    return neutralise(value) if isinstance(value, str) else value


def _records(table: ExportTable) -> list[dict[str, object]]:
    keys = [item.key for item in table.fields]
    return [{key: _plain(row.get(key)) for key in keys} for row in table.rows]


def write_csv(folder: Path, tables: dict[str, ExportTable], keys: list[str]) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise PlanError("export.csv_not_dir", path=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from .source import os_error_text

        raise PlanError("error.write_failed", path=folder, detail=os_error_text(exc)) from None
    written = []
    for key in keys:
        table = tables[key]
        target = folder / f"{key}.csv"

        def write(tmp: Path, table: ExportTable = table) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)
                writer.writerow([item.key for item in table.fields])
                for record in _records(table):
                    writer.writerow(["" if value is None else value for value in record.values()])

        atomic_write(target, write)
        written.append(target)
    return written


def tables_json(plan: Plan, tables: dict[str, ExportTable], keys: list[str]) -> dict[str, object]:
    meta = {key: _plain(item.value) for key, item in plan.meta.values.items()}
    return {
        "format": "chuanqg-xl-export",
        "version": 1,
        "source": neutralise(Path(plan.path).name),
        "meta": meta,
        "tables": {key: {"title": neutralise(tables[key].title),
                         "columns": [{"key": item.key, "header": neutralise(item.header)}
                                     for item in tables[key].fields],
                         "rows": _records(tables[key])} for key in keys},
    }


def write_json(target: Path, plan: Plan, tables: dict[str, ExportTable], keys: list[str]) -> Path:
    data = json.dumps(tables_json(plan, tables, keys), ensure_ascii=False, indent=2, allow_nan=False)
    atomic_write(target, lambda tmp: tmp.write_text(data + "\n", encoding="utf-8"))
    return target


# ---------------------------------------------------------------- PDF

def render_pdf(workbook: Path, target: Path, soffice: str, timeout: float = PDF_TIMEOUT_SECONDS) -> Path:
    """Convert with LibreOffice into `target` (see `office.convert`)."""
    with tempfile.TemporaryDirectory(prefix="chuanqg-pdf-") as work:
        produced = convert(workbook, "pdf", Path(work), soffice, failed_key="export.pdf_failed",
                           timeout_key="export.pdf_timeout", timeout=timeout)
        atomic_write(target, lambda tmp: shutil.copyfile(produced, tmp))
    return target


# ---------------------------------------------------------------- the whole export

def parse_parts(only: str | Iterable[str] | None) -> list[str] | None:
    """'pl2, pl3' or ['pl2', 'pl3'] → ['pl2', 'pl3'] in appendix order; None for all."""
    if only is None:
        return None
    items = only.split(",") if isinstance(only, str) else list(only)
    chosen = set()
    for item in items:
        key = fold(item).replace(" ", "-")
        if not key:
            continue
        if key not in PARTS:
            raise PlanError("export.unknown_part", name=clean_text(item), choices=", ".join(PARTS))
        chosen.add(key)
    if not chosen:
        raise PlanError("export.no_part", choices=", ".join(PARTS))
    return [part for part in PARTS if part in chosen]


def _has_data(part: str, tables: dict[str, ExportTable]) -> bool:
    if part == "tong-hop":
        return any(tables[key].rows for key in PART_TABLES[part])
    return bool(tables[part].rows)


def _refusal(path: Path, errors: list[Finding], lang: str) -> PlanError:
    lines = [f"  {finding.location()} {finding.code} {finding.message}".rstrip() for finding in
             errors[:MAX_LISTED_ERRORS]]
    if len(errors) > MAX_LISTED_ERRORS:
        lines.append(text("export.more_errors", lang, count=len(errors) - MAX_LISTED_ERRORS))
    error = PlanError("export.refused", path=path, count=len(errors), lines="\n".join(lines))
    error.args = (error.message(lang),)   # the CLI prints str(error): in the language asked for
    return error


def export_plan(path: str | os.PathLike[str], output: str | os.PathLike[str], *,
                only: str | Iterable[str] | None = None, force: bool = False, lang: str = "vi", pdf: bool = False,
                csv_dir: str | os.PathLike[str] | None = None,
                json_path: str | os.PathLike[str] | None = None) -> ExportResult:
    """Write the appendices of the plan at `path` into a new workbook `output` (the source is not changed).

    Raises PlanError when the file is unusable, when error-level findings
    remain after recalculation and `force` is false, or when a PDF is asked
    for and LibreOffice is missing (checked before anything is written).
    """
    from .checks import remaining_after_recalc, run_checks
    from .reader import read_plan

    source = Path(path)
    target = Path(output)
    if target.suffix.lower() != ".xlsx":
        raise PlanError("export.output_not_xlsx", path=target)
    for other in (target, Path(json_path) if json_path else None, target.with_suffix(".pdf") if pdf else None):
        if other is not None:
            refuse_output_among_inputs([source], other, OUTPUT_KIND)
    chosen = parse_parts(only)
    soffice = None
    if pdf:
        soffice = find_soffice()
        if soffice is None:
            raise PlanError("export.no_soffice")

    plan = read_plan(source)
    facts = analyse(plan)
    findings = remaining_after_recalc(run_checks(plan, facts, lang=lang), facts)
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors and not force:
        raise _refusal(source, errors, lang)

    tables = export_tables(plan, facts)
    if chosen is None:
        parts = [part for part in PARTS if _has_data(part, tables)]
        skipped = [part for part in PARTS if part not in parts]
    else:
        parts, skipped = chosen, []
    if not parts:
        raise PlanError("export.nothing", path=source)

    sheets: list[str] = []

    def build(tmp: Path) -> None:
        sheets.extend(write_appendices(tmp, plan, tables, parts))

    backup = atomic_write(target, build, backup=needs_backup(target, OUTPUT_KIND))
    result = ExportResult(resolve_target(target), sheets, parts, skipped, findings, forced=bool(errors),
                          backup=backup)
    keys = [key for part in parts for key in PART_TABLES[part]]
    if csv_dir is not None:
        result.csv_files = write_csv(Path(csv_dir), tables, keys)
    if json_path is not None:
        result.json_path = write_json(Path(json_path), plan, tables, keys)
    if soffice is not None:
        result.pdf = render_pdf(result.output, result.output.with_suffix(".pdf"), soffice)
    return result
