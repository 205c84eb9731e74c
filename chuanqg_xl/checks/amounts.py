"""Amounts in the wrong unit: a line typed in đồng or nghìn đồng in a table in triệu đồng, or 1.2 for 1.200.

Judged at the line, against the rest of the plan: the usual size of the other
lines, and the totals the plan states (an amount that makes the stated total
come out exactly once converted is the likeliest culprit).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from .. import layout as L
from ..cells import a1
from ..report import Finding
from .arithmetic import same
from .context import Context

LARGE, SMALL = 300.0, 1 / 500   # how far from the usual line an amount must be to be implausible
# One item of one school above 100 tỷ đồng is no school investment: flagged when also well above the usual line.
CEILING, CEILING_RATIO = 100_000.0, 30.0
MIN_OTHERS = 3                   # lines needed to know what usual is
# factor that turns the typed number into triệu đồng → how it was probably typed
UNITS = ((1e-6, "đồng"), (1e-3, "nghìn đồng"), (1e3, "1.2 thay cho 1.200"))
UNITS_EN = {"đồng": "đồng", "nghìn đồng": "thousand đồng", "1.2 thay cho 1.200": "1.2 for 1.200"}
FIGURE_OF = {"budget_new": "budget_new", "budget_renew": "budget_renew"}


def check_amounts(ctx: Context) -> Iterator[Finding]:
    amounts = []   # (table key, line, source key, col, value)
    line_totals: dict[int, float] = {}
    for key, lines in ctx.plan.budget_lines.items():
        table = ctx.plan.budget_tables[key]
        for line in lines:
            total = 0.0
            for source in L.SOURCE_KEYS:
                col = table.col(source)
                value = line.amounts.get(source)
                if col and value and value > 0:
                    amounts.append((key, line, source, col, value))
                    total += value
            if total:
                line_totals[id(line)] = total
    if not amounts:
        return
    unit = str(ctx.plan.meta.get("money_unit") or "triệu đồng")
    stated = _stated_mismatches(ctx)
    flagged: set[tuple[int, int]] = set()
    for key, line, source, col, value in amounts:
        if key in stated:
            computed, target = stated[key]
            for factor, likely in UNITS:
                if same(computed - value + value * factor, target, "money"):
                    flagged.add((id(line), col))
                    yield _finding(ctx, line, col, source, value, unit, likely, value * factor, "total",
                                   stated=ctx.num(target))
                    break
    totals = sorted(line_totals.values())
    if len(totals) <= MIN_OTHERS:
        return
    for key, line, source, col, value in amounts:
        if (id(line), col) in flagged:
            continue
        typical = median_without(totals, line_totals[id(line)])
        if typical <= 0:
            continue
        ratio = value / typical
        if ratio >= LARGE or (value >= CEILING and ratio >= CEILING_RATIO):
            factor, likely = UNITS[0] if ratio >= LARGE * 1000 else UNITS[1]
        elif ratio <= SMALL:
            factor, likely = UNITS[2]
        else:
            continue
        yield _finding(ctx, line, col, source, value, unit, likely, value * factor, None,
                       ratio=ctx.num(round(ratio if ratio >= 1 else 1 / ratio)), typical=ctx.num(typical))


def _stated_mismatches(ctx: Context) -> dict[str, tuple[float, float]]:
    """Budget tables whose computed total differs from the total the plan states: key → (computed, stated)."""
    figures = ctx.plan.summary.figures
    if figures is None:
        return {}
    computed = {(item.row, item.col): item.value for item in ctx.facts.derived if item.sheet == figures.sheet}
    found = {}
    for key, figure_key in FIGURE_OF.items():
        row = figures.rows.get(figure_key)
        if row is None or row.stated is None:
            continue
        value = computed.get((row.row, figures.computed_col))
        if value is not None and not same(value, row.stated, "money"):
            found[key] = (value, row.stated)
    return found


def _finding(ctx: Context, line, col: int, source: str, value: float, unit: str, likely: str, suggested: float,
             variant: str | None, **params: object) -> Finding:
    field = next(column.header for column in L.SOURCES if column.key == source)
    shown = likely if ctx.lang == "vi" else UNITS_EN[likely]
    return ctx.finding("implausible-amount", line.sheet, a1(line.row, col), variant, expected=suggested, actual=value,
                       field=field, value=ctx.num(value), unit=unit, likely=shown, suggested=ctx.num(suggested),
                       **params)


def median_without(ordered: Sequence[float], value: float) -> float:
    """statistics.median of `ordered` (sorted) with one occurrence of `value` taken out, without building that
    list: a plan of 50,000 schools has 140,000 budget lines, and a list per line is quadratic."""
    gone = bisect_left(ordered, value)
    size = len(ordered) - 1

    def at(index: int) -> float:   # the index-th value of the list without `gone`
        return ordered[index] if index < gone else ordered[index + 1]

    middle = size // 2
    if size % 2:
        return at(middle)
    return (at(middle - 1) + at(middle)) / 2
