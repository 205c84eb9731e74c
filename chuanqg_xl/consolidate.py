"""The province's view: many district plans merged into one workbook.

Each file is read, analysed and checked on its own; a file that cannot be
read is reported and the run goes on. The workbook holds one summary row per
district, the combined school list and timeline (the district in a column),
and a sheet of what needs a person's attention: unreadable files, the same
school in two districts, plan years that differ from the majority, districts
whose plan has error-level findings (still consolidated), a district sent twice.
"""
from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import layout as L
from .errors import PlanError
from .files import atomic_write, fully_resolved, is_own_output, mark_own_output, needs_backup, refuse_output_among_inputs
from .messages import text
from .normalize import fold, format_amount, format_date

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
KIND_ORDER = (L.KIND_NEW, L.KIND_RENEW, L.KIND_UPGRADE, L.KIND_RENEW_UPGRADE)
LEVEL_ORDER = L.LEVELS.values
ProgressFn = Callable[[Path], None]
PROGRESS_MIN_FILES = 4  # below this a run takes a second or two: no bar needed
OUTPUT_KIND = "consolidate"


# ---------------------------------------------------------------- report workbooks (xlsxwriter)

@dataclass(frozen=True, slots=True)
class ReportColumn:
    header: str
    width: float = 14
    kind: str = "text"          # text, wrap, count, money, rate, date
    group: str | None = None    # a merged header above consecutive columns of the same group
    total: bool = False         # summed in the total row


LINE_HEIGHT = 16.5          # points per line of 12 pt Times New Roman
INTRO_LABEL_WIDTH = 40      # characters the intro labels need
A4_WIDTH = 230              # column-width units that still print legibly on A4 landscape


def row_height(values: Sequence[object], columns: Sequence[ReportColumn]) -> float | None:
    """Room for wrapped text: LibreOffice does not grow xlsx rows by itself, Excel not always."""
    lines = 1
    for value, column in zip(values, columns):
        if column.kind in ("wrap", "text") and isinstance(value, str) and value:
            lines = max(lines, -(-int(len(value) * 1.15) // max(int(column.width), 1)))
    return LINE_HEIGHT * lines if lines > 1 else None


class ReportBook:
    """A small writer for the tool's report workbooks (province summary, progress report).

    Tables follow the standard workbook's look (Times New Roman, header fill,
    borders, A4 landscape, header rows repeated on every page) so the sheets
    can be printed and attached as they are.
    """

    def __init__(self, path: Path, title: str, company: str = "", *, kind: str) -> None:
        import xlsxwriter

        from .template import FIXED_CREATED

        from .template import XLSX_OPTIONS

        self.workbook = xlsxwriter.Workbook(str(path), XLSX_OPTIONS)
        # A fixed creation time keeps two runs on the same input byte-identical.
        self.workbook.set_properties({"title": title, "author": L.TOOL_AUTHOR, "created": FIXED_CREATED,
                                      "company": company})
        mark_own_output(self.workbook, kind)
        self._formats: dict[tuple[str, str | None, bool], object] = {}
        style = L.STYLE
        base = {"font_name": style.font, "font_size": style.size, "valign": "top"}
        self._base = base
        self.title_format = self.workbook.add_format({**base, "bold": True, "font_size": style.title_size,
                                                      "align": "center", "valign": "vcenter"})
        self.subtitle_format = self.workbook.add_format({**base, "italic": True, "align": "center"})
        self.intro_label = self.workbook.add_format({**base, "bold": True})
        self.intro_value = self.workbook.add_format({**base, "align": "left"})
        self.header_format = self.workbook.add_format({**base, "bold": True, "border": 1, "text_wrap": True,
                                                       "align": "center", "valign": "vcenter",
                                                       "bg_color": style.header_fill})

    def cell_format(self, kind: str, fill: str | None = None, bold: bool = False) -> object:
        key = (kind, fill, bold)
        found = self._formats.get(key)
        if found is None:
            spec: dict[str, object] = {**self._base, "border": 1, "text_wrap": True}
            spec.update({
                "count": {"num_format": "0", "align": "center"},
                "money": {"num_format": L.MONEY_FORMAT},
                "rate": {"num_format": L.RATE_FORMAT, "align": "center"},
                "date": {"num_format": L.DATE_FORMAT, "align": "center"},
            }.get(kind, {}))
            if fill:
                spec["bg_color"] = fill
            if bold:
                spec["bold"] = True
            found = self._formats[key] = self.workbook.add_format(spec)
        return found

    def _write(self, sheet, row: int, col: int, value: object, fmt: object) -> None:
        from .template import write_value

        write_value(sheet, row, col, value, fmt)

    def table(self, name: str, title: str, columns: Sequence[ReportColumn], rows: Sequence[Sequence[object]], *,
              subtitle: str = "", intro: Sequence[tuple[str, object]] = (), total_label: str | None = None,
              fills: Sequence[str | None] | None = None, empty_text: str = "") -> None:
        """One sheet: title, subtitle, intro lines (label, value), headers, rows, an optional total row."""
        from .cells import a1

        sheet = self.workbook.add_worksheet(name)
        last_col = len(columns) - 1
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
        if last_col > 0:
            sheet.merge_range(0, 0, 0, last_col, title, self.title_format)
        else:
            sheet.write_string(0, 0, title, self.title_format)
        sheet.set_row(0, 24)
        row = 1
        if subtitle:
            if last_col > 0:
                sheet.merge_range(row, 0, row, last_col, subtitle, self.subtitle_format)
            else:
                sheet.write_string(row, 0, subtitle, self.subtitle_format)
            row += 1
        # Intro labels span the first columns, however narrow, so they are never cut off.
        label_end, width = 0, columns[0].width if columns else 0
        while width < INTRO_LABEL_WIDTH and label_end + 1 < last_col:
            label_end += 1
            width += columns[label_end].width
        for label, value in intro:
            if label_end > 0:
                sheet.merge_range(row, 0, row, label_end, label, self.intro_label)
            else:
                sheet.write_string(row, 0, label, self.intro_label)
            self._write(sheet, row, label_end + 1, value, self.intro_value)
            row += 1
        row += 1
        grouped = any(column.group for column in columns)
        header_top = row
        if grouped:
            col = 0
            while col <= last_col:
                group = columns[col].group
                if group is None:
                    sheet.merge_range(row, col, row + 1, col, columns[col].header, self.header_format)
                    col += 1
                    continue
                end = col
                while end + 1 <= last_col and columns[end + 1].group == group:
                    end += 1
                if end > col:
                    sheet.merge_range(row, col, row, end, group, self.header_format)
                else:
                    sheet.write_string(row, col, group, self.header_format)
                for sub in range(col, end + 1):
                    sheet.write_string(row + 1, sub, columns[sub].header, self.header_format)
                col = end + 1
            sheet.set_row(row, 20)
            row += 1
        else:
            for col, column in enumerate(columns):
                sheet.write_string(row, col, column.header, self.header_format)
        sheet.set_row(row, 36)
        header_row = row
        first = row + 1
        for offset, values in enumerate(rows):
            fill = fills[offset] if fills else None
            for col, column in enumerate(columns):
                value = values[col] if col < len(values) else None
                self._write(sheet, first + offset, col, value, self.cell_format(column.kind, fill))
            height = row_height(values, columns)
            if height:
                sheet.set_row(first + offset, height)
        last = first + len(rows) - 1
        if not rows and empty_text:
            sheet.merge_range(first, 0, first, max(last_col, 1), empty_text, self.cell_format("text"))
            last = first
        if total_label is not None and rows:
            total_row = last + 1
            label_col = 1 if last_col >= 1 else 0
            for col, column in enumerate(columns):
                fmt = self.cell_format(column.kind, "#EDEDED", bold=True)
                if col == label_col:
                    sheet.write_string(total_row, col, total_label, self.cell_format("text", "#EDEDED", True))
                elif column.total:
                    cached = sum(values[col] for values in rows if isinstance(values[col], (int, float))
                                 and not isinstance(values[col], bool))
                    sheet.write_formula(total_row, col, f"=SUM({a1(first + 1, col + 1)}:{a1(last + 1, col + 1)})",
                                        fmt, cached)
                else:
                    sheet.write_blank(total_row, col, None, fmt)
        sheet.freeze_panes(header_row + 1, 0)
        if rows:
            sheet.autofilter(header_row, 0, last, last_col)
        sheet.set_paper(8 if sum(column.width for column in columns) > A4_WIDTH else 9)  # A3 for wide tables
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)
        sheet.repeat_rows(header_top, header_row)
        sheet.set_footer("&CTrang &P/&N")

    def close(self) -> None:
        self.workbook.close()


# ---------------------------------------------------------------- the model of a consolidation

@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the set of files a person should look at."""

    kind: str        # unreadable, error_findings, year_differs, no_year, duplicate_school, duplicate_unit
    severity: str    # "error" or "warning"
    path: str
    unit: str
    message: str


@dataclass(slots=True)
class District:
    """One district's plan, reduced to what the province compares."""

    path: Path
    unit: str
    province: str
    year: int | None
    number: str
    by_kind: dict[str, int]
    by_level: dict[str, int]
    assigned: int | None       # targets assigned from above (None: none typed)
    planned: int               # schools the list counts against the targets
    budget: dict[str, float]   # funding source key → million VND
    total_schools: int | None
    standard_at_start: int | None
    year_end: int | None
    rate: float | None
    errors: int
    warnings: int
    error_codes: list[str]
    schools: list[dict[str, object]]
    tasks: list[dict[str, object]]
    flags: list[str] = field(default_factory=list)

    @property
    def school_count(self) -> int:
        return len(self.schools)

    @property
    def budget_total(self) -> float:
        return sum(self.budget.values())


@dataclass(slots=True)
class ConsolidationResult:
    output: Path
    inputs: list[Path]
    districts: list[District]
    problems: list[Problem]
    skipped: list[Path]
    majority_year: int | None
    lang: str = "vi"
    backup: Path | None = None

    @property
    def unreadable(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.kind == "unreadable"]

    @property
    def exit_code(self) -> int:
        """0 all files consolidated and no district has errors; 1 a file unreadable or a district with errors."""
        return 1 if any(problem.severity == "error" for problem in self.problems) else 0

    def to_text(self) -> str:
        lang = self.lang
        lines = [text("province.consolidate.header", lang, read=len(self.districts),
                      total=len(self.districts) + len(self.unreadable), output=self.output)]
        for district in self.districts:
            lines.append("  " + text("province.consolidate.district_line", lang, file=district.path.name,
                                      unit=district.unit or text("province.no_unit", lang),
                                      year=district.year or "?", schools=district.school_count,
                                      tasks=len(district.tasks)))
        for path in self.skipped:
            lines.append("  " + text("province.consolidate.skipped", lang, file=path.name))
        if self.problems:
            lines.append(text("province.consolidate.problems", lang, count=len(self.problems)))
            for problem in self.problems:
                severity = text("severity." + problem.severity, lang)
                lines.append(f"  [{severity}] {problem.message}")
        schools = sum(district.school_count for district in self.districts)
        tasks = sum(len(district.tasks) for district in self.districts)
        budget = sum(district.budget_total for district in self.districts)
        lines.append(text("province.consolidate.done", lang, output=self.output, districts=len(self.districts),
                          schools=schools, tasks=tasks, budget=format_amount(budget, lang)))
        return "\n".join(lines)


# ---------------------------------------------------------------- inputs

def collect_inputs(paths: Iterable[str | os.PathLike[str]], exclude: Path | None = None) -> list[Path]:
    """Files to consolidate: files as given, folders expanded to the spreadsheets directly inside them.

    Inside a folder, lock files (~$…, .~lock…), hidden files and backups made by
    recalc (…bak.xlsx) are left out: each would count a district twice or fail
    to read. So is `exclude` (the output) when it is an earlier consolidation;
    any other file at the output's path stays, so that consolidate refuses it.
    """
    seen: set[Path] = set()
    found: list[Path] = []
    skip = fully_resolved(exclude) if exclude is not None and is_own_output(exclude, OUTPUT_KIND) else None

    def add(path: Path, from_folder: bool = False) -> None:
        key = fully_resolved(path)
        if key in seen or (from_folder and key == skip):
            return
        seen.add(key)
        found.append(path)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda item: item.name.lower()):
                name = child.name
                if not child.is_file() or child.suffix.lower() not in SPREADSHEET_SUFFIXES:
                    continue
                if name.startswith(("~$", ".")) or child.stem.lower().endswith(".bak"):
                    continue
                add(child, from_folder=True)
        else:
            add(path)
    return found


# ---------------------------------------------------------------- one district

def _count_value(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def summarise(path: Path, lang: str = "vi") -> District:
    """Read, analyse and check one plan; raise PlanError when the file cannot be used."""
    from .checks import run_checks
    from .derive import analyse, sheet_number
    from .reader import read_plan

    plan = read_plan(path)
    facts = analyse(plan)
    findings = run_checks(plan, facts, lang=lang)
    unit = plan.meta.unit
    by_kind = {kind: 0 for kind in KIND_ORDER}
    by_level = {level: 0 for level in LEVEL_ORDER}
    unknown_kind = unknown_level = 0
    schools: list[dict[str, object]] = []
    for school in plan.schools:
        if school.kind in by_kind:
            by_kind[school.kind] += 1
        else:
            unknown_kind += 1
        if school.level in by_level:
            by_level[school.level] += 1
        else:
            unknown_level += 1
        budget = 0.0
        for line in facts.lines_for(school):
            budget += sum(sheet_number(line.raw(key)) for key in L.SOURCE_KEYS)
        schools.append({
            "unit": unit, "name": school.name, "key": school.name_parts.exact_key if school.name_parts else None,
            "level": school.level or "", "commune": school.commune, "kind": school.kind or school.raw("kind") or "",
            "standard_level": f"Mức độ {school.standard_level}" if school.standard_level else "",
            "accreditation_level": f"Cấp độ {school.accreditation_level}" if school.accreditation_level else "",
            "timing": school.timing, "budget": budget or None, "note": school.note, "also_in": "",
        })
    by_kind[""] = unknown_kind
    by_level[""] = unknown_level
    assigned_values = [value for level, row in (plan.summary.targets.rows.items() if plan.summary.targets else [])
                       if level != "total" for value in row.assigned.values() if value is not None]
    assigned = sum(assigned_values) if assigned_values else None
    planned = sum(1 for school in plan.schools if school.kind in L.KIND_TO_TARGET)
    budget = {key: 0.0 for key in L.SOURCE_KEYS}
    for line in plan.all_budget_lines():
        for key in L.SOURCE_KEYS:
            budget[key] += sheet_number(line.raw(key))
    total_schools = _count_value(plan.meta.get("total_schools"))
    at_start = _count_value(plan.meta.get("standard_at_start"))
    stated = plan.summary.figures.rows if plan.summary.figures else {}
    if at_start is not None:
        year_end: int | None = at_start + by_kind[L.KIND_NEW]
    else:
        year_end = _count_value(stated["year_end"].stated) if "year_end" in stated else None
    if year_end is not None and total_schools:
        rate: float | None = year_end / total_schools
    else:
        rate = stated["rate"].stated if "rate" in stated else None
    tasks = [{
        "unit": unit, "time": task.time, "task": task.task, "lead": task.lead, "partners": task.partners,
        "schools": task.schools_text, "deadline": task.deadline, "status": task.status or "",
        "done_date": task.done_date, "note": task.note,
    } for task in plan.tasks]
    errors = [finding for finding in findings if finding.severity == "error"]
    return District(
        path=path, unit=unit, province=str(plan.meta.get("province", "") or ""), year=plan.meta.year,
        number=str(plan.meta.get("number", "") or ""), by_kind=by_kind, by_level=by_level, assigned=assigned,
        planned=planned, budget=budget, total_schools=total_schools, standard_at_start=at_start,
        year_end=year_end, rate=rate, errors=len(errors),
        warnings=sum(1 for finding in findings if finding.severity == "warning"),
        error_codes=sorted({finding.code for finding in errors}), schools=schools, tasks=tasks,
    )


def _is_consolidation(path: Path) -> bool:
    """A workbook this module wrote (found in the same folder on a later run)."""
    from .grid import open_book

    names = {fold(text("province.sheet.summary", lang)) for lang in ("vi", "en")}
    try:
        book = open_book(path)
    except PlanError:
        return False
    try:
        return any(fold(name) in names for name in book.sheet_names)
    finally:
        book.close()


# ---------------------------------------------------------------- flags across districts

def _flag_years(districts: list[District], problems: list[Problem], lang: str) -> int | None:
    years = Counter(district.year for district in districts if district.year is not None)
    if not years:
        majority = None
    else:
        # On a tie the later year wins: an older file is more likely last year's plan sent by mistake.
        majority = max(years.items(), key=lambda item: (item[1], item[0]))[0]
    for district in districts:
        unit = district.unit or text("province.no_unit", lang)
        if district.year is None:
            message = text("province.problem.no_year", lang, file=district.path.name, unit=unit)
            problems.append(Problem("no_year", "warning", str(district.path), district.unit, message))
            district.flags.append(text("province.flag.no_year", lang))
        elif majority is not None and district.year != majority:
            message = text("province.problem.year_differs", lang, file=district.path.name, unit=unit,
                           year=district.year, majority=majority, count=years[majority], total=sum(years.values()))
            problems.append(Problem("year_differs", "warning", str(district.path), district.unit, message))
            district.flags.append(text("province.flag.year_differs", lang, year=district.year))
    return majority


def _flag_errors(districts: list[District], problems: list[Problem], lang: str) -> None:
    for district in districts:
        if district.errors:
            message = text("province.problem.error_findings", lang, file=district.path.name,
                           unit=district.unit or text("province.no_unit", lang), count=district.errors,
                           codes=", ".join(district.error_codes), path=district.path)
            problems.append(Problem("error_findings", "error", str(district.path), district.unit, message))
            district.flags.append(text("province.flag.errors", lang, count=district.errors))


def _flag_duplicate_units(districts: list[District], problems: list[Problem], lang: str) -> set[str]:
    by_unit: dict[str, list[District]] = {}
    for district in districts:
        if district.unit:
            by_unit.setdefault(fold(district.unit), []).append(district)
    twice = set()
    for key, group in by_unit.items():
        if len(group) < 2:
            continue
        twice.add(key)
        files = _first_few([district.path.name for district in group], ", ", lang)
        message = text("province.problem.duplicate_unit", lang, unit=group[0].unit, count=len(group), files=files)
        problems.append(Problem("duplicate_unit", "warning", str(group[0].path), group[0].unit, message))
        for district in group:
            district.flags.append(text("province.flag.duplicate_unit", lang))
    return twice


LIST_AT_MOST = 8  # names shown in one problem line; a province may send the same file dozens of times


def _first_few(names: list[str], separator: str, lang: str) -> str:
    if len(names) <= LIST_AT_MOST:
        return separator.join(names)
    shown = separator.join(names[:LIST_AT_MOST])
    return text("province.and_more", lang, shown=shown, count=len(names) - LIST_AT_MOST)


def _flag_duplicate_schools(districts: list[District], problems: list[Problem], lang: str) -> None:
    """The same school (same prefix and name) in the lists of two different districts."""
    where: dict[tuple[str, str], list[tuple[District, dict[str, object]]]] = {}
    for district in districts:
        for school in district.schools:
            key = school["key"]
            if key and key[1]:
                where.setdefault(key, []).append((district, school))
    for key, entries in where.items():
        units = {fold(district.unit) or str(district.path) for district, _ in entries}
        if len(units) < 2:
            continue  # twice in one district is the plan's own V005 finding
        places = _first_few([_place(district, school, lang) for district, school in entries], "; ", lang)
        name = entries[0][1]["name"]
        message = text("province.problem.duplicate_school", lang, name=name, places=places)
        problems.append(Problem("duplicate_school", "warning", str(entries[0][0].path), entries[0][0].unit, message))
        for district, school in entries:
            others = [_place(other, other_school, lang) for other, other_school in entries if other is not district]
            school["also_in"] = "; ".join(others)
            flag = text("province.flag.duplicate_school", lang, name=school["name"])
            if flag not in district.flags:
                district.flags.append(flag)


def _place(district: District, school: dict[str, object], lang: str) -> str:
    unit = district.unit or district.path.name
    commune = school.get("commune")
    return f"{unit} ({commune})" if commune else unit


# ---------------------------------------------------------------- the run

def consolidate(paths: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str], lang: str = "vi", *,
                progress: ProgressFn | None = None) -> ConsolidationResult:
    """Merge district plans into one province workbook; unreadable files are reported, not fatal.

    Raises PlanError when there is nothing to consolidate (no input, or no
    file readable) or when the output would overwrite one of the inputs.
    """

    target = Path(output)
    paths = list(paths)
    refuse_output_among_inputs(paths, target, OUTPUT_KIND)
    inputs = collect_inputs(paths, exclude=target)
    if not inputs:
        raise PlanError("province.error.no_inputs")
    folder = target.absolute().parent
    if not folder.is_dir():  # say so before reading thirty files, not after
        raise PlanError("error.write_failed", path=target, detail=text("error.not_found", lang, path=folder))
    districts: list[District] = []
    problems: list[Problem] = []
    skipped: list[Path] = []
    for path in inputs:
        try:
            districts.append(summarise(path, lang))
        except PlanError as exc:
            if exc.key == "error.missing_sheet" and _is_consolidation(path):
                skipped.append(path)
            else:
                problems.append(Problem("unreadable", "error", str(path), "",
                                        text("province.problem.unreadable", lang, file=path.name,
                                             detail=exc.message(lang))))
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # an input nobody foresaw must not stop the other districts
            problems.append(Problem("unreadable", "error", str(path), "",
                                    text("province.problem.unexpected", lang, file=path.name,
                                         detail=f"{type(exc).__name__}: {exc}")))
        if progress is not None:
            progress(path)
    if not districts:
        details = "; ".join(problem.message for problem in problems) or text("province.none", lang)
        raise PlanError("province.error.nothing_readable", count=len(inputs), details=details)
    majority = _flag_years(districts, problems, lang)
    _flag_errors(districts, problems, lang)
    _flag_duplicate_units(districts, problems, lang)
    _flag_duplicate_schools(districts, problems, lang)
    order = {"unreadable": 0, "error_findings": 1, "duplicate_unit": 2, "year_differs": 3, "no_year": 4,
             "duplicate_school": 5}
    problems.sort(key=lambda problem: order.get(problem.kind, 9))
    result = ConsolidationResult(target, inputs, districts, problems, skipped, majority, lang)
    result.backup = atomic_write(target, lambda tmp: write_consolidation(result, tmp),
                                 backup=needs_backup(target, OUTPUT_KIND))
    return result


# ---------------------------------------------------------------- the workbook

def _h(key: str, lang: str) -> str:
    return text(f"province.col.{key}", lang)


def write_consolidation(result: ConsolidationResult, path: Path) -> None:
    lang = result.lang
    book = ReportBook(path, text("province.title", lang), kind=OUTPUT_KIND)
    districts = result.districts
    years = sorted({district.year for district in districts if district.year})
    subtitle = text("province.subtitle", lang, count=len(districts),
                    years=", ".join(str(year) for year in years) or "?",
                    date=format_date(dt.date.today()) if lang == "vi" else dt.date.today().isoformat())
    _summary_sheet(book, result, subtitle)
    _schools_sheet(book, result, subtitle)
    _tasks_sheet(book, result, subtitle)
    _problems_sheet(book, result, subtitle)
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
            index, district.unit, district.path.name, district.year, district.number, district.school_count,
            *(district.by_kind[kind] for kind in KIND_ORDER), district.by_kind[""] or None,
            *(district.by_level[level] for level in LEVEL_ORDER), district.by_level[""] or None,
            district.assigned, district.planned, difference,
            *(district.budget[key] for key in L.SOURCE_KEYS), district.budget_total,
            district.total_schools, district.standard_at_start, district.year_end, district.rate,
            district.errors, district.warnings, "; ".join(district.flags),
        ])
    fills = ["#FCE4D6" if district.errors else ("#FFF2CC" if district.flags else None)
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


def _schools_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    lang = result.lang
    columns = [
        ReportColumn(_h("stt", lang), 6, "count"),
        ReportColumn(_h("unit", lang), 24, "wrap"),
        *(ReportColumn(L.SCHOOLS.column(key).header, width, kind)
          for key, width, kind in (("name", 30, "wrap"), ("level", 11, "text"), ("commune", 16, "wrap"),
                                   ("kind", 18, "wrap"), ("standard_level", 10, "text"),
                                   ("accreditation_level", 11, "text"), ("timing", 16, "wrap"),
                                   ("budget", 13, "money"))),
        ReportColumn(L.NOTE.header, 26, "wrap"),
        ReportColumn(_h("also_in", lang), 30, "wrap"),
    ]
    rows = []
    fills = []
    number = 0
    for district in result.districts:
        for school in district.schools:
            number += 1
            rows.append([number, school["unit"], school["name"], school["level"], school["commune"], school["kind"],
                         school["standard_level"], school["accreditation_level"], school["timing"],
                         school["budget"], school["note"], school["also_in"]])
            fills.append("#FFF2CC" if school["also_in"] else None)
    columns[9] = ReportColumn(columns[9].header, 13, "money", total=True)
    book.table(text("province.sheet.schools", lang), text("province.title_schools", lang), columns, rows,
               subtitle=subtitle, total_label=text("province.total", lang), fills=fills,
               empty_text=text("province.none", lang))


def _tasks_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    lang = result.lang
    spec = L.TIMELINE
    columns = [
        ReportColumn(_h("stt", lang), 6, "count"),
        ReportColumn(_h("unit", lang), 22, "wrap"),
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
            rows.append([number, task["unit"], task["time"], task["task"], task["lead"], task["partners"],
                         task["schools"], task["deadline"], task["status"], task["done_date"], task["note"]])
    book.table(text("province.sheet.tasks", lang), text("province.title_tasks", lang), columns, rows,
               subtitle=subtitle, empty_text=text("province.none", lang))


def _problems_sheet(book: ReportBook, result: ConsolidationResult, subtitle: str) -> None:
    lang = result.lang
    columns = [
        ReportColumn(_h("stt", lang), 6, "count"),
        ReportColumn(_h("severity", lang), 11),
        ReportColumn(_h("problem", lang), 24, "wrap"),
        ReportColumn(_h("file", lang), 24, "wrap"),
        ReportColumn(_h("unit", lang), 24, "wrap"),
        ReportColumn(_h("detail", lang), 90, "wrap"),
    ]
    rows = [[index, text("severity." + problem.severity, lang), text(f"province.kind.{problem.kind}", lang),
             Path(problem.path).name, problem.unit, problem.message]
            for index, problem in enumerate(result.problems, start=1)]
    fills = ["#FCE4D6" if problem.severity == "error" else "#FFF2CC" for problem in result.problems]
    book.table(text("province.sheet.problems", lang), text("province.title_problems", lang), columns, rows,
               subtitle=subtitle, fills=fills, empty_text=text("province.no_problems", lang))
