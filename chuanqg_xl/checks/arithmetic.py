"""Arithmetic: every derived cell compared with what the file holds."""
from __future__ import annotations

import math
from collections.abc import Iterator

from ..derive import Derived, funded_groups
from ..formulas import references, row_runs, same_formula, sum_ranges
from ..listcount import rows_counted
from ..normalize import clean_text, is_error_value, parse_number, parse_percent
from ..report import Finding
from .context import Context

MONEY_TOLERANCE = 0.0005  # half a thousand dong, in million VND


def same(expected: float, actual: float, fmt: str) -> bool:
    if fmt == "rate":
        return round(expected * 100, 2) == round(actual * 100, 2)
    if fmt == "count":
        return round(expected) == round(actual) and abs(expected - actual) < 1e-6
    return abs(expected - actual) <= MONEY_TOLERANCE + 1e-9 * max(abs(expected), abs(actual))


def _display(ctx: Context, value: float, fmt: str) -> str:
    return ctx.pct(value) if fmt == "rate" else ctx.num(value)


def describe(ctx: Context, item: Derived) -> str:
    from ..messages import text
    return text(item.what, ctx.lang, **item.message_params())


def _runs_text(rows: list[int]) -> str:
    return ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in row_runs(rows))


def missing_sum_rows(item: Derived) -> list[int]:
    """Data rows of the table that the file's SUM formula does not reach."""
    if not item.actual_formula or not item.sum_rows:
        return []
    ranges = sum_ranges(item.actual_formula)
    if ranges is None:
        return []
    covered: set[int] = set()
    for found in ranges:
        if found.sheet not in (None, item.sheet) or not found.first_col <= item.col <= found.last_col:
            continue
        covered.update(range(found.first_row, found.last_row + 1))
    return [row for row in item.sum_rows if row not in covered]


class _Stale:
    """Count cells whose ROWS() formula went stale, and the cells that add them up (by cell → the stale cause)."""

    def __init__(self, ctx: Context) -> None:
        plan = ctx.plan
        self.list_sheet = plan.school_table.sheet
        self._counted: dict[str, set[int]] | None = None
        self.cells: dict[tuple[str, int, int], str] = {}
        self.plan = plan
        self.sheet_names = {name.casefold(): name for name in plan.sheet_names}

    def counted(self) -> dict[str, set[int]]:
        """Sheet → the rows a count over it may cover: the schools of the list, the first line of each school in
        a budget appendix (built when a ROWS() count is first found wrong)."""
        if self._counted is None:
            # By casefolded name: Excel's sheet names are case-insensitive.
            self._counted = {self.list_sheet.casefold(): {school.row for school in self.plan.schools}}
            for key, table in self.plan.budget_tables.items():
                self._counted.setdefault(table.sheet.casefold(), set()).update(
                    min(rows) for rows in funded_groups(self.plan, key))
        return self._counted

    def finding(self, ctx: Context, item: Derived, number: float | None, error: str | None = None) -> Finding | None:
        """A stale-count finding for a mismatching derived cell (or one showing `error`), when that is what it is;
        else None."""
        found = rows_counted(item.actual_formula) if item.fmt == "count" else None
        counted = self.counted().get(found.sheet.casefold()) if found is not None else None
        shown = error if error is not None else _display(ctx, number, item.fmt)
        params = dict(what=describe(ctx, item), actual_text=shown, expected_text=_display(ctx, item.value, item.fmt))
        actual = error if error is not None else number
        if found is not None and counted is not None and (error is None or found.deleted):
            self.cells[(item.sheet, item.row, item.col)] = f"{item.sheet}!{item.cell}"
            where = None if found.sheet.casefold() == self.list_sheet.casefold() else "appendix"
            if found.deleted:
                variant = "deleted"
            elif found.rows - counted:
                variant = where
            else:
                variant = f"{where}.changed" if where else "changed"
            return ctx.finding("stale-count-formula", item.sheet, item.cell, variant, expected=item.value,
                               actual=actual, formula="=" + (item.actual_formula or ""),
                               table=self.sheet_names.get(found.sheet.casefold(), found.sheet),
                               rows=_runs_text(sorted(found.rows)), **params)
        if self.cells and same_formula(item.formula, item.actual_formula) and item.formula:
            causes = [self.cells[ref] for ref in sorted(references(item.formula, item.sheet)) if ref in self.cells]
            if causes:
                self.cells[(item.sheet, item.row, item.col)] = causes[0]
                return ctx.finding("stale-count-formula", item.sheet, item.cell, "consequence", expected=item.value,
                                   actual=actual, cause=causes[0], **params)
        return None


def check_derived(ctx: Context) -> Iterator[Finding]:
    stale = _Stale(ctx)
    for item in ctx.facts.derived:
        actual = item.actual
        # The common cases, decided here without a call (a district plan has hundreds of derived cells, most of
        # them right): a number in sequence in an STT cell; a formula whose cached value is right. `_check_one`
        # sees only the rest.
        if actual.__class__ is float and actual - actual == 0:
            if item.rule == "stt-out-of-sequence":
                if round(actual) == item.value:
                    continue
            elif item.actual_formula is not None and not item.sum_rows and abs(actual - item.value) <= MONEY_TOLERANCE \
                    and (item.fmt != "rate" or same(item.value, actual, "rate")):
                continue
        yield from _check_one(ctx, item, stale)


def _check_one(ctx: Context, item: Derived, stale: _Stale) -> Iterator[Finding]:
    actual = item.actual
    if item.rule == "stt-out-of-sequence":
        if actual is not None:
            number = parse_number(actual).value
            if number is None or round(number) != item.value:
                yield ctx.finding("stt-out-of-sequence", item.sheet, item.cell, expected=item.value,
                                  actual=clean_text(actual), actual_text=ctx.show(actual),
                                  expected_text=ctx.num(item.value))
        return
    missing = missing_sum_rows(item)
    if missing:
        yield ctx.finding("sum-range-incomplete", item.sheet, item.cell, what=describe(ctx, item), formula="=" + item.actual_formula,
                          missing=_runs_text(missing), expected=item.value)
    if actual is None:
        return
    if is_error_value(actual):
        found = stale.finding(ctx, item, None, clean_text(actual))
        if found is not None:
            yield found
            return
        yield ctx.finding("formula-error-value", item.sheet, item.cell, "derived", expected=item.value,
                          actual=clean_text(actual), what=describe(ctx, item), value=clean_text(actual))
        return
    if isinstance(actual, bool):
        number = None
    elif isinstance(actual, (int, float)):
        number = float(actual) if math.isfinite(actual) else None
    else:
        parser = parse_percent if item.fmt == "rate" else parse_number
        number = parser(actual).value
    if item.fmt == "rate" and number is not None and number > 1 and not isinstance(actual, str):
        number /= 100  # a rate typed as 61.4 rather than 61.4 %
    if number is not None and not same(item.value, number, item.fmt):
        found = stale.finding(ctx, item, number)
        if found is not None:
            yield found
            return
    if number is None or not same(item.value, number, item.fmt):
        shown = ctx.show(actual) if number is None else _display(ctx, number, item.fmt)
        yield ctx.finding(item.rule, item.sheet, item.cell, expected=item.value,
                          actual=number if number is not None else clean_text(str(actual)),
                          what=describe(ctx, item),
                          actual_text=shown, expected_text=_display(ctx, item.value, item.fmt))
    elif item.actual_formula is None and item.formula is not None and item.sheet not in ctx.plan.formulas_unknown:
        # A constant where a formula belongs (no formula: too long for Excel, we wrote the value). Where the
        # format did not let us read formulas (.xlsb), we cannot tell a constant from a formula: say nothing.
        yield ctx.finding("constant-in-derived-cell", item.sheet, item.cell, actual=number, expected=item.value,
                          what=describe(ctx, item), actual_text=_display(ctx, number, item.fmt))


CHECKS = (check_derived,)
