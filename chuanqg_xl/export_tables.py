"""export tables: the plan's appendices as tables of plain values, before any layout.

`export_tables(plan)` gives every table the appendices show (`ExportTable`: a
key, a title, its columns as `Field`s, rows of values keyed by column), the
derived values taken from `derive.analyse` (what recalc caches). The workbook
writer (`export_book`), the CSV/JSON writer (`export_data`), `plan_frames`
(pandas) and the web page's figures all read these tables.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import layout as L
from .derive import Facts, analyse, sheet_number, tidy
from .messages import text
from .model import BudgetLine, Plan, School
from .normalize import clean_text

if TYPE_CHECKING:
    import pandas

# The machine-readable tables of each appendix (CSV file names, JSON keys, plan_frames keys).
PART_TABLES: dict[str, tuple[str, ...]] = {
    "pl1": ("pl1",), "pl2": ("pl2",), "pl3": ("pl3",), "tien-do": ("tien-do",),
    "tong-hop": ("tong-hop", "chi-so", "dot-quy"),
}
BUDGET_PARTS = {"pl2": "budget_new", "pl3": "budget_renew"}


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


def cell_number(value: float | None) -> int | float | None:
    """A number as a cell shows it: tidied, integral values as int, None for nothing or no finite number."""
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
            "budget": cell_number(values.school_budget(plan, school)),
            "note": school.note or None,
        })
    title = text("export.doc.year_suffix", "vi", title=_h("export.doc.title_pl1"), year=year_text(plan))
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
        row["total"] = cell_number(values.line_total(line))
        row["note"] = line.note or None
        rows.append(row)
    title = text("export.doc.year_suffix", "vi", title=spec.title, year=year_text(plan))
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


TARGET_WHICH = (("assigned", L.TARGET_ASSIGNED), ("planned", L.TARGET_PLANNED))


def _summary_tables(plan: Plan, values: _Values) -> list[ExportTable]:
    summary = plan.summary
    kinds = [*L.TARGET_KINDS, ("total", L.TARGET_TOTAL_GROUP)]
    fields = [Field("level", L.TARGET_LABEL, "text", 22, keep=True)]
    for kind, label in kinds:
        for which, which_label in TARGET_WHICH:
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
                for which, _ in TARGET_WHICH:
                    col = targets.columns.get((kind, which))
                    value = values.at(targets.sheet, target.row, col)
                    if value is None and which == "assigned" and kind != "total" and level != "total":
                        value = target.assigned.get(kind)
                    row[f"{kind}_{which}"] = cell_number(value)
            targets_rows.append(row)
    title = text("export.doc.year_suffix", "vi", title=_h("export.doc.summary_title"), year=year_text(plan))
    tables = [ExportTable("tong-hop", title, fields, targets_rows)]

    money = money_unit(plan)
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
            unit = {"percent": _h("export.doc.percent_unit"), "number": money}.get(
                figure.type, _h("export.doc.schools_unit"))
            figure_rows.append({"key": figure.key, "label": figure.label, "unit": unit, "type": figure.type,
                                "stated": cell_number(found.stated),
                                "computed": cell_number(values.at(figures.sheet, found.row, figures.computed_col))})
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
                row[key] = cell_number(values.at(batches.sheet, batch.row, batches.computed_cols.get(key)))
            for key, _ in L.BATCH_COLUMNS:
                row[f"stated_{key}"] = cell_number(batch.stated.get(key))
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


# ---------------------------------------------------------------- words of the plan the titles use

def year_text(plan: Plan) -> str:
    return str(plan.meta.year) if plan.meta.year else "…"


def money_unit(plan: Plan) -> str:
    return clean_text(plan.meta.get("money_unit") or "") or "triệu đồng"
