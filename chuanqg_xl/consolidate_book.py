"""The consolidation as a workbook a person can open and scroll, even for the whole country.

Sheets: one summary row per district; the combined school list and timeline
(district and province in columns); what needs attention; and the school names
found in several districts, one row per name with its counts. Cross-district
lists are capped in the cells (a name shared by 300 districts says so and
points to the names sheet) so that 700 districts make a file of a few MB.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import layout as L
from .consolidate import (
    ALSO_IN_AT_MOST, KIND_ORDER, LEVEL_ORDER, OUTPUT_KIND, ConsolidationResult, ProgressFn, first_places,
)
from .messages import text
from .normalize import format_date
from .reportbook import ReportBook, ReportColumn

WARNING_FILL = "#FFF2CC"
ERROR_FILL = "#FCE4D6"


def _h(key: str, lang: str) -> str:
    return text(f"province.col.{key}", lang)


def write_consolidation(result: ConsolidationResult, path: Path, progress: ProgressFn | None = None) -> None:
    lang = result.lang

    def rows_written(done: int, total: int) -> None:
        if progress is not None:
            progress("write", done, total)

    book = ReportBook(path, text("province.title", lang), kind=OUTPUT_KIND, progress=rows_written)
    districts = result.districts
    years = sorted({district.year for district in districts if district.year})
    subtitle = text("province.subtitle", lang, count=len(districts),
                    years=", ".join(str(year) for year in years) or "?",
                    date=format_date(dt.date.today()) if lang == "vi" else dt.date.today().isoformat())
    for sheet in (_summary_sheet, _schools_sheet, _tasks_sheet, _problems_sheet, _names_sheet):
        sheet(book, result, subtitle)
    book.close()


def _summary_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    lang = result.lang
    kinds_group = _h("group.kinds", lang)
    levels_group = _h("group.levels", lang)
    targets_group = _h("group.targets", lang)
    budget_group = _h("group.budget", lang)
    year_end_group = _h("group.year_end", lang)
    checks_group = _h("group.checks", lang)
    columns = [
        ReportColumn(_h("stt", lang), 5, "count"),
        ReportColumn(_h("unit", lang), 26, "wrap"),
        ReportColumn(_h("province", lang), 14, "wrap"),
        ReportColumn(_h("file", lang), 22, "wrap"),
        ReportColumn(_h("year", lang), 7, "count"),
        ReportColumn(_h("number", lang), 12),
        ReportColumn(_h("schools", lang), 9, "count", total=True),
        *(ReportColumn(kind, 11, "count", kinds_group, True) for kind in KIND_ORDER),
        ReportColumn(_h("unknown", lang), 9, "count", kinds_group, True),
        *(ReportColumn(level, 9, "count", levels_group, True) for level in LEVEL_ORDER),
        ReportColumn(_h("unknown", lang), 9, "count", levels_group, True),
        ReportColumn(L.TARGET_ASSIGNED, 10, "count", targets_group, True),
        ReportColumn(L.TARGET_PLANNED, 10, "count", targets_group, True),
        ReportColumn(_h("difference", lang), 10, "count", targets_group, True),
        *(ReportColumn(source.header, 12, "money", budget_group, True) for source in L.SOURCES),
        ReportColumn(L.TOTAL_LABEL, 13, "money", budget_group, True),
        ReportColumn(_h("total_schools", lang), 11, "count", year_end_group, True),
        ReportColumn(_h("at_start", lang), 11, "count", year_end_group, True),
        ReportColumn(_h("year_end", lang), 11, "count", year_end_group, True),
        ReportColumn(_h("rate", lang), 10, "rate", year_end_group),
        ReportColumn(_h("errors", lang), 8, "count", checks_group, True),
        ReportColumn(_h("warnings", lang), 9, "count", checks_group, True),
        ReportColumn(_h("flags", lang), 36, "wrap", checks_group),
    ]
    rows = []
    for index, district in enumerate(result.districts, start=1):
        difference = district.planned - district.assigned if district.assigned is not None else None
        rows.append([
            index, district.unit, district.province, district.name, district.year, district.number,
            district.school_count,
            *(district.by_kind[kind] for kind in KIND_ORDER), district.by_kind[""] or None,
            *(district.by_level[level] for level in LEVEL_ORDER), district.by_level[""] or None,
            district.assigned, district.planned, difference,
            *(district.budget[key] for key in L.SOURCE_KEYS), district.budget_total,
            district.total_schools, district.standard_at_start, district.year_end, district.rate,
            district.errors, district.warnings, "; ".join(district.flags),
        ])
    fills = [ERROR_FILL if district.errors else (WARNING_FILL if district.flags else None)
             for district in result.districts]
    complete = [district for district in result.districts if district.year_end is not None and district.total_schools]
    intro = []
    if complete:
        year_end = sum(district.year_end or 0 for district in complete)
        total = sum(district.total_schools or 0 for district in complete)
        intro.append((text("province.intro.rate", lang, count=len(complete)), f"{year_end}/{total} = "
                      f"{year_end / total * 100:.2f} %".replace(".", "," if lang == "vi" else ".")))
    if result.majority_year:
        intro.append((text("province.intro.majority_year", lang), result.majority_year))
    book.table(text("province.sheet.summary", lang), text("province.title", lang), columns, rows, subtitle=subtitle,
               intro=intro, total_label=text("province.total", lang), fills=fills)


def _also_in(result: ConsolidationResult) -> dict[tuple[int, int], str]:
    """(district, school) → the other places with that name: a few named, more only counted (the names
    sheet names them)."""
    lang = result.lang
    found: dict[tuple[int, int], str] = {}
    for same in result.same_names:
        places = same.places
        if len(places) - 1 > ALSO_IN_AT_MOST:
            many = text("province.also_in_many", lang, count=len(places) - 1,
                        sheet=text("province.sheet.names", lang))
            for place in places:
                found[(place.district, place.school)] = many
            continue
        for place in places:
            found[(place.district, place.school)] = "; ".join(result.place_text(other) for other in places
                                                              if other is not place)
    return found


def _schools_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    lang = result.lang
    columns = [
        ReportColumn(_h("stt", lang), 6, "count"),
        ReportColumn(_h("unit", lang), 24, "wrap"),
        ReportColumn(_h("province", lang), 14, "wrap"),
        *(ReportColumn(L.SCHOOLS.column(key).header, width, kind)
          for key, width, kind in (("name", 30, "wrap"), ("level", 11, "text"), ("commune", 16, "wrap"),
                                   ("kind", 18, "wrap"), ("standard_level", 10, "text"),
                                   ("accreditation_level", 11, "text"), ("timing", 16, "wrap"))),
        ReportColumn(L.SCHOOLS.column("budget").header, 13, "money", total=True),
        ReportColumn(L.NOTE.header, 26, "wrap"),
        ReportColumn(_h("also_in", lang), 30, "wrap"),
    ]
    also_in = _also_in(result)
    rows = []
    fills = []
    number = 0
    for index, district in enumerate(result.districts):
        for position, school in enumerate(district.schools):
            number += 1
            others = also_in.get((index, position), "")
            rows.append([number, district.unit, district.province, school.name, school.level, school.commune,
                         school.kind, school.standard_level, school.accreditation_level, school.timing,
                         school.budget, school.note, others])
            fills.append(WARNING_FILL if others else None)
    book.table(text("province.sheet.schools", lang), text("province.title_schools", lang), columns, rows,
               subtitle=subtitle, total_label=text("province.total", lang), fills=fills,
               empty_text=text("province.none", lang))


def _tasks_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    lang = result.lang
    spec = L.TIMELINE
    columns = [
        ReportColumn(_h("stt", lang), 6, "count"),
        ReportColumn(_h("unit", lang), 22, "wrap"),
        ReportColumn(_h("province", lang), 14, "wrap"),
        *(ReportColumn(spec.column(key).header, width, kind)
          for key, width, kind in (("time", 15, "wrap"), ("task", 50, "wrap"), ("lead", 20, "wrap"),
                                   ("partners", 22, "wrap"), ("schools", 28, "wrap"), ("deadline", 12, "date"),
                                   ("status", 14, "text"), ("done_date", 12, "date"))),
        ReportColumn(L.NOTE.header, 22, "wrap"),
    ]
    rows = []
    number = 0
    for district in result.districts:
        for task in district.tasks:
            number += 1
            rows.append([number, district.unit, district.province, task.time, task.task, task.lead, task.partners,
                         task.schools, task.deadline, task.status, task.done_date, task.note])
    book.table(text("province.sheet.tasks", lang), text("province.title_tasks", lang), columns, rows,
               subtitle=subtitle, empty_text=text("province.none", lang))


def _problems_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    """Every problem but the shared school names, which have a sheet of their own (one line points to it)."""
    lang = result.lang
    columns = [
        ReportColumn(_h("stt", lang), 6, "count"),
        ReportColumn(_h("severity", lang), 11),
        ReportColumn(_h("problem", lang), 24, "wrap"),
        ReportColumn(_h("file", lang), 24, "wrap"),
        ReportColumn(_h("unit", lang), 24, "wrap"),
        ReportColumn(_h("detail", lang), 90, "wrap"),
    ]
    listed = [problem for problem in result.problems if problem.kind != "duplicate_school"]
    rows = [[index, text("severity." + problem.severity, lang), text(f"province.kind.{problem.kind}", lang),
             problem.name or Path(problem.path).name, problem.unit, problem.message]
            for index, problem in enumerate(listed, start=1)]
    fills = [ERROR_FILL if problem.severity == "error" else WARNING_FILL for problem in listed]
    # one warning line for the names that may be one school counted twice (two districts of one province);
    # namesakes in different provinces are only listed on the same-names sheet
    warned = sum(1 for problem in result.problems if problem.kind == "duplicate_school")
    if warned:
        rows.append([len(rows) + 1, text("severity.warning", lang), text("province.kind.duplicate_school", lang),
                     "", "", text("province.names_pointer", lang, count=warned,
                                  sheet=text("province.sheet.names", lang))])
        fills.append(WARNING_FILL)
    book.table(text("province.sheet.problems", lang), text("province.title_problems", lang), columns, rows,
               subtitle=subtitle, fills=fills, empty_text=text("province.no_problems", lang))


def _names_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    """One row per school name found in several districts: how many districts and provinces, and where."""
    lang = result.lang
    columns = [
        ReportColumn(_h("stt", lang), 6, "count"),
        ReportColumn(L.SCHOOLS.column("name").header, 30, "wrap"),
        ReportColumn(_h("name_districts", lang), 10, "count"),
        ReportColumn(_h("name_provinces", lang), 10, "count"),
        ReportColumn(_h("name_places", lang), 90, "wrap"),
    ]
    rows = [[index, same.name, same.districts, same.provinces,
             first_places(result.districts, same.places, lang)]
            for index, same in enumerate(result.same_names, start=1)]
    book.table(text("province.sheet.names", lang), text("province.title_names", lang), columns, rows,
               subtitle=subtitle, empty_text=text("province.no_shared_names", lang))
