"""export data: the appendices' tables for data systems, as CSV files and JSON.

Every column is kept (the shape never changes), values are plain (numbers stay
numbers, dates ISO as in the check report's JSON), and text that a spreadsheet
would read as a formula is neutralised (`neutralise`, OWASP CSV injection).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .errors import PlanError
from .export_tables import ExportTable
from .files import atomic_write
from .model import Plan
from .report import json_value

INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


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
