"""Workbooks written cell by cell in tests, in the shapes people really send (any editor, any order)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from chuanqg_xl.grid import open_book
from chuanqg_xl.model import Plan

Sheets = dict[str, list[list]]


def grids_of(path: Path) -> Sheets:
    """Every sheet of a workbook as plain rows of values ('' for empty)."""
    book = open_book(path)
    try:
        return {name: [list(row) for row in book.grid(name).rows] for name in book.sheet_names}
    finally:
        book.close()


def write_xlsx(path: Path, sheets: Sheets, merges: dict[str, list[str]] | None = None) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value not in ("", None):
                    sheet.cell(r, c, value)
        for ref in (merges or {}).get(name, []):
            sheet.merge_cells(ref)
    workbook.save(path)
    return path


def write_xls(path: Path, sheets: Sheets, merges: dict[str, list[tuple[int, int, int, int]]] | None = None) -> Path:
    """`merges`: per sheet, (first row, last row, first col, last col), 0-based as xlwt takes them."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name[:31])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value in ("", None):
                    continue
                if isinstance(value, (dt.date, dt.datetime)):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
        for r1, r2, c1, c2 in (merges or {}).get(name, ()):
            sheet.merge(r1, r2, c1, c2)
    workbook.save(str(path))
    return path


def write_ods(path: Path, sheets: Sheets) -> Path:
    import pandas as pd

    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, rows in sheets.items():
            width = max((len(row) for row in rows), default=1)
            frame = pd.DataFrame([[None if v == "" else v for v in row] + [None] * (width - len(row)) for row in rows])
            frame.to_excel(writer, sheet_name=name, header=False, index=False)
    return path


def essentials(plan: Plan) -> dict[str, object]:
    """What a plan says, without where it says it: for comparing the same plan in different shapes."""
    return {
        "meta": {key: item.value for key, item in plan.meta.values.items() if item.value not in (None, "")},
        "schools": [(s.name, s.level, s.kind, s.standard_level, s.accreditation_level, s.timing, s.commune,
                     s.pre_invested) for s in plan.schools],
        "budget": {key: [(line.school, line.item, tuple(sorted((k, v) for k, v in line.amounts.items() if v)))
                         for line in lines] for key, lines in plan.budget_lines.items()},
        "tasks": [(t.time, t.task, t.lead, t.partners, t.schools_text, t.school_count, t.deadline, t.status,
                   t.done_date) for t in plan.tasks],
        "targets": {level: {kind: value for kind, value in row.assigned.items() if value is not None}
                    for level, row in plan.summary.targets.rows.items()} if plan.summary.targets else None,
        "figures": {key: row.stated for key, row in plan.summary.figures.rows.items() if row.stated is not None}
        if plan.summary.figures else None,
        "batches": [(b.label, b.stated) for b in plan.summary.batches.rows] if plan.summary.batches else None,
    }
