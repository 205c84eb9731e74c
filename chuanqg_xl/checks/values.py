"""Structure and values: required cells, vocabularies, numbers and dates as typed, duplicates, tidiness."""
from __future__ import annotations

import math
from collections.abc import Iterator

from .. import layout as L
from ..cells import a1
from ..derive import sheet_number
from ..messages import CONTROL
from ..model import BudgetLine, Record, Table
from ..normalize import (
    clean_text, fold, has_hygiene_problem, is_error_value, parse_count, parse_date, parse_number, parse_percent,
)
from ..report import Finding
from .context import Context

MAX_AMOUNT = 1e12  # million VND: a quadrillion dong is no real budget


def _number_cell(ctx: Context, name_if_text: str, sheet: str, cell: str, raw: object, field: str,
                 parser=parse_number) -> Iterator[Finding]:
    """Findings for a typed number cell: text numbers, text, infinities."""
    if raw is None or raw == "" or is_error_value(raw):
        return
    if isinstance(raw, bool):
        yield ctx.finding("text-in-number-column", sheet, cell, value=ctx.show(raw), field=field)
        return
    if isinstance(raw, float) and not math.isfinite(raw):
        yield ctx.finding("number-out-of-range", sheet, cell, value=ctx.show(raw), field=field)
        return
    if isinstance(raw, (int, float)):
        if abs(raw) > MAX_AMOUNT:
            yield ctx.finding("number-out-of-range", sheet, cell, value=ctx.show(raw), field=field)
        return
    if isinstance(raw, str):
        parsed = parser(raw)
        if parsed.value is None:
            yield ctx.finding("text-in-number-column", sheet, cell, value=clean_text(raw), field=field)
        else:
            shown = ctx.pct(parsed.value) if parser is parse_percent else ctx.num(parsed.value)
            yield ctx.finding(name_if_text, sheet, cell, actual=clean_text(raw), value=clean_text(raw),
                              number=shown, field=field)


def _date_cell(ctx: Context, sheet: str, cell: str, raw: object, field: str) -> Iterator[Finding]:
    if raw is None or raw == "" or is_error_value(raw):
        return
    parsed = parse_date(raw)
    if parsed.value is None:
        yield ctx.finding("invalid-date", sheet, cell, value=ctx.show(raw), field=field)
    elif isinstance(raw, str):
        yield ctx.finding("date-stored-as-text", sheet, cell, value=clean_text(raw), date=ctx.date(parsed.value))


def check_meta(ctx: Context) -> Iterator[Finding]:
    meta = ctx.plan.meta
    for info in L.INFO_FIELDS:
        item = meta.values.get(info.key)
        ref = item.ref if item else None
        sheet, cell = meta.sheet, (ref.a1 if ref else None)
        raw = item.raw if item else None
        if info.required and (item is None or item.value in (None, "")):
            if raw is None or raw == "":
                yield ctx.finding("missing-required-value", sheet, cell, field=info.label)
                continue
        if raw is None or cell is None:
            continue
        if info.type == "count":
            summed = info.key in ("total_schools", "standard_at_start", "level2_at_start")
            yield from _number_cell(ctx, "text-number-not-summed" if summed else "number-stored-as-text", sheet,
                                    cell, raw, info.label, parse_count)
        elif info.type == "date":
            yield from _date_cell(ctx, sheet, cell, raw, info.label)


def _choice(ctx: Context, record: Record, key: str, parsed: object, vocabulary) -> Iterator[Finding]:
    raw = record.raw(key)
    if raw is None or is_error_value(raw):
        return
    if parsed is not None:
        meant = vocabulary.misspelt(raw)
        if meant is not None:   # read as meant, but the diacritics make another word: say so at the cell
            yield ctx.at("vocabulary-diacritic-slip", record, key, value=clean_text(raw),
                         field=record.table.spec.column(key).header, suggestion=meant)
        return
    suggestion = vocabulary.suggest(raw)
    header = record.table.spec.column(key).header
    if suggestion:
        yield ctx.at("value-not-in-vocabulary", record, key, value=clean_text(raw), field=header,
                     suggestion=suggestion)
    else:
        yield ctx.at("value-not-in-vocabulary", record, key, "none", value=clean_text(raw), field=header,
                     values=", ".join(vocabulary.values))


def check_schools(ctx: Context) -> Iterator[Finding]:
    spec = L.SCHOOLS
    for school in ctx.plan.schools:
        if not school.name:
            yield ctx.at("missing-required-value", school, "name", field=spec.column("name").header)
        if school.raw("kind") is None:
            yield ctx.at("missing-required-value", school, "kind", field=spec.column("kind").header)
        if school.standard_level is None and school.raw("standard_level") is None:
            yield ctx.at("missing-required-value", school, "standard_level",
                         field=spec.column("standard_level").header)
        if school.level is None and school.raw("level") is None and school.name:
            yield ctx.at("missing-required-value", school, "level", "level", field=spec.column("level").header,
                         name=school.name)
        yield from _choice(ctx, school, "level", school.level, L.LEVELS)
        yield from _choice(ctx, school, "kind", school.kind, L.KINDS)
        yield from _choice(ctx, school, "standard_level", school.standard_level, L.STANDARD_LEVELS)
        yield from _choice(ctx, school, "accreditation_level", school.accreditation_level, L.ACCREDITATION_LEVELS)
        implied = school.name_parts.level if school.name_parts else None
        if school.level and not school.level_from_name and implied and implied != school.level:
            yield ctx.at("level-contradicts-name", school, "level", level=school.level, name=school.name,
                         implied=implied)
    for later, first in ctx.facts.index.duplicates():
        yield ctx.at("duplicate-school", later, "name", name=later.name, other_row=first.row)


def check_periods(ctx: Context) -> Iterator[Finding]:
    batches = ctx.plan.summary.batches
    if batches is None or not batches.rows:
        return
    for batch in batches.rows:
        if batch.label and batch.period is None:
            yield ctx.finding("unreadable-period", batches.sheet, f"A{batch.row}", value=batch.label)
    for school in ctx.plan.schools:
        if school.timing and school.period is None:
            yield ctx.at("unreadable-period", school, "timing", value=school.timing)


def check_budget_lines(ctx: Context) -> Iterator[Finding]:
    for key, lines in ctx.plan.budget_lines.items():
        table = ctx.plan.budget_tables[key]
        spec = table.spec
        source_cols = [(source, table.columns[source] - 1) for source in L.SOURCE_KEYS if source in table.columns]
        seen_items: dict[tuple, BudgetLine] = {}
        for line in lines:
            if not line.school:
                yield ctx.at("missing-required-value", line, "name", field=spec.column("name").header)
            if not line.item:
                yield ctx.at("missing-required-value", line, "item", field=spec.column("item").header)
            elif line.school and source_cols:
                yield from _line_amount_findings(ctx, line, source_cols, seen_items)
            values = line.values
            for source, index in source_cols:
                raw = values[index] if index < len(values) else None
                if raw is None or raw == "" or raw.__class__ is float and raw >= 0 and raw < MAX_AMOUNT:
                    continue
                cell = a1(line.row, index + 1)
                header = spec.column(source).header
                yield from _number_cell(ctx, "text-number-not-summed", line.sheet, cell, raw, header)
                if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw < 0:
                    yield ctx.finding("negative-amount", line.sheet, cell, value=ctx.num(raw), field=header)
        yield from _rows_below_total(ctx, table)


def _line_amount(line: BudgetLine, source_cols: list[tuple[str, int]]) -> float | None:
    """What the line adds up to (None when no source cell holds anything)."""
    values = line.values
    width = len(values)
    total: float = 0   # as sum() adds: from the integer 0
    found = False
    for _, index in source_cols:
        if index < width:
            raw = values[index]
            if raw is None or raw == "":
                continue
            found = True
            total += raw if raw.__class__ is float and raw - raw == 0 else sheet_number(raw)
    return total if found else None


def _line_amount_findings(ctx: Context, line: BudgetLine, source_cols: list[tuple[str, int]],
                          seen: dict[tuple, BudgetLine]) -> Iterator[Finding]:
    amount = _line_amount(line, source_cols)
    if amount is None and not line.total:
        yield ctx.finding("budget-line-without-amount", line.sheet, a1(line.row, source_cols[0][1] + 1),
                          name=line.school, item=line.item)
    key = (line.school_parts.folded_key if line.school_parts else fold(line.school), fold(line.item))
    first = seen.setdefault(key, line)
    if first is not line:
        other = _line_amount(first, source_cols)
        yield ctx.at("duplicate-budget-item", line, "item", name=line.school, item=line.item, other_row=first.row,
                     other_amount=ctx.num(other or 0), amount=ctx.num(amount or 0))


def _rows_below_total(ctx: Context, table: Table) -> Iterator[Finding]:
    col = table.col("name") or 1
    for row in table.rows_after_total:
        yield ctx.finding("row-below-total", table.sheet, a1(row, col), row=row, total_row=table.total_row)


def check_school_rows_below_total(ctx: Context) -> Iterator[Finding]:
    yield from _rows_below_total(ctx, ctx.plan.school_table)


def check_tasks(ctx: Context) -> Iterator[Finding]:
    spec = L.TIMELINE
    for task in ctx.plan.tasks:
        if not task.task:
            yield ctx.at("missing-required-value", task, "task", field=spec.column("task").header)
        cell = task.cell("school_count")
        if cell:
            yield from _number_cell(ctx, "number-stored-as-text", task.sheet, cell, task.raw("school_count"),
                                    spec.column("school_count").header, parse_count)
        for key in ("deadline", "done_date"):
            cell = task.cell(key)
            if cell:
                yield from _date_cell(ctx, task.sheet, cell, task.raw(key), spec.column(key).header)
        yield from _choice(ctx, task, "status", task.status, L.STATUSES)
        for mention in ctx.facts.mentions.get(id(task), []):
            if mention.comma_parts:
                yield ctx.at("school-list-separator", task, "schools", value=mention.text)


def check_summary_numbers(ctx: Context) -> Iterator[Finding]:
    summary = ctx.plan.summary
    targets = summary.targets
    if targets is not None:
        for target in targets.rows.values():
            for kind, raw in target.assigned_raw.items():
                col = targets.columns.get((kind, "assigned"))
                if col and kind != "total" and target.level != "total":
                    yield from _number_cell(ctx, "text-number-not-summed", targets.sheet, a1(target.row, col), raw,
                                            L.TARGET_ASSIGNED, parse_count)
    figures = summary.figures
    if figures is not None:
        for row in figures.rows.values():
            parser = parse_percent if row.key == "rate" else parse_number
            yield from _number_cell(ctx, "number-stored-as-text", figures.sheet, a1(row.row, figures.stated_col),
                                    row.stated_raw, L.FIGURES_HEADERS[1], parser)
    batches = summary.batches
    if batches is not None:
        for batch in batches.rows:
            for key, raw in batch.stated_raw.items():
                yield from _number_cell(ctx, "number-stored-as-text", batches.sheet,
                                        a1(batch.row, batches.stated_cols[key]), raw, L.BATCH_STATED_GROUP,
                                        parse_count)


def check_cell_texts(ctx: Context) -> Iterator[Finding]:
    """Every text cell of the plan's tables, in one pass: error values (#REF! and friends) in cells people type
    (derived cells are the arithmetic checks' business), and invisible control characters (ESC, BEL, …) anywhere;
    then control characters in the Thông tin sheet."""
    for table in ctx.plan.tables():
        texts = "".join([value for values in table.row_values.values() for value in values if value.__class__ is str])
        if "#" not in texts and texts.isprintable():
            continue   # the usual table: no text that could be either, nothing to look at cell by cell
        derived = {table.columns[key] for key in table.spec.derived_keys if key in table.columns}
        headers: dict[int, str] | None = None
        for row, values in table.row_values.items():
            for col, value in enumerate(values, start=1):
                if value.__class__ is not str:
                    continue
                if value[:1] == "#" and col not in derived and is_error_value(value):
                    yield ctx.finding("formula-error-value", table.sheet, a1(row, col), value=value)
                if not value.isprintable() and CONTROL.search(value):
                    if headers is None:
                        headers = {col: table.spec.column(key).header for key, col in table.columns.items()}
                    yield ctx.finding("control-character", table.sheet, a1(row, col),
                                      field=headers.get(col, a1(row, col)), value=value)
    for item in ctx.plan.meta.values.values():
        raw = item.raw
        if raw.__class__ is str and not raw.isprintable() and CONTROL.search(raw) and item.ref is not None:
            yield ctx.at_ref("control-character", item.ref, ctx.plan.meta.sheet, field=item.key, value=raw)


def check_damaged_cells(ctx: Context) -> Iterator[Finding]:
    """Cells the file holds broken (a shared-string reference that is no index): read as #REF!, said here."""
    for damaged in ctx.plan.damaged:
        yield ctx.finding("damaged-cell", damaged.sheet, damaged.cell, damaged.kind, raw=damaged.raw,
                          repaired="")


# Text that matching or a dropdown depends on; free text (notes, items, tasks) may be spaced as people like.
TIDY_COLUMNS = {"name", "level", "kind", "standard_level", "accreditation_level", "timing", "status", "schools",
                "lead", "commune"}


def check_untidy_text(ctx: Context) -> Iterator[Finding]:
    """NFD text and stray spaces, one finding per column (with the first cell and a count)."""
    for table in ctx.plan.tables():
        for key, col in table.columns.items():
            column = table.spec.column(key)
            if key not in TIDY_COLUMNS and column.key != "note":
                continue
            first: dict[str, tuple[int, str]] = {}
            counts: dict[str, int] = {}
            known: dict[str, str | None] = {}   # a column repeats its texts ('Tiểu học', 'Công nhận mới')
            index = col - 1
            for row in table.data_rows:
                values = table.row_values.get(row)
                if values is None or index >= len(values):
                    continue
                value = values[index]
                if value.__class__ is not str or (value.isascii() and "  " not in value and value == value.strip()):
                    continue
                problem = known.get(value, False)
                if problem is False:
                    problem = known[value] = has_hygiene_problem(value)
                if problem:
                    first.setdefault(problem, (row, value))
                    counts[problem] = counts.get(problem, 0) + 1
            for problem, (row, value) in first.items():
                yield ctx.finding("untidy-text", table.sheet, a1(row, col), problem, count=counts[problem],
                                  field=column.header, value=clean_text(value))


def check_uncalculated(ctx: Context) -> Iterator[Finding]:
    if ctx.plan.unreadable_formulas:
        yield ctx.finding("formulas-not-calculated", None, None)


CHECKS = (check_meta, check_schools, check_school_rows_below_total, check_periods, check_budget_lines,
          check_tasks, check_summary_numbers, check_cell_texts, check_untidy_text, check_uncalculated,
          check_damaged_cells)
