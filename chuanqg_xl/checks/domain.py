"""Domain rules: what the circulars and the plan year require."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .. import layout as L
from ..cells import a1
from ..normalize import fold
from ..report import Finding
from .context import Context
from .amounts import check_amounts

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


def _period_start(period, year: int | None) -> dt.date | None:
    """The first day of a task's period ('Tháng 10/2023' → 01/10/2023), when its year is known."""
    year = period.year or year
    if not year:
        return None
    if period.kind == "month" and 1 <= period.number <= 12:
        return dt.date(year, period.number, 1)
    if period.kind == "quarter":
        return dt.date(year, 3 * (period.number - 1) + 1, 1)
    if period.kind == "batch" and period.month and 1 <= period.month <= 12:
        return dt.date(year, period.month, 1)
    return None


FAR_YEARS = 2   # a date this many years from the plan year is a typo, not a plan


def check_timeline_dates(ctx: Context) -> Iterator[Finding]:
    year = ctx.plan.meta.year
    as_of = ctx.as_of
    spec = L.TIMELINE
    for task in ctx.plan.tasks:
        far = False
        for key, value in (("deadline", task.deadline), ("done_date", task.done_date)):
            if value and year and abs(value.year - year) >= FAR_YEARS:
                far = far or key == "deadline"
                yield ctx.at("date-years-from-plan", task, key, expected=year, actual=value.year,
                             field=spec.column(key).header, date=ctx.date(value), year=year,
                             years=abs(value.year - year))
        start = _period_start(task.period, year) if task.period else None
        if task.deadline and start and task.deadline < start and not far:
            yield ctx.at("deadline-before-period", task, "deadline", expected=start, actual=task.deadline,
                         date=ctx.date(task.deadline), time=task.time, start=ctx.date(start))
        if task.deadline and year and task.deadline.year != year and not far:
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
# "… đạt chuẩn quốc gia năm 2022": a year after "năm" that is not a range ("2021-2025") nor a school year.
_YEAR_TEXT = re.compile(r"\bnam\s+(20\d\d)\b(?!\s*(?:/|\s)\s*20\d\d)")
# Words before "năm YYYY" that make the year history, a start or a target, not the plan's own year.
_OTHER_YEAR_WORDS = ("cong nhan", "cong nhan lai", "da", "tu", "truoc", "den", "sau", "giai doan", "nam hoc",
                     "het", "cuoi", "dau", "tai", "duoc", "ky", "qua", "vao", "ngay", "thang")


def check_stale_years(ctx: Context) -> Iterator[Finding]:
    """'Kế hoạch năm 2022' left in a 2023 plan (copied from last year's text)."""
    year = ctx.plan.meta.year
    if not year:
        return
    for task in ctx.plan.tasks:  # the task's own words; notes are commentary and may quote the old text
        text = fold(task.task)
        for match in _PLAN_YEAR_TEXT.finditer(text):
            if int(match.group(2)) != year:
                yield ctx.at("stale-year-in-text", task, "task", expected=year, actual=int(match.group(2)),
                             quote="Kế hoạch năm " + match.group(2), year=year)
                break
        else:
            found = _loose_stale_year(task.task, text, year)
            if found:
                quote, stale = found
                yield ctx.at("stale-year-in-text", task, "task", expected=year, actual=stale, quote=quote, year=year)


def _loose_stale_year(raw: str, text: str, year: int) -> tuple[str, int] | None:
    """A last-year mention in looser wording ('đạt chuẩn quốc gia năm 2022'), with the words that carry it."""
    for match in _YEAR_TEXT.finditer(text):
        found = int(match.group(1))
        if not year - 3 <= found < year:   # a later year is a target; far older ones are history
            continue
        before = text[:match.start()].split()[-3:]
        if any(" ".join(before[i:]) in _OTHER_YEAR_WORDS for i in range(len(before))):
            continue
        if any("/" in word or word in ("so", "ubnd", "qd", "tt", "nd") for word in text[:match.start()].split()[-4:]):
            continue   # a document's year ('Kế hoạch số 37/KH-UBND năm 2021')
        words = raw.split()
        at = next((i for i, word in enumerate(words) if str(found) in word), len(words) - 1)
        return " ".join(words[max(0, at - 4):at + 1]), found
    return None


def check_plan_date(ctx: Context) -> Iterator[Finding]:
    issued, year = ctx.plan.meta.get("date"), ctx.plan.meta.year
    if not isinstance(issued, dt.date) or not year or issued.year == year:
        return
    if issued.year == year - 1 and issued.month == 12:
        return   # a plan signed late the year before
    yield ctx.at_ref("plan-date-outside-year", ctx.plan.meta.ref("date"), ctx.plan.meta.sheet, expected=year,
                     actual=issued.year, date=ctx.date(issued), year=year)


def check_deadlines_before_issue(ctx: Context) -> Iterator[Finding]:
    issued = ctx.plan.meta.get("date")
    if not isinstance(issued, dt.date):
        return
    for task in ctx.plan.tasks:
        if task.deadline and task.deadline < issued:
            yield ctx.at("deadline-before-plan-date", task, "deadline", expected=issued, actual=task.deadline,
                         date=ctx.date(task.deadline), plan_date=ctx.date(issued))


CHECKS = (check_levels, check_timeline_dates, check_period_years, check_year_end, check_stale_years,
          check_plan_date, check_deadlines_before_issue, check_amounts)
