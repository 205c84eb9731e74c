"""Consistency between sections: targets, list, appendices, batches and timeline must tell one story."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import layout as L
from ..cells import a1
from ..matching import Match
from ..report import Finding
from .arithmetic import same
from .context import Context

APPENDIX = {"budget_new": "PL2", "budget_renew": "PL3"}


def check_targets(ctx: Context) -> Iterator[Finding]:
    targets = ctx.plan.summary.targets
    if targets is None:
        return
    counts = Counter((school.level, L.KIND_TO_TARGET.get(school.kind)) for school in ctx.plan.schools if school.kind)
    kinds = dict(L.TARGET_KINDS)
    for level, target in targets.rows.items():
        if level == "total":
            continue
        for kind, assigned in target.assigned.items():
            if kind not in kinds or assigned is None:
                continue
            planned = counts.get((level, kind), 0)
            col = targets.columns.get((kind, "planned")) or targets.columns.get((kind, "assigned"))
            cell = a1(target.row, col)
            params = dict(level=level, kind=kinds[kind], planned=ctx.num(planned), assigned=ctx.num(assigned))
            if planned < assigned:
                yield ctx.finding("target-not-met", targets.sheet, cell, expected=assigned, actual=planned, **params)
            elif planned > assigned == 0:   # at the typed 0: that is the cell to look at
                assigned_col = targets.columns.get((kind, "assigned")) or col
                yield ctx.finding("schools-without-target", targets.sheet, a1(target.row, assigned_col),
                                  expected=assigned, actual=planned, **params)
            elif planned > assigned:
                yield ctx.finding("target-exceeded", targets.sheet, cell, expected=assigned, actual=planned,
                                  extra=ctx.num(planned - assigned), **params)


def _name_finding(ctx: Context, match: Match, sheet: str, cell: str, name: str,
                  missing_rule: str) -> Iterator[Finding]:
    if match.how == "variant" and match.school is not None:
        yield ctx.finding("school-name-variant", sheet, cell, expected=match.school.name, actual=name, name=name,
                          canonical=match.school.name, row=match.school.row)
    elif match.how == "ambiguous":
        yield ctx.finding("ambiguous-school-name", sheet, cell, name=name,
                          candidates=", ".join(f"'{school.name}'" for school in match.candidates))
    elif match.how == "missing":
        others = [school for school in match.candidates if school.name]
        if others:
            yield ctx.finding(missing_rule, sheet, cell, "other_prefix", name=name, other=others[0].name)
        else:
            yield ctx.finding(missing_rule, sheet, cell, name=name)


def _in_wrong_appendix(key: str, school) -> bool:
    return (key == "budget_new" and school.kind != L.KIND_NEW) or \
        (key == "budget_renew" and school.kind not in L.RENEW_KINDS)


def check_budget_schools(ctx: Context) -> Iterator[Finding]:
    facts = ctx.facts
    # A school all of whose lines sit in the other appendix: its kind in the list is the likelier slip.
    misplaced_school: set[int] = set()
    for school in ctx.plan.schools:
        lines = facts.lines_for(school)
        if not lines or school.kind is None:
            continue
        keys = {key for key, table in ctx.plan.budget_tables.items() for line in lines if line.table is table}
        if len(keys) == 1 and _in_wrong_appendix(next(iter(keys)), school):
            misplaced_school.add(id(school))
            yield ctx.at("budget-in-wrong-appendix", school, "kind", "kind", name=school.name, kind=school.kind,
                         appendix=APPENDIX[next(iter(keys))],
                         lines=", ".join(f"{line.sheet}!{line.cell('name')}" for line in lines))
    for key, lines in ctx.plan.budget_lines.items():
        appendix = APPENDIX[key]
        for line, match in zip(lines, facts.line_matches[key]):
            if not line.school:
                continue
            cell = line.cell("name")
            yield from _name_finding(ctx, match, line.sheet, cell, line.school, "budget-school-not-in-list")
            school = match.school
            if school is None or school.kind is None or id(school) in misplaced_school:
                continue
            if _in_wrong_appendix(key, school):
                yield ctx.finding("budget-in-wrong-appendix", line.sheet, cell, name=school.name,
                                  appendix=appendix, kind=school.kind)
    unit = str(ctx.plan.meta.get("money_unit") or "triệu đồng")
    if not any(ctx.plan.budget_lines.values()):
        return  # a plan without budget appendices: there is nothing to be missing from
    for school in ctx.plan.schools:
        if not school.name or school.kind is None:
            continue
        lines = facts.lines_for(school)
        appendix = "PL2" if school.kind == L.KIND_NEW else "PL3"
        if not lines and not school.is_pre_invested:
            yield ctx.at("school-without-budget", school, "pre_invested", name=school.name, kind=school.kind,
                         appendix=appendix)
        elif lines and school.is_pre_invested:
            amount = sum(facts_value(ctx, line) for line in lines)
            yield ctx.at("pre-invested-with-budget", school, "pre_invested", name=school.name,
                         mark=school.pre_invested, amount=ctx.num(amount), unit=unit, appendix=appendix)


def facts_value(ctx: Context, line) -> float:
    from ..derive import sheet_number
    return sum(sheet_number(line.raw(key)) for key in L.SOURCE_KEYS)


def check_batches(ctx: Context) -> Iterator[Finding]:
    batches = ctx.plan.summary.batches
    if batches is None:
        return
    computed = {(item.row, item.col): item.value for item in ctx.facts.derived if item.sheet == batches.sheet}
    names = dict(L.BATCH_COLUMNS)
    for batch in batches.rows:
        stated = batch.stated
        parts = [stated.get("new"), stated.get("renew")]
        if stated.get("total") is not None and all(part is not None for part in parts) \
                and sum(parts) != stated["total"]:
            yield ctx.finding("batch-count-mismatch", batches.sheet, a1(batch.row, batches.stated_cols["total"]),
                              "parts", expected=sum(parts), actual=stated["total"], label=batch.label,
                              new=ctx.num(parts[0]), renew=ctx.num(parts[1]), sum=ctx.num(sum(parts)),
                              total=ctx.num(stated["total"]))
        if batch.period is None:
            continue
        for key, value in stated.items():
            col = batches.computed_cols.get(key)
            counted = computed.get((batch.row, col))
            if value is None or counted is None or value == counted:
                continue
            yield ctx.finding("batch-count-mismatch", batches.sheet, a1(batch.row, batches.stated_cols[key]),
                              expected=counted, actual=value, label=batch.label, column=names[key],
                              stated=ctx.num(value), counted=ctx.num(counted))


def check_tasks(ctx: Context) -> Iterator[Finding]:
    for task in ctx.plan.tasks:
        mentions = ctx.facts.mentions.get(id(task), [])
        cell = task.cell("schools") or f"A{task.row}"
        for mention in mentions:
            if mention.match is not None:
                yield from _name_finding(ctx, mention.match, task.sheet, cell, mention.text, "school-not-in-list")
            for piece, match in mention.comma_parts:
                yield from _name_finding(ctx, match, task.sheet, cell, piece, "school-not-in-list")
        named = ctx.facts.named_counts.get(id(task))
        repeated = 0
        seen: set[int] = set()
        for mention in mentions:
            matches = [mention.match] if mention.match is not None else [match for _, match in mention.comma_parts]
            for match in matches:
                if match.school is None:
                    continue
                if id(match.school) in seen:
                    repeated += 1
                    yield ctx.finding("school-named-twice", task.sheet, cell, name=match.school.name)
                seen.add(id(match.school))
        if named:
            named -= repeated   # the count compares distinct schools
        if task.school_count is None or not named or named == task.school_count:
            continue
        names = "; ".join(mention.text for mention in mentions if mention.text)
        yield ctx.at("task-school-count-mismatch", task, "school_count", expected=named, actual=task.school_count,
                     stated=ctx.num(task.school_count), named=ctx.num(named), names=names)


def check_figures(ctx: Context) -> Iterator[Finding]:
    figures = ctx.plan.summary.figures
    if figures is None:
        return
    computed = {(item.row, item.col): item for item in ctx.facts.derived if item.sheet == figures.sheet}
    labels = {figure.key: figure for figure in L.FIGURES}
    meta = ctx.plan.meta
    for key, row in figures.rows.items():
        if row.stated is None:
            continue
        item = computed.get((row.row, figures.computed_col))
        figure = labels[key]
        cell = a1(row.row, figures.stated_col)
        if item is None:
            needs = {"year_end": "standard_at_start", "rate": "total_schools", "level2_year_end": "level2_at_start"}
            field = needs.get(key)
            if field and meta.get(field) is None:
                info = next(info for info in L.INFO_FIELDS if info.key == field)
                ref = meta.ref(field)
                yield ctx.at_ref("missing-required-value", ref, meta.sheet, "needed_for", field=info.label,
                                 figure=figure.label)
            continue
        fmt = "rate" if figure.type == "percent" else ("money" if figure.type == "number" else "count")
        if not same(item.value, row.stated, fmt):
            shown = (lambda value: ctx.pct(value)) if fmt == "rate" else ctx.num
            yield ctx.finding("stated-figure-mismatch", figures.sheet, cell, expected=item.value, actual=row.stated,
                              label=figure.label, stated=shown(row.stated), computed=shown(item.value))


CHECKS = (check_targets, check_budget_schools, check_batches, check_tasks, check_figures)
