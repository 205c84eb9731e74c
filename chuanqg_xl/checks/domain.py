"""Domain rules: what the circulars and the plan year require."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from .. import layout as L
from ..cells import a1
from ..normalize import fold
from ..report import Finding
from .context import Context

# Thông tư 17, 18, 19/2018/TT-BGDĐT: mức độ 1 goes with cấp độ ≥ 2, mức độ 2 with cấp độ ≥ 3.
NEEDED_ACCREDITATION = {1: 2, 2: 3}


def check_levels(ctx: Context) -> Iterator[Finding]:
    for school in ctx.plan.schools:
        needed = NEEDED_ACCREDITATION.get(school.standard_level or 0)
        if needed and school.accreditation_level is not None and school.accreditation_level < needed:
            yield ctx.at("accreditation-level-too-low", school, "accreditation_level", expected=needed,
                         actual=school.accreditation_level, name=school.name, standard=school.standard_level,
                         accreditation=school.accreditation_level, needed=needed)
        if school.kind in L.UPGRADE_KINDS and school.standard_level is not None and school.standard_level != 2:
            yield ctx.at("upgrade-not-to-level-2", school, "standard_level", expected=2, actual=school.standard_level,
                         name=school.name, standard=school.standard_level)


def check_timeline_dates(ctx: Context) -> Iterator[Finding]:
    year = ctx.plan.meta.year
    as_of = ctx.as_of
    for task in ctx.plan.tasks:
        if task.deadline and year and task.deadline.year != year:
            yield ctx.at("deadline-outside-plan-year", task, "deadline", expected=year, actual=task.deadline.year,
                         date=ctx.date(task.deadline), year=year)
        done = task.status == L.STATUS_DONE
        if done and task.done_date is None and task.cell("done_date"):
            yield ctx.at("completed-without-date", task, "done_date")
        if task.done_date and task.status is not None and not done:
            yield ctx.at("completion-date-without-status", task, "status", date=ctx.date(task.done_date),
                         status=task.status)
        if as_of and task.deadline and task.deadline < as_of and not done:
            days = (as_of - task.deadline).days
            yield ctx.at("task-overdue", task, "deadline", expected=task.deadline, actual=as_of, days=days,
                         date=ctx.date(task.deadline), status=task.status or L.STATUS_TODO)


def check_period_years(ctx: Context) -> Iterator[Finding]:
    year = ctx.plan.meta.year
    if not year:
        return
    for school in ctx.plan.schools:
        if school.period and school.period.year and school.period.year != year:
            yield ctx.at("period-outside-plan-year", school, "timing", expected=year, actual=school.period.year,
                         value=school.timing, found=school.period.year, year=year)
    for task in ctx.plan.tasks:
        if task.period and task.period.year and task.period.year != year and not task.time_inherited:
            yield ctx.at("period-outside-plan-year", task, "time", expected=year, actual=task.period.year,
                         value=task.time, found=task.period.year, year=year)
    batches = ctx.plan.summary.batches
    if batches is not None:
        for batch in batches.rows:
            if batch.period and batch.period.year and batch.period.year != year:
                yield ctx.finding("period-outside-plan-year", batches.sheet, f"A{batch.row}", expected=year,
                                  actual=batch.period.year, value=batch.label, found=batch.period.year, year=year)


def check_year_end(ctx: Context) -> Iterator[Finding]:
    figures = ctx.plan.summary.figures
    total = ctx.plan.meta.get("total_schools")
    if figures is None or not isinstance(total, int) or "year_end" not in figures.rows:
        return
    row = figures.rows["year_end"]
    for item in ctx.facts.derived:
        if item.sheet == figures.sheet and item.row == row.row and item.col == figures.computed_col:
            if item.value > total:
                yield ctx.finding("year-end-exceeds-total", figures.sheet, a1(row.row, figures.computed_col),
                                  expected=total, actual=item.value, count=ctx.num(item.value), total=ctx.num(total))


_PLAN_YEAR_TEXT = re.compile(r"\b(ke hoach|kh)\s+(?:nam\s+)?(20\d\d)\b")


def check_stale_years(ctx: Context) -> Iterator[Finding]:
    """'Kế hoạch năm 2022' left in a 2023 plan (copied from last year's text)."""
    year = ctx.plan.meta.year
    if not year:
        return
    for task in ctx.plan.tasks:  # the task's own words; notes are commentary and may quote the old text
        for match in _PLAN_YEAR_TEXT.finditer(fold(task.task)):
            if int(match.group(2)) != year:
                yield ctx.at("stale-year-in-text", task, "task", expected=year, actual=int(match.group(2)),
                             quote="Kế hoạch năm " + match.group(2), year=year)
                break


def check_deadlines_before_issue(ctx: Context) -> Iterator[Finding]:
    issued = ctx.plan.meta.get("date")
    if not isinstance(issued, dt.date):
        return
    for task in ctx.plan.tasks:
        if task.deadline and task.deadline < issued:
            yield ctx.at("deadline-before-plan-date", task, "deadline", expected=issued, actual=task.deadline,
                         date=ctx.date(task.deadline), plan_date=ctx.date(issued))


CHECKS = (check_levels, check_timeline_dates, check_period_years, check_year_end, check_stale_years,
          check_deadlines_before_issue)
