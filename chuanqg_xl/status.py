"""Progress of a plan's timeline on a given date: the periodic report plans ask for.

Each task falls in exactly one category, in this order of precedence:
done, overdue, due soon (within the horizon), in progress, not yet due,
no deadline. A task without a typed deadline gets one from its time
("Tháng 5,6/2023" → 30/06/2023, "Quý III/2023" → 30/09/2023), marked as
inferred, because most legacy timelines only give the month.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import layout as L
from .messages import text
from .normalize import clean_text, fold, format_date, parse_date, parse_period, shorten

DEFAULT_HORIZON_DAYS = 30
OUTPUT_KIND = "status"
CATEGORIES = ("overdue", "due_soon", "in_progress", "not_due", "no_deadline", "done")

_YEAR = re.compile(r"\b(20\d{2})\b")
# "tháng 5,6/2023" folds to "thang 5 6/2023": every month listed; the last one ends the period.
_MONTHS = re.compile(r"\bthang\s*((?:\d{1,2}\b\s*(?:va|den|-)?\s*)+)")
_HALF_YEAR = re.compile(r"\b6 thang (dau|cuoi) nam\b")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def end_of_period(value: object, default_year: int | None = None) -> dt.date | None:
    """The last day a time as plans write it allows: a date, a month (or months), a quarter, a batch's month.

    'trước 31/01/2024' → 31/01/2024; 'Tháng 5,6/2023' → 30/06/2023; 'Quý III/2023' → 30/09/2023;
    'Đợt 1 (tháng 3/2024)' → 31/03/2024; '6 tháng đầu năm' → 30/06. None when the text names no end
    ('Thường xuyên', 'Cả năm') or no year is known.
    """
    raw = clean_text(value)
    if not raw:
        return None
    explicit = parse_date(raw).value
    if explicit:
        return explicit
    key = fold(raw)
    years = _YEAR.findall(key)
    year = int(years[-1]) if years else default_year
    if year is None:
        return None
    half = _HALF_YEAR.search(key)
    if half:
        return _month_end(year, 6 if half.group(1) == "dau" else 12)
    months_match = _MONTHS.search(key)
    if months_match:
        months = [int(number) for number in re.findall(r"\d{1,2}", months_match.group(1)) if 1 <= int(number) <= 12]
        if months:
            return _month_end(year, max(months))
    period = parse_period(raw)
    if period is not None and period.kind == "quarter":
        return _month_end(period.year or year, 3 * period.number)
    if period is not None and period.kind == "batch" and period.month:
        return _month_end(period.year or year, period.month)
    return None


@dataclass(frozen=True, slots=True)
class TaskStatus:
    """One task of the timeline, as it stands on the report date."""

    sheet: str
    cell: str                    # the task's cell in the workbook ("B7")
    time: str
    task: str
    lead: str
    deadline: dt.date | None
    deadline_inferred: bool      # taken from the time column, not typed
    status: str | None
    done_date: dt.date | None
    category: str                # one of CATEGORIES
    days_late: int | None = None  # overdue: days past the deadline; done: days it finished late
    days_left: int | None = None  # open tasks with a deadline ahead


@dataclass(slots=True)
class LeadSummary:
    lead: str
    counts: dict[str, int] = field(default_factory=lambda: {category: 0 for category in CATEGORIES})
    max_days_late: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class StatusReport:
    path: str
    unit: str
    year: int | None
    as_of: dt.date
    horizon_days: int
    tasks: list[TaskStatus]
    by_lead: list[LeadSummary]
    lang: str = "vi"

    def count(self, category: str) -> int:
        return sum(1 for task in self.tasks if task.category == category)

    def of(self, category: str) -> list[TaskStatus]:
        return [task for task in self.tasks if task.category == category]

    @property
    def exit_code(self) -> int:
        # Overdue tasks are a warning (rule D004), so the report itself exits 0.
        return 0

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.path,
            "unit": self.unit,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "horizon_days": self.horizon_days,
            "summary": {category: self.count(category) for category in CATEGORIES},
            "tasks": [{
                "sheet": task.sheet, "cell": task.cell, "time": task.time, "task": task.task, "lead": task.lead,
                "deadline": task.deadline.isoformat() if task.deadline else None,
                "deadline_inferred": task.deadline_inferred, "status": task.status,
                "done_date": task.done_date.isoformat() if task.done_date else None,
                "category": task.category, "days_late": task.days_late, "days_left": task.days_left,
            } for task in self.tasks],
            "by_lead": [{"lead": lead.lead, "total": lead.total, **lead.counts, "max_days_late": lead.max_days_late}
                        for lead in self.by_lead],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def _date(self, value: dt.date | None) -> str:
        return format_date(value) if self.lang == "vi" else (value.isoformat() if value else "")

    def _deadline(self, task: TaskStatus) -> str:
        shown = self._date(task.deadline)
        return text("province.status.inferred", self.lang, date=shown) if task.deadline_inferred else shown

    def to_text(self) -> str:
        lang = self.lang
        lines = [text("province.status.header", lang, unit=self.unit or text("province.no_unit", lang),
                      year=self.year or "?", date=self._date(self.as_of))]
        if not self.tasks:   # a plan whose Tiến độ sheet has no task yet: say so, not "0 tasks: 0 done, 0 …"
            lines.append(text("province.status.no_tasks", lang, sheet=L.TIMELINE.name))
            return "\n".join(lines)
        lines.append(text("province.status.counts", lang, done=self.count("done"),
                          in_progress=self.count("in_progress"), overdue=self.count("overdue"),
                          due_soon=self.count("due_soon"), days=self.horizon_days, not_due=self.count("not_due"),
                          no_deadline=self.count("no_deadline"), total=len(self.tasks)))
        for category in ("overdue", "due_soon", "in_progress", "done"):
            tasks = self.of(category)
            if not tasks:
                continue
            lines.append("")
            lines.append(text(f"province.status.section.{category}", lang, count=len(tasks), days=self.horizon_days))
            for task in tasks:
                lines.append("  " + self._task_line(task))
        if self.count("no_deadline"):
            lines.append("")
            lines.append(text("province.status.section.no_deadline", lang, count=self.count("no_deadline")))
        if self.by_lead:
            lines.append("")
            lines.append(text("province.status.section.by_lead", lang))
            for lead in self.by_lead:
                lines.append("  " + text("province.status.lead_line", lang, lead=lead.lead, total=lead.total,
                                          done=lead.counts["done"], in_progress=lead.counts["in_progress"],
                                          overdue=lead.counts["overdue"], due_soon=lead.counts["due_soon"],
                                          late=text("province.status.latest", lang, days=lead.max_days_late)
                                          if lead.max_days_late else ""))
        return "\n".join(lines)

    def _task_line(self, task: TaskStatus) -> str:
        lang = self.lang
        where = f"{task.sheet}!{task.cell}"
        lead = task.lead or text("province.status.no_lead", lang)
        summary = shorten(task.task, 90)
        if task.category == "overdue":
            detail = text("province.status.line.overdue", lang, deadline=self._deadline(task), days=task.days_late)
        elif task.category == "due_soon":
            detail = text("province.status.line.due_soon", lang, deadline=self._deadline(task), days=task.days_left)
        elif task.category == "in_progress":
            detail = text("province.status.line.in_progress", lang, deadline=self._deadline(task) or "—")
        elif task.days_late:
            detail = text("province.status.line.done_late", lang, date=self._date(task.done_date),
                          days=task.days_late)
        else:
            detail = text("province.status.line.done", lang, date=self._date(task.done_date) or "—")
        return f"{where} {detail} — {summary} ({lead})"


def classify(deadline: dt.date | None, status: str | None, done_date: dt.date | None, as_of: dt.date,
             horizon_days: int = DEFAULT_HORIZON_DAYS) -> tuple[str, int | None, int | None]:
    """(category, days late, days left) of one task on `as_of`."""
    if done_date is not None:
        # A completion date after the report date means it was not done yet on that date.
        done = done_date <= as_of
    else:
        done = status == L.STATUS_DONE
    if done:
        late = (done_date - deadline).days if done_date and deadline and done_date > deadline else None
        return "done", late, None
    if deadline is not None and deadline < as_of:
        return "overdue", (as_of - deadline).days, None
    if deadline is not None and (deadline - as_of).days <= horizon_days:
        return "due_soon", None, (deadline - as_of).days
    left = (deadline - as_of).days if deadline else None
    if status == L.STATUS_DOING or (status == L.STATUS_DONE and done_date is not None):
        return "in_progress", None, left
    if deadline is None:
        return "no_deadline", None, None
    return "not_due", None, left


def progress_status(path: str | os.PathLike[str], as_of: dt.date | None = None, *,
                    horizon_days: int = DEFAULT_HORIZON_DAYS, lang: str = "vi") -> StatusReport:
    """The timeline's progress on `as_of` (today when None). Raises PlanError for unusable files."""
    from .reader import read_plan

    plan = read_plan(path)
    when = as_of or dt.date.today()
    year = plan.meta.year
    tasks: list[TaskStatus] = []
    leads: dict[str, LeadSummary] = {}
    no_lead = text("province.status.no_lead", lang)
    for task in plan.tasks:
        deadline, inferred = task.deadline, False
        if deadline is None:
            deadline = end_of_period(task.time, year)
            inferred = deadline is not None
        category, late, left = classify(deadline, task.status, task.done_date, when, horizon_days)
        item = TaskStatus(task.sheet, task.cell("task") or f"A{task.row}", task.time, task.task, task.lead, deadline,
                          inferred, task.status, task.done_date, category, late, left)
        tasks.append(item)
        lead_name = task.lead or no_lead
        summary = leads.setdefault(fold(lead_name), LeadSummary(lead_name))
        summary.counts[category] += 1
        if category == "overdue" and late:
            summary.max_days_late = max(summary.max_days_late, late)
    by_lead = sorted(leads.values(), key=lambda lead: (-lead.counts["overdue"], -lead.max_days_late,
                                                      -lead.counts["due_soon"], fold(lead.lead)))
    order = {category: index for index, category in enumerate(CATEGORIES)}
    # Most urgent first: the longest overdue, then the nearest deadlines.
    tasks.sort(key=lambda task: (order[task.category], -(task.days_late or 0) if task.category == "overdue" else 0,
                                 task.deadline or dt.date.max))
    return StatusReport(str(path), plan.meta.unit, year, when, horizon_days, tasks, by_lead, lang)


# ---------------------------------------------------------------- the xlsx face

_FILLS = {"overdue": "#F8CBAD", "due_soon": "#FFE699", "done": "#C6EFCE", "in_progress": "#DDEBF7"}


def write_status(report: StatusReport, output: str | os.PathLike[str]) -> Path:
    """The report as a workbook: the tasks with their category, and a sheet per lead unit."""
    from .reportbook import ReportBook, ReportColumn
    from .files import atomic_write, needs_backup, refuse_output_among_inputs, refuse_unopenable_name

    lang = report.lang
    target = Path(output)
    refuse_unopenable_name(target)
    refuse_output_among_inputs([report.path], target, OUTPUT_KIND)

    def h(key: str) -> str:
        return text(f"province.status.col.{key}", lang)

    def build(tmp: Path) -> None:
        book = ReportBook(tmp, text("province.status.title", lang), report.unit, kind=OUTPUT_KIND)
        subtitle = text("province.status.subtitle", lang, unit=report.unit or text("province.no_unit", lang),
                        year=report.year or "?", date=report._date(report.as_of))
        intro = [(text(f"province.status.category.{category}", lang, days=report.horizon_days),
                  report.count(category)) for category in CATEGORIES]
        columns = [
            ReportColumn(h("stt"), 6, "count"), ReportColumn(h("time"), 16), ReportColumn(h("task"), 56, "wrap"),
            ReportColumn(h("lead"), 22, "wrap"), ReportColumn(h("deadline"), 13, "date"),
            ReportColumn(h("inferred"), 12), ReportColumn(h("status"), 16), ReportColumn(h("done_date"), 13, "date"),
            ReportColumn(h("category"), 20), ReportColumn(h("days_late"), 10, "count"),
            ReportColumn(h("days_left"), 10, "count"), ReportColumn(h("cell"), 16),
        ]
        yes = text("province.yes", lang)
        rows = [[index, task.time, task.task, task.lead, task.deadline, yes if task.deadline_inferred else "",
                 task.status or "", task.done_date,
                 text(f"province.status.category.{task.category}", lang, days=report.horizon_days),
                 task.days_late, task.days_left, f"{task.sheet}!{task.cell}"]
                for index, task in enumerate(report.tasks, start=1)]
        fills = [_FILLS.get(task.category) for task in report.tasks]
        book.table(text("province.status.sheet.tasks", lang), text("province.status.title", lang), columns, rows,
                   subtitle=subtitle, intro=intro, fills=fills)
        lead_columns = [ReportColumn(h("stt"), 6, "count"), ReportColumn(h("lead"), 34, "wrap"),
                        ReportColumn(h("total"), 10, "count", total=True)]
        lead_columns += [ReportColumn(text(f"province.status.category.{category}", lang, days=report.horizon_days),
                                      13, "count", total=True) for category in CATEGORIES]
        lead_columns.append(ReportColumn(h("max_late"), 13, "count"))
        lead_rows = [[index, lead.lead, lead.total, *(lead.counts[category] for category in CATEGORIES),
                      lead.max_days_late or None] for index, lead in enumerate(report.by_lead, start=1)]
        book.table(text("province.status.sheet.leads", lang), text("province.status.title_leads", lang),
                   lead_columns, lead_rows, subtitle=subtitle, total_label=text("province.total", lang))
        book.close()

    atomic_write(target, build, backup=needs_backup(target, OUTPUT_KIND))
    return target

