"""What every derived cell should hold: its formula and the value it computes.

One pass over the plan resolves school names across sections and computes,
for each derived cell, an Excel formula and its value. The value follows
spreadsheet semantics (a number typed as text is not added, as SUM ignores
text), so the value recalc caches equals what Excel or LibreOffice computes
from the formula. Checks compare these with what the file holds; recalc
writes them.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from functools import partial

from . import layout as L
from .cells import a1, col_letter, quote_sheet
from .formulas import MAX_FORMULA_CHARS, add_cells, count_rows, row_runs, sum_column
from .listcount import ListCounter, distinct_formula
from .matching import Match, SchoolIndex
from .model import BudgetLine, Plan, School, Table, Task
from .normalize import Period, clean_text, fold, parse_period, split_school_name
from .reader import parse_kind
from .records import field, record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)
if TYPE_CHECKING:
    from typing import Literal

    Format = Literal["money", "count", "rate"]
    Formula = str | None | Callable[[], str | None]

_EPOCH = dt.datetime(1899, 12, 30)


def sheet_number(value: object) -> float:
    """What SUM makes of a cell value: numbers count, text and booleans do not."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return 0.0
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else 0.0
    if isinstance(value, dt.datetime):
        return (value - _EPOCH).total_seconds() / 86400
    if isinstance(value, dt.date):
        return float((value - _EPOCH.date()).days)
    return 0.0


def tidy(value: float) -> float:
    """Cached values without binary noise (0.30000000000000004 → 0.3)."""
    rounded = round(value, 9)
    return 0.0 if rounded == 0 else rounded


@record(slots=True)
class Derived:
    """A derived cell: where, what it should hold, and what the file holds now."""

    sheet: str
    row: int
    col: int
    value: float
    formula: str | None           # None: too long for Excel; the value is written as a constant
    what: str                     # message key describing the cell ("what.line_total")
    params: dict[str, object] | None  # what the message needs; None: only the cell's row (no dict per row)
    fmt: Format
    rule: str                     # the rule a mismatch raises
    actual: object                # value (typed or cached) in the file; None when empty
    actual_formula: str | None
    sum_rows: Sequence[int] = ()  # data rows a column SUM must cover (range check)

    @property
    def cell(self) -> str:
        return a1(self.row, self.col)

    def message_params(self) -> dict[str, object]:
        return {"row": self.row} if self.params is None else self.params


_FORMULA_SLOT = Derived.formula   # type: ignore[attr-defined]   # the slot itself, under the property below


class _Deferred(Derived):
    """A derived cell whose formula is worked out when first asked for (`analyse(plan, defer=True)`).

    Count formulas simulate COUNTIFS on the list before they are written (`listcount`): about 40 % of `analyse`
    on a district plan, which `check` and `consolidate` mostly never look at (only a cell found wrong, or a
    cell without a formula, makes them read it). The value never depends on the formula; the formula is the
    one `analyse` would have made, from the same plan, the first time `formula` is read.
    """

    __slots__ = ()

    @property   # type: ignore[override]
    def formula(self) -> str | None:
        found = _FORMULA_SLOT.__get__(self)
        if found is not None and found.__class__ is not str:
            found = found()
            _FORMULA_SLOT.__set__(self, found)
        return found

    @formula.setter
    def formula(self, value: object) -> None:
        _FORMULA_SLOT.__set__(self, value)


@record(slots=True)
class Mention:
    """One part of a task's 'Trường liên quan'."""

    text: str
    match: Match | None = None             # a named school
    group_rows: list[int] | None = None    # a whole batch/kind ('Quý IV/2023'): PL1 rows
    comma_parts: list[tuple[str, Match]] = field(default_factory=list)


@record(slots=True)
class Facts:
    plan: Plan
    index: SchoolIndex
    line_matches: dict[str, list[Match]]                # budget table key → match per line
    lines_of: dict[int, list[BudgetLine]]               # id(school) → its budget lines (PL2 and PL3)
    mentions: dict[int, list[Mention]]                  # id(task) → mentions
    derived: list[Derived]
    named_counts: dict[int, float]                      # id(task) → derived count of schools named

    def lines_for(self, school: School) -> list[BudgetLine]:
        return self.lines_of.get(id(school), [])


# ---------------------------------------------------------------- helpers

class _Builder:
    def __init__(self, plan: Plan, index: SchoolIndex, defer: bool = False) -> None:
        self.plan = plan
        self.index = index
        self.defer = defer   # formulas given as a function stay one until asked for (`_Deferred`)
        self.out: list[Derived] = []
        # Values recalc will write, by (sheet, row): totals over a column must add these, not the stale ones.
        self.line_total_value: dict[tuple[str, int], float] = {}
        self.school_budget_value: dict[tuple[str, int], float] = {}
        self.by_cell: dict[tuple[str, int, int], Derived] = {}
        self.counter = ListCounter(plan.school_table)

    def _kind(self, formula: Formula) -> tuple[type[Derived], Formula]:
        """The record for a cell with this formula, and the formula to store: a function giving the formula
        is called now, or kept for later when deferring."""
        if formula is None or formula.__class__ is str:
            return Derived, formula
        if self.defer:
            return _Deferred, formula
        return Derived, formula()   # type: ignore[operator]

    def add(self, where: Table | str, at_row: int, at_col: int | None, value: float, formula: Formula,
            what: str, fmt: Format, rule: str = "total-mismatch", actual: object = None,
            actual_formula: str | None = None, sum_rows: list[int] | None = None, **params: object) -> None:
        """Record a derived cell; `params` fill the message that describes it. `formula`: its text, None (too
        long for Excel), or a function giving either (the count formulas: see `_Deferred`)."""
        if not at_col:
            return
        sheet = where.sheet if isinstance(where, Table) else where
        if isinstance(where, Table):
            actual_formula = where.formulas.get((at_row, at_col))
        kind, formula = self._kind(formula)
        item = kind(sheet, at_row, at_col, tidy(value), formula, what, params, fmt, rule,
                    None if actual == "" else actual, actual_formula, sum_rows or ())
        self.out.append(item)
        self.by_cell[(sheet, at_row, at_col)] = item

    def put(self, table: Table, row: int, col: int, value: float, formula: Formula, what: str,
            params: dict[str, object] | None, fmt: Format, rule: str, actual: object) -> None:
        """`add` for the per-row loops (STT, line totals, budgets): positional, no keyword packing."""
        rounded = round(value, 9)
        kind = Derived
        if formula is not None and formula.__class__ is not str:
            kind, formula = self._kind(formula)
        # Not indexed in by_cell: only table totals are looked up by cell, and these loops make most items.
        self.out.append(kind(table.sheet, row, col, rounded if rounded else 0.0, formula, what, params, fmt, rule,
                             None if actual == "" else actual, table.formulas.get((row, col))))

    # ------------------------------------------------------------ STT

    def stt(self, table: Table, records: list) -> None:
        col = table.col("stt")
        if not col:
            return
        previous = None
        letter = col_letter(col)
        index = col - 1
        sheet, formulas, append = table.sheet, table.formulas, self.out.append
        for number, record in enumerate(records, start=1):   # as `put` would, without a call a row
            values, row = record.values, record.row
            actual = values[index] if index < len(values) else None
            append(Derived(sheet, row, col, float(number), "1" if previous is None else f"{letter}{previous}+1",
                           "what.stt", None, "count", "stt-out-of-sequence", None if actual == "" else actual,
                           formulas.get((row, col))))
            previous = row

    # ------------------------------------------------------------ budget tables

    def budget_table(self, table: Table, lines: list[BudgetLine]) -> None:
        self.stt(table, lines)
        sources = [table.col(key) for key in L.SOURCE_KEYS if table.col(key)]
        total_col = table.col("total")
        if total_col and sources:
            contiguous = sorted(sources) == list(range(min(sources), max(sources) + 1))
            indexes = [col - 1 for col in sources]
            first, last = col_letter(min(sources)), col_letter(max(sources))
            letters = [col_letter(col) for col in sorted(sources)]
            total_index = total_col - 1
            totals = self.line_total_value
            sheet, formulas, append = table.sheet, table.formulas, self.out.append
            for line in lines:
                values, row = line.values, line.row
                width = len(values)
                value = 0.0
                for index in indexes:
                    if index < width:
                        cell = values[index]
                        value += cell if cell.__class__ is float and math.isfinite(cell) else sheet_number(cell)
                if contiguous:
                    formula = f"SUM({first}{row}:{last}{row})"
                else:
                    formula = "SUM(" + ",".join(f"{letter}{row}" for letter in letters) + ")"
                value = totals[(sheet, row)] = tidy(value)
                actual = values[total_index] if total_index < width else None
                append(Derived(sheet, row, total_col, value, formula, "what.line_total", None, "money", "total-mismatch",
                               None if actual == "" else actual, formulas.get((row, total_col))))   # as `put` would
        numeric = [key for key in (*L.SOURCE_KEYS, "total") if table.col(key)]
        self.column_totals(table, numeric)

    def _number(self, table: Table, row: int, key: str) -> float:
        """A body cell as the column total will see it after recalc."""
        derived = self.line_total_value if key == "total" else self.school_budget_value if key == "budget" else None
        if derived is not None and (table.sheet, row) in derived:
            return derived[(table.sheet, row)]
        return sheet_number(table.raw(row, key))

    def column_totals(self, table: Table, keys: list[str]) -> None:
        """Subtotal rows ('Cộng …') and the Tổng cộng row, for each numeric column."""
        start = table.first_row
        for sub in table.subtotal_rows:
            for key in keys:
                col = table.columns[key]
                value = sum(self._number(table, row, key) for row in range(start, sub) if row in table.row_values)
                self.add(table, sub, col, value, sum_column(col, start, sub - 1), "what.subtotal", "money",
                         actual=table.raw(sub, key), row=sub, column=table.spec.column(key).header)
            start = sub + 1
        if not table.total_row:
            return
        subtotals = set(table.subtotal_rows)
        rows = [row for row in range(table.first_row, table.total_row) if row not in subtotals]
        runs = row_runs(rows)
        body = [table.row_values[row] for row in rows if row in table.row_values]
        body_rows = [row for row in rows if row in table.row_values]
        sheet = table.sheet
        for key in keys:
            col = table.columns[key]
            derived = self.line_total_value if key == "total" else self.school_budget_value if key == "budget" \
                else None
            value = 0.0
            for row, values in zip(body_rows, body):
                if derived is not None:
                    known = derived.get((sheet, row))
                    if known is not None:
                        value += known
                        continue
                if col <= len(values):
                    cell = values[col - 1]
                    value += cell if cell.__class__ is float and math.isfinite(cell) else sheet_number(cell)
            if not runs:
                formula = "0"
            elif len(runs) == 1:
                formula = sum_column(col, runs[0][0], runs[0][1])
            else:
                formula = "SUM(" + ",".join(f"{a1(first, col)}:{a1(last, col)}" for first, last in runs) + ")"
            self.add(table, table.total_row, col, value, formula, "what.table_total", "money",
                     actual=table.total_values.get(key), sum_rows=table.data_rows, row=table.total_row,
                     column=table.spec.column(key).header)

    # ------------------------------------------------------------ PL1 budget column

    def school_budgets(self, lines_of: dict[int, list[BudgetLine]]) -> None:
        table = self.plan.school_table
        col = table.col("budget")
        if not col:
            return
        counters = {key: ListCounter(budget) for key, budget in self.plan.budget_tables.items()}
        for school in self.plan.schools:
            refs = []
            value = 0.0
            rows_in: dict[str, list[int]] = {}
            for line in lines_of.get(id(school), []):
                total_col = line.table.col("total")
                if total_col:
                    refs.append((line.table.sheet, line.row, total_col))
                    rows_in.setdefault(line.table.spec.key, []).append(line.row)
                    value += self.line_total_value.get((line.table.sheet, line.row), 0.0)
            self.school_budget_value[(table.sheet, school.row)] = tidy(value)
            formula = partial(_school_budget_formula, counters, rows_in, refs)
            self.put(table, school.row, col, value, formula, "what.school_budget", {"name": school.name},
                     "money", "total-mismatch", school.raw("budget"))
        self.column_totals(table, ["budget"])


def _school_budget_formula(counters: dict[str, ListCounter], rows_in: dict[str, list[int]],
                           refs: list[tuple[str, int, int]]) -> str | None:
    """SUMIFS by the name the lines hold keeps the sum right when lines are inserted or deleted; cell by cell
    where the name would not select exactly this school's lines."""
    parts = [counters[key].sumifs(rows, "name", "total") for key, rows in rows_in.items()]
    return "+".join(parts) if parts and None not in parts else add_cells(refs)


# ---------------------------------------------------------------- mentions

_GROUP_WORDS = ("cac truong", "tat ca", "toan bo", "cac don vi")


def _resolve_mentions(task: Task, index: SchoolIndex, schools: list[School],
                      group_cache: dict[str, list[int] | None]) -> list[Mention]:
    """`group_cache` keeps `_group_rows` by text: tasks repeat 'Các trường công nhận mới', and each look costs
    a pass over every school."""
    mentions = []
    for part in task.school_mentions():
        mention = Mention(part)
        if not part:
            mentions.append(mention)
            continue
        parts = split_school_name(part)
        if parts.prefix is None:
            if part not in group_cache:
                group_cache[part] = _group_rows(part, schools)
            group = group_cache[part]
            if group is not None:
                mention.group_rows = group
                mentions.append(mention)
                continue
        comma_parts = [piece.strip() for piece in part.split(",") if piece.strip()]
        if len(comma_parts) > 1 and sum(1 for piece in comma_parts if split_school_name(piece).prefix) > 1:
            mention.comma_parts = [(piece, index.resolve(piece)) for piece in comma_parts]
        else:
            mention.match = index.resolve(parts)
        mentions.append(mention)
    return mentions


_KIND_TEXTS = {"new": (L.KIND_NEW,), "renew": (L.KIND_RENEW,), "upgrade": (L.KIND_UPGRADE, L.KIND_RENEW_UPGRADE),
               "renew_all": tuple(sorted(L.RENEW_KINDS)), "all": L.KINDS.values}


def _group_criteria(text: str) -> dict[str, tuple[str, ...]]:
    """The list columns and values a group mention ('Quý IV/2023', 'Các trường công nhận mới') selects by."""
    period = parse_period(text)
    key = fold(text)
    kind = parse_kind(text) if ("cong nhan" in key or "nang" in key) else None
    criteria: dict[str, tuple[str, ...]] = {}
    if period is not None:
        criteria["timing"] = (period.label(),)
    if kind is not None:
        criteria["kind"] = _KIND_TEXTS["new"] if kind == L.KIND_NEW else _KIND_TEXTS["renew_all"]
    return criteria or {"kind": _KIND_TEXTS["all"]}   # 'Các trường': every school of the list


def _group_rows(text: str, schools: list[School]) -> list[int] | None:
    """PL1 rows a group mention stands for ('Quý IV/2023', 'Các trường công nhận mới'), or None."""
    period = parse_period(text)
    key = fold(text)
    kind = parse_kind(text) if ("cong nhan" in key or "nang" in key) else None
    generic = key.startswith(_GROUP_WORDS)
    if period is None and kind is None and not generic:
        return None
    rows = []
    for school in schools:
        if period is not None and (school.period is None or not school.period.same_as(period)):
            continue
        if kind is not None:
            if kind == L.KIND_NEW and school.kind != L.KIND_NEW:
                continue
            if kind != L.KIND_NEW and school.kind not in L.RENEW_KINDS:
                continue
        rows.append(school.row)
    return rows


# ---------------------------------------------------------------- the whole plan

def analyse(plan: Plan, *, defer: bool = False) -> Facts:
    """Resolve names across sections and compute every derived cell.

    `defer`: count formulas are worked out only when read (`_Deferred`), for a caller that checks the plan and
    rarely needs them; the plan must not change while the facts are in use. Values are the same either way.
    """
    index = SchoolIndex(plan.schools)
    builder = _Builder(plan, index, defer)

    line_matches: dict[str, list[Match]] = {}
    lines_of: dict[int, list[BudgetLine]] = {}
    for key, lines in plan.budget_lines.items():
        matches = []
        for line in lines:
            match = index.resolve(line.school_parts) if line.school_parts else Match("missing")
            matches.append(match)
            if match.school is not None:
                lines_of.setdefault(id(match.school), []).append(line)
        line_matches[key] = matches

    for key, table in plan.budget_tables.items():
        builder.budget_table(table, plan.budget_lines[key])
    builder.stt(plan.school_table, plan.schools)
    builder.school_budgets(lines_of)

    mentions: dict[int, list[Mention]] = {}
    group_cache: dict[str, list[int] | None] = {}
    named_counts: dict[int, float] = {}
    timeline = plan.timeline_table
    schools_col = timeline.col("schools")
    for task in plan.tasks:
        task_mentions = _resolve_mentions(task, index, plan.schools, group_cache)
        mentions[id(task)] = task_mentions
        raw = task.raw("schools")
        if schools_col is None:
            continue
        groups = [mention for mention in task_mentions if mention.group_rows is not None]
        if groups:
            explicit = sum(1 for mention in task_mentions if mention.group_rows is None)
            rows = sorted({row for mention in groups for row in mention.group_rows})
            value = explicit + len(rows)
            formula: Formula = partial(_group_count_formula, builder.counter, groups, explicit, rows)
        else:
            text = clean_text(raw) if raw is not None else ""
            value = (text.count(";") + 1) if text else 0
            cell = a1(task.row, schools_col)
            formula = f'IF(TRIM({cell})="",0,LEN(TRIM({cell}))-LEN(SUBSTITUTE(TRIM({cell}),";",""))+1)'
        named_counts[id(task)] = value
        builder.add(timeline, task.row, timeline.col("named_count"), value, formula, "what.task_count", "count",
                    actual=task.raw("named_count"), row=task.row)

    _summary(plan, builder)
    return Facts(plan, index, line_matches, lines_of, mentions, builder.out, named_counts)


def _group_count_formula(counter: ListCounter, groups: list[Mention], explicit: int, rows: list[int]) -> str | None:
    """A task's count of schools named by groups ('Quý IV/2023', 'Các trường công nhận mới') and one by one."""
    counted = None
    if sum(len(mention.group_rows or ()) for mention in groups) == len(rows):
        # Groups without a school in common ('Quý III/2023; Quý IV/2023'): one count each, added up.
        parts = [counter.formula(mention.group_rows or [], _group_criteria(mention.text)) for mention in groups]
        counted = None if None in parts else "+".join(parts)   # type: ignore[arg-type]
    if counted is None or len(counted) > MAX_FORMULA_CHARS:
        counted = count_rows(counter.table.sheet, counter.table.col("name") or 1, rows)
    return None if counted is None else (f"{explicit}+{counted}" if explicit else counted)


def _kind_key(school: School) -> str | None:
    return L.KIND_TO_TARGET.get(school.kind) if school.kind else None


def _summary(plan: Plan, builder: _Builder) -> None:
    summary = plan.summary
    school_sheet = plan.school_table.sheet
    name_col = plan.school_table.col("name") or 1
    targets = summary.targets
    planned_cells: dict[tuple[str, str], tuple[int, int, float]] = {}   # (level, kind) → row, col, value
    if targets is not None:
        kinds = [key for key, _ in L.TARGET_KINDS]
        rows_of: dict[tuple[str | None, str | None], list[int]] = {}   # (level, target kind) → list rows, in order
        for school in plan.schools:
            rows_of.setdefault((school.level, _kind_key(school)), []).append(school.row)
        for level, target in targets.rows.items():
            if level == "total":
                continue
            for kind in kinds:
                col = targets.columns.get((kind, "planned"))
                rows = list(rows_of.get((level, kind), ()))
                counted = partial(builder.counter.formula, rows, {"level": (level,), "kind": _KIND_TEXTS[kind]})
                builder.add(targets.sheet, target.row, col, len(rows), counted, "what.target_planned", "count", rule="count-differs-from-list",
                            actual=target.planned_raw.get(kind),
                            actual_formula=targets.formulas.get((target.row, col)) if col else None,
                            level=level, kind=dict(L.TARGET_KINDS)[kind])
                if col:
                    planned_cells[(level, kind)] = (target.row, col, len(rows))
            for which, raw_map in (("assigned", target.assigned_raw), ("planned", None)):
                col = targets.columns.get(("total", which))
                parts = [targets.columns.get((kind, which)) for kind in kinds]
                parts = [c for c in parts if c]
                if not col or not parts:
                    continue
                if which == "assigned":
                    value = sum(sheet_number(raw_map.get(kind)) for kind in kinds if targets.columns.get((kind, which)))
                else:
                    value = sum(planned_cells.get((level, kind), (0, 0, 0))[2] for kind in kinds)
                formula = "SUM(" + ",".join(a1(target.row, c) for c in parts) + ")"
                raw = target.assigned_raw.get("total") if which == "assigned" else target.planned_raw.get("total")
                builder.add(targets.sheet, target.row, col, value, formula, "what.target_total", "count",
                            rule="total-mismatch" if which == "assigned" else "count-differs-from-list",
                            actual=raw, actual_formula=targets.formulas.get((target.row, col)),
                            level=level, which=L.TARGET_ASSIGNED if which == "assigned" else L.TARGET_PLANNED)
                if which == "planned":
                    planned_cells[(level, "total")] = (target.row, col, value)
        total = targets.rows.get("total")
        if total is not None:
            level_rows = [target for level, target in targets.rows.items() if level != "total"]
            for (kind, which), col in targets.columns.items():
                cells = [a1(target.row, col) for target in level_rows]
                if which == "assigned":
                    value = sum(sheet_number(target.assigned_raw.get(kind)) for target in level_rows) \
                        if kind != "total" else sum(
                            sheet_number(target.assigned_raw.get(k)) for target in level_rows
                            for k in (key for key, _ in L.TARGET_KINDS) if targets.columns.get((k, "assigned")))
                    raw = total.assigned_raw.get(kind)
                    rule = "total-mismatch"
                else:
                    value = sum(planned_cells.get((target.level, kind), (0, 0, 0))[2] for target in level_rows)
                    raw = total.planned_raw.get(kind)
                    rule = "count-differs-from-list"
                formula = "SUM(" + ",".join(cells) + ")" if cells else "0"
                builder.add(targets.sheet, total.row, col, value, formula, "what.target_total_row", "count",
                            rule=rule, actual=raw, actual_formula=targets.formulas.get((total.row, col)),
                            which=L.TARGET_ASSIGNED if which == "assigned" else L.TARGET_PLANNED,
                            kind=dict([*L.TARGET_KINDS, ("total", L.TARGET_TOTAL_GROUP)])[kind])
                if which == "planned":
                    planned_cells[("total", kind)] = (total.row, col, value)
    _figures(plan, builder, planned_cells)
    _batches(plan, builder)


def _info_ref(plan: Plan, key: str) -> tuple[str | None, object]:
    item = plan.meta.values.get(key)
    if item is None or item.ref is None:
        return None, None
    return f"{quote_sheet(item.ref.sheet)}{item.ref.a1}", item.raw


def _figures(plan: Plan, builder: _Builder, planned_cells: dict) -> None:
    figures = plan.summary.figures
    if figures is None:
        return
    sheet = figures.sheet
    col = figures.computed_col
    school_sheet = plan.school_table.sheet
    name_col = plan.school_table.col("name") or 1
    computed: dict[str, tuple[str, float]] = {}   # figure key → (cell A1 on the summary, value)

    def put(key: str, value: float, formula: Formula, fmt: Format) -> None:
        row = figures.rows.get(key)
        if row is None:
            return
        builder.add(sheet, row.row, col, value, formula, "what.figure", fmt, actual=row.computed_raw,
                    actual_formula=figures.formulas.get((row.row, col)),
                    label=next(figure.label for figure in L.FIGURES if figure.key == key))
        computed[key] = (a1(row.row, col), tidy(value))

    all_rows = [school.row for school in plan.schools]
    counter = builder.counter
    put("planned_total", len(all_rows), partial(counter.formula, all_rows, {"kind": _KIND_TEXTS["all"]}), "count")
    new_rows = [school.row for school in plan.schools if school.kind == L.KIND_NEW]
    new_total = planned_cells.get(("total", "new"))
    start_ref, start_raw = _info_ref(plan, "standard_at_start")
    if start_ref and start_raw is not None:
        if new_total:
            new_part, new_value = a1(new_total[0], new_total[1]), new_total[2]
            if plan.summary.targets and plan.summary.targets.sheet != sheet:
                new_part = f"{quote_sheet(plan.summary.targets.sheet)}{new_part}"
            formula: Formula = f"SUM({start_ref},{new_part})"
        else:
            new_value = len(new_rows)
            formula = partial(_sum_with, start_ref, partial(counter.formula, new_rows, {"kind": _KIND_TEXTS["new"]}))
        value = sheet_number(start_raw) + new_value
        put("year_end", value, formula, "count")
    total_ref, total_raw = _info_ref(plan, "total_schools")
    if "year_end" in computed and total_ref and total_raw is not None:
        year_end_cell, year_end = computed["year_end"]
        total = sheet_number(total_raw)
        value = year_end / total if total > 0 else 0.0
        put("rate", value, f"IF(N({total_ref})>0,{year_end_cell}/N({total_ref}),0)", "rate")
    level2_ref, level2_raw = _info_ref(plan, "level2_at_start")
    if level2_ref and level2_raw is not None:
        new_level2 = [school.row for school in plan.schools if school.kind == L.KIND_NEW and school.standard_level == 2]
        upgraded = [school.row for school in plan.schools if school.kind in L.UPGRADE_KINDS]
        value = sheet_number(level2_raw) + len(new_level2) + len(upgraded)
        put("level2_year_end", value, partial(_level2_formula, counter, level2_ref, new_level2, upgraded), "count")
    for figure_key, table_key in (("funded_new", "budget_new"), ("funded_renew", "budget_renew")):
        groups = funded_groups(plan, table_key)
        put(figure_key, len(groups), partial(distinct_formula, plan.budget_tables[table_key], groups), "count")
    budget_cells = {}
    for figure_key, table_key in (("budget_new", "budget_new"), ("budget_renew", "budget_renew")):
        table = plan.budget_tables[table_key]
        total_col = table.col("total")
        if not total_col:
            continue
        ref, value = _table_total_ref(table, total_col, builder)
        put(figure_key, value, ref, "money")
        budget_cells[figure_key] = computed.get(figure_key)
    if "budget_new" in computed and "budget_renew" in computed:
        (cell_new, value_new), (cell_renew, value_renew) = computed["budget_new"], computed["budget_renew"]
        put("budget_total", value_new + value_renew, f"SUM({cell_new},{cell_renew})", "money")
    for column in L.SOURCES:
        refs, value = [], 0.0
        for table_key in ("budget_new", "budget_renew"):
            table = plan.budget_tables[table_key]
            col_source = table.col(column.key)
            if col_source:
                ref, part = _table_total_ref(table, col_source, builder)
                refs.append(ref)
                value += part
        if refs:
            put(f"source_{column.key}", value, "SUM(" + ",".join(refs) + ")", "money")


def _sum_with(ref: str, part: Callable[[], str | None]) -> str | None:
    """SUM(ref,part); None when the part is (too long for Excel)."""
    text = part()
    return f"SUM({ref},{text})" if text else None


def _level2_formula(counter: ListCounter, ref: str, new_level2: list[int], upgraded: list[int]) -> str | None:
    """Level-2 schools at the end of the year: those at the start, the new ones at level 2, the upgraded ones."""
    parts = (counter.formula(new_level2, {"kind": _KIND_TEXTS["new"], "standard_level": (L.STANDARD_LEVELS.values[1],)}),
             counter.formula(upgraded, {"kind": _KIND_TEXTS["upgrade"]}))
    return None if None in parts else f"SUM({ref},{'+'.join(parts)})"   # type: ignore[arg-type]


def funded_groups(plan: Plan, table_key: str) -> list[list[int]]:
    """The schools a budget appendix funds, each as the rows of its lines (in order of first line)."""
    groups: dict[object, list[int]] = {}
    for line in plan.budget_lines[table_key]:
        if line.school:
            groups.setdefault(line.school_parts.folded_key if line.school_parts else line.school, []).append(line.row)
    return list(groups.values())


def _table_total_ref(table: Table, col: int, builder: _Builder) -> tuple[str, float]:
    """A reference to a table's total for one column, and its derived value."""
    prefix = quote_sheet(table.sheet)
    if table.total_row:
        item = builder.by_cell.get((table.sheet, table.total_row, col))
        if item is not None:
            return f"{prefix}{a1(table.total_row, col)}", item.value
    rows = table.data_rows
    value = 0.0
    for row in rows:
        value += builder.line_total_value.get((table.sheet, row), 0.0)
    if not rows:
        return "0", 0.0
    return f"SUM({prefix}{a1(table.first_row, col)}:{a1(table.last_row, col)})", value


def _batches(plan: Plan, builder: _Builder) -> None:
    batches = plan.summary.batches
    if batches is None:
        return
    school_sheet = plan.school_table.sheet
    name_col = plan.school_table.col("name") or 1
    for batch in batches.rows:
        if batch.period is None:
            continue
        in_batch = [school for school in plan.schools if school.period and school.period.same_as(batch.period)]
        groups = {
            "new": [school.row for school in in_batch if school.kind == L.KIND_NEW],
            "renew": [school.row for school in in_batch if school.kind in L.RENEW_KINDS],
            "total": [school.row for school in in_batch],
        }
        for key, rows in groups.items():
            col = batches.computed_cols.get(key)
            criteria = {"timing": (batch.label,)}
            if key != "total":
                criteria["kind"] = _KIND_TEXTS["new" if key == "new" else "renew_all"]
            builder.add(batches.sheet, batch.row, col, len(rows), partial(builder.counter.formula, rows, criteria),
                        "what.batch", "count", rule="count-differs-from-list", actual=batch.computed_raw.get(key),
                        actual_formula=batches.formulas.get((batch.row, col)) if col else None,
                        label=batch.label, column=dict(L.BATCH_COLUMNS)[key])


def period_label(period: Period | None) -> str:
    return period.label() if period else ""
