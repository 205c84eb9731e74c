"""The province's and the country's view: many district plans merged into one workbook.

Each file is read, analysed and checked on its own, in worker processes on
every core (`workers.run_each`); a file that cannot be read, or whose worker
dies, is reported and the run goes on. The results are put back in input
order, so a parallel run gives exactly what one process gives.

Across districts: the same district sent twice (same unit and province as
written, or the same plan number and date), plan years that differ from the
majority, districts whose plan has error-level findings (still consolidated),
school names found in several districts. A district is known by its province
and its unit as written: tone-mark placement and spacing aside, diacritics
count ("Thạnh Sơn" and "Thanh Sơn" are two districts), and two districts of
the same name in two provinces are two districts.

The workbook (`consolidate_book`) holds one summary row per district, the
combined school list and timeline, the problems, and the school names found in
several districts, one row per name.
"""
from __future__ import annotations

import datetime as dt
import math
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, NamedTuple

from . import layout as L
from .errors import PlanError
from .files import (atomic_write, fully_resolved, is_own_output, needs_backup, refuse_output_among_inputs,
                    refuse_unopenable_name)
from .messages import text
from .normalize import canonical_tones, clean_text, fold, format_amount, format_date, shorten

if TYPE_CHECKING:
    from .report import Finding

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
KIND_ORDER = (L.KIND_NEW, L.KIND_RENEW, L.KIND_UPGRADE, L.KIND_RENEW_UPGRADE)
LEVEL_ORDER = L.LEVELS.values
ProgressFn = Callable[[str, int, int], None]   # phase ("read", "write"), done, total
PROGRESS_MIN_FILES = 4     # below this a run takes a second or two: no progress shown
PARALLEL_MIN_FILES = 8     # below this, starting worker processes costs more than it saves
OUTPUT_KIND = "consolidate"
LIST_AT_MOST = 8           # places named in one problem line; a province may send the same file dozens of times
ALSO_IN_AT_MOST = 3        # places named in a school's "also in" cell; more go to the names sheet
SHOWN_PER_KIND = 3         # problems of one kind printed in full when there are many
DISTRICT_LINES_UP_TO = 10  # up to this many districts, each gets a line in the printed report…
ALL_SHOWN_UP_TO = 12       # … and up to this many problems, all are printed in full
PROBLEM_LINE_AT_MOST = 200 # characters of a problem printed among the first few of its kind
PROBLEM_ORDER = ("unreadable", "error_findings", "duplicate_unit", "year_differs", "no_year", "duplicate_school")


# ---------------------------------------------------------------- the model of a consolidation

@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the set of files a person should look at."""

    kind: str        # one of PROBLEM_ORDER
    severity: str    # "error" or "warning"
    path: str
    unit: str
    message: str
    name: str = ""   # what the user calls the file (its file name unless `consolidate(names=…)` says otherwise)


class SchoolRow(NamedTuple):
    """One school of a district's list, as the province sheet shows it."""

    name: str
    key: tuple[str, str] | None   # prefix and name with diacritics: the same school name in two districts
    level: str
    commune: str
    kind: str
    standard_level: str
    accreditation_level: str
    timing: str
    budget: float | None
    note: str


class TaskRow(NamedTuple):
    time: str
    task: str
    lead: str
    partners: str
    schools: str
    deadline: dt.date | None
    status: str
    done_date: dt.date | None
    note: str


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
    schools: list[SchoolRow]
    tasks: list[TaskRow]
    date: dt.date | None = None
    flags: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)   # the plan's own findings, as check gives them
    name: str = ""   # what the user calls the file (its file name unless `consolidate(names=…)` says otherwise)

    @property
    def school_count(self) -> int:
        return len(self.schools)

    @property
    def budget_total(self) -> float:
        return sum(self.budget.values())

    @property
    def key(self) -> tuple[str, str]:
        """Who the district is: its province and unit as written (see `place_key`)."""
        return district_key(self.unit, self.province)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a school name was found: the district and the school, by their indexes in the result."""

    district: int
    school: int
    commune: str


@dataclass(slots=True)
class SameName:
    """A school name (prefix and name, diacritics kept) in the lists of several districts."""

    name: str
    places: list[Place]
    districts: int     # distinct districts (a district sent twice counts once)
    provinces: int


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
    same_names: list[SameName] = field(default_factory=list)
    jobs: int = 1
    seconds: float = 0.0

    @property
    def unreadable(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.kind == "unreadable"]

    @property
    def exit_code(self) -> int:
        """0 all files consolidated and no district has errors; 1 a file unreadable or a district with errors."""
        return 1 if any(problem.severity == "error" for problem in self.problems) else 0

    def place_text(self, place: Place) -> str:
        return place_text(self.districts[place.district], place.commune)

    def to_text(self) -> str:
        """A report that fits on a screen: totals, errors by district, the first problems of each kind,
        and where the rest are."""
        lang = self.lang
        districts = self.districts
        lines = [text("province.consolidate.header", lang, read=len(districts),
                      total=len(districts) + len(self.unreadable), output=self.output)]
        if len(districts) <= DISTRICT_LINES_UP_TO:
            for district in districts:
                lines.append("  " + text("province.consolidate.district_line", lang, file=district.name,
                                          unit=district.unit or text("province.no_unit", lang),
                                          year=district.year or "?", schools=district.school_count,
                                          tasks=len(district.tasks)))
        else:
            provinces = len({district.key[0] for district in districts if district.key[0]})
            lines.append("  " + text("province.consolidate.totals", lang, districts=len(districts),
                                      provinces=provinces, schools=_n(self.school_count, lang),
                                      tasks=_n(self.task_count, lang),
                                      budget=format_amount(self.budget_total, lang)))
            with_errors = sorted((district for district in districts if district.errors),
                                 key=lambda district: -district.errors)
            if with_errors:
                worst = ", ".join(f"{district.unit or district.name} ({district.errors})"
                                  for district in with_errors[:SHOWN_PER_KIND])
                lines.append("  " + text("province.consolidate.errors_by_district", lang, count=len(with_errors),
                                          districts=len(districts),
                                          errors=_n(sum(district.errors for district in with_errors), lang),
                                          worst=worst))
            else:
                lines.append("  " + text("province.consolidate.no_errors", lang))
        if len(self.skipped) <= SHOWN_PER_KIND:
            for path in self.skipped:
                lines.append("  " + text("province.consolidate.skipped", lang, file=path.name))
        else:
            lines.append("  " + text("province.consolidate.skipped_many", lang, count=len(self.skipped)))
        if self.problems:
            lines.append(text("province.consolidate.problems", lang, count=_n(len(self.problems), lang)))
            if len(districts) <= DISTRICT_LINES_UP_TO and len(self.problems) <= ALL_SHOWN_UP_TO:
                lines += [self._problem_line(problem) for problem in self.problems]
            else:
                by_kind: dict[str, list[Problem]] = {}
                for problem in self.problems:
                    by_kind.setdefault(problem.kind, []).append(problem)
                for kind, problems in by_kind.items():
                    lines.append("  " + text("province.consolidate.kind_line", lang,
                                              kind=text(f"province.kind.{kind}", lang), count=_n(len(problems), lang)))
                    lines += ["  " + self._problem_line(problem, PROBLEM_LINE_AT_MOST)
                              for problem in problems[:SHOWN_PER_KIND]]
                    if len(problems) > SHOWN_PER_KIND:
                        lines.append("    " + text("province.consolidate.more", lang,
                                                    count=_n(len(problems) - SHOWN_PER_KIND, lang)))
                lines.append(text("province.consolidate.where", lang, output=self.output,
                                  problems=text("province.sheet.problems", lang),
                                  names=text("province.sheet.names", lang)))
        lines.append(text("province.consolidate.done", lang, output=self.output, districts=len(districts),
                          schools=self.school_count, tasks=self.task_count,
                          budget=format_amount(self.budget_total, lang)))
        return "\n".join(lines)

    def _problem_line(self, problem: Problem, limit: int | None = None) -> str:
        severity = text("severity." + problem.severity, self.lang)
        message = shorten(problem.message, limit) if limit else problem.message
        if problem.kind == "error_findings":   # on the terminal, the command that shows them
            message += " " + text("province.advice.error_findings", self.lang, path=problem.path)
        return f"  [{severity}] {message}"

    @property
    def school_count(self) -> int:
        return sum(district.school_count for district in self.districts)

    @property
    def task_count(self) -> int:
        return sum(len(district.tasks) for district in self.districts)

    @property
    def budget_total(self) -> float:
        return sum(district.budget_total for district in self.districts)

    def to_dict(self) -> dict[str, object]:
        """Everything the printed report shortens: every district, problem and shared school name."""
        return self._data(self._places)

    def _places(self, same: SameName) -> list[object]:
        districts = self.districts
        return [{"file": str(districts[place.district].path), "unit": districts[place.district].unit,
                 "province": districts[place.district].province, "commune": place.commune} for place in same.places]

    def _data(self, places: Callable[[SameName], list[object]]) -> dict[str, object]:
        from .report import json_value

        return {
            "output": str(self.output), "backup": str(self.backup) if self.backup else None,
            "files": len(self.inputs), "districts_read": len(self.districts), "unreadable": len(self.unreadable),
            "skipped": [str(path) for path in self.skipped], "majority_year": self.majority_year,
            "totals": {"schools": self.school_count, "tasks": self.task_count,
                       "budget": json_value(self.budget_total),
                       "districts_with_errors": sum(1 for district in self.districts if district.errors)},
            "districts": [{
                "file": str(district.path), "unit": district.unit, "province": district.province,
                "year": district.year, "number": district.number,
                "date": district.date.isoformat() if district.date else None,
                "schools": district.school_count, "tasks": len(district.tasks),
                "by_kind": {kind or "unknown": count for kind, count in district.by_kind.items()},
                "by_level": {level or "unknown": count for level, count in district.by_level.items()},
                "assigned": district.assigned, "planned": district.planned,
                "budget": {key: json_value(value) for key, value in district.budget.items()},
                "budget_total": json_value(district.budget_total), "total_schools": district.total_schools,
                "standard_at_start": district.standard_at_start, "year_end": district.year_end,
                "rate": json_value(district.rate), "errors": district.errors, "warnings": district.warnings,
                "error_codes": district.error_codes, "flags": district.flags,
            } for district in self.districts],
            "problems": [{"kind": problem.kind, "severity": problem.severity, "file": problem.path,
                          "unit": problem.unit, "message": problem.message} for problem in self.problems],
            "same_names": [{
                "name": same.name, "districts": same.districts, "provinces": same.provinces,
                "places": places(same),
            } for same in self.same_names],
            "exit_code": self.exit_code,
        }

    def to_json(self) -> str:
        """`to_dict` as JSON text (as json.dumps(indent=2) writes it). A name shared by hundreds of districts has
        hundreds of places: each is written from its district's part, encoded once, and its commune."""
        from .jsontext import Raw, dumps, encode_string

        heads: dict[int, str] = {}
        inner, outer = "\n" + " " * 10, "\n" + " " * 8   # where a place sits: top → same_names → places

        def places(same: SameName) -> list[object]:
            texts: list[object] = []
            for place in same.places:
                head = heads.get(place.district)
                if head is None:
                    district = self.districts[place.district]
                    head = heads[place.district] = (
                        f'{{{inner}"file": {encode_string(str(district.path))},{inner}"unit": '
                        f'{encode_string(district.unit)},{inner}"province": {encode_string(district.province)},'
                        f'{inner}"commune": ')
                texts.append(Raw(f"{head}{encode_string(place.commune)}{outer}}}"))
            return texts

        try:
            return dumps(self._data(places))
        except (TypeError, ValueError):   # a value the standard encoder handles its own way, or refuses
            return dumps(self.to_dict())


def _n(count: int, lang: str) -> str:
    return format_amount(count, lang)


# ---------------------------------------------------------------- who a district is

_PUNCTUATION = re.compile(r"[\s\-–—.,;:()/]+")
_PROVINCE_WORDS = ("tỉnh ", "thành phố ", "tp ")
_UNIT_WORDS = ("ủy ban nhân dân ", "ubnd ")


def place_key(value: object, drop: tuple[str, ...] = ()) -> str:
    """A place name as written, for identity: case, spacing, punctuation and the placement of tone marks
    ('Hòa'/'Hoà') do not matter; every letter and mark does ('Thạnh Sơn' ≠ 'Thanh Sơn'). Leading words
    in `drop` (an administrative word written or not) are left out."""
    key = _PUNCTUATION.sub(" ", canonical_tones(clean_text(value).lower())).strip()
    for word in drop:
        if key.startswith(word):
            return key[len(word):].strip()
    return key


def district_key(unit: str, province: str) -> tuple[str, str]:
    return place_key(province, _PROVINCE_WORDS), place_key(unit, _UNIT_WORDS)


def _stamp(district: District) -> tuple[str, str, dt.date] | None:
    """(province, plan number, date): a district that sends its plan twice sends the same one."""
    number = "".join(district.number.lower().split())
    if not district.date or not any(char.isdigit() for char in number):
        return None   # a draft without a number ("Số: /KH-UBND") says nothing
    return district.key[0], number, district.date


# ---------------------------------------------------------------- inputs

def collect_inputs(paths: Iterable[str | os.PathLike[str]], exclude: Path | None = None) -> list[Path]:
    """Files to consolidate: files as given, folders expanded to the spreadsheets directly inside them.

    Inside a folder, sub-folders, lock files (~$…, .~lock…), hidden files and backups made by
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
                if child.is_dir() or child.suffix.lower() not in SPREADSHEET_SUFFIXES:
                    continue   # a FIFO, device or broken link named .xlsx stays in: reading it names the problem
                if name.startswith(("~$", ".")) or child.stem.lower().endswith(".bak"):
                    continue
                add(child, from_folder=True)
        else:
            add(path)
    return found


# ---------------------------------------------------------------- one district (runs in a worker)

def _count_value(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def summarise(path: Path, lang: str = "vi") -> District:
    """Read, analyse and check one plan; raise PlanError when the file cannot be used."""
    from .checks import run_checks
    from .derive import analyse, sheet_number
    from .reader import read_plan

    plan = read_plan(path)
    facts = analyse(plan, defer=True)   # nothing here writes formulas: those a check reads are made when read
    findings = run_checks(plan, facts, lang=lang)
    by_kind = {kind: 0 for kind in KIND_ORDER}
    by_level = {level: 0 for level in LEVEL_ORDER}
    unknown_kind = unknown_level = 0
    schools: list[SchoolRow] = []
    # Each line's amounts by funding source, as the sheet's SUM adds them (text is not a number), once.
    amounts: dict[int, list[float]] = {}
    for table_key, lines in plan.budget_lines.items():
        columns = [plan.budget_tables[table_key].col(key) for key in L.SOURCE_KEYS]
        for line in lines:
            values, width = line.values, len(line.values)
            amounts[id(line)] = [
                0.0 if not col or col > width else value if (value := values[col - 1]).__class__ is float
                and math.isfinite(value) else sheet_number(value) for col in columns]
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
            budget += sum(amounts[id(line)])
        schools.append(SchoolRow(
            school.name, school.name_parts.exact_key if school.name_parts else None, school.level or "",
            school.commune, school.kind or str(school.raw("kind") or ""),
            f"Mức độ {school.standard_level}" if school.standard_level else "",
            f"Cấp độ {school.accreditation_level}" if school.accreditation_level else "",
            school.timing, budget or None, school.note))
    by_kind[""] = unknown_kind
    by_level[""] = unknown_level
    assigned_values = [value for level, row in (plan.summary.targets.rows.items() if plan.summary.targets else [])
                       if level != "total" for value in row.assigned.values() if value is not None]
    assigned = sum(assigned_values) if assigned_values else None
    planned = sum(1 for school in plan.schools if school.kind in L.KIND_TO_TARGET)
    budget = {key: 0.0 for key in L.SOURCE_KEYS}
    for line in plan.all_budget_lines():
        for key, amount in zip(L.SOURCE_KEYS, amounts[id(line)]):
            budget[key] += amount
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
    tasks = [TaskRow(task.time, task.task, task.lead, task.partners, task.schools_text, task.deadline,
                     task.status or "", task.done_date, task.note) for task in plan.tasks]
    errors = [finding for finding in findings if finding.severity == "error"]
    date = plan.meta.get("date")
    return District(
        path=path, unit=plan.meta.unit, province=str(plan.meta.get("province", "") or ""), year=plan.meta.year,
        number=str(plan.meta.get("number", "") or ""), by_kind=by_kind, by_level=by_level, assigned=assigned,
        planned=planned, budget=budget, total_schools=total_schools, standard_at_start=at_start,
        year_end=year_end, rate=rate, errors=len(errors),
        warnings=sum(1 for finding in findings if finding.severity == "warning"),
        error_codes=sorted({finding.code for finding in errors}), schools=schools, tasks=tasks,
        date=date if isinstance(date, dt.date) else None, findings=findings, name=path.name,
    )


@dataclass(frozen=True, slots=True)
class _Left:
    """A file that gives no district: skipped (an earlier consolidation) or a problem to report."""

    skipped: bool
    problem: Problem | None = None


def read_district(path: Path, lang: str, names: Mapping[str, str] | None = None) -> District | _Left:
    """One file's outcome, never an exception: what a worker process sends back."""
    name = _name(path, names)
    try:
        district = summarise(path, lang)
        district.name = name
        return district
    except PlanError as exc:
        if exc.key == "error.missing_sheet" and _is_consolidation(path):
            return _Left(True)
        return _Left(False, _unreadable(path, text("province.problem.unreadable", lang, file=name,
                                                   detail=exc.message(lang, names)), name))
    except MemoryError:
        return _Left(False, _unreadable(path, text("province.problem.too_big", lang, file=name), name))
    except Exception as exc:  # an input nobody foresaw must not stop the other districts
        return _Left(False, _unreadable(path, text("province.problem.unexpected", lang, file=name,
                                                   detail=f"{type(exc).__name__}: {exc}"), name))


def _name(path: Path, names: Mapping[str, str] | None) -> str:
    return (names or {}).get(str(path)) or path.name


def _unreadable(path: Path, message: str, name: str = "") -> Problem:
    return Problem("unreadable", "error", str(path), "", message, name or path.name)


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
            message = text("province.problem.no_year", lang, file=district.name, unit=unit)
            problems.append(Problem("no_year", "warning", str(district.path), district.unit, message, district.name))
            district.flags.append(text("province.flag.no_year", lang))
        elif majority is not None and district.year != majority:
            message = text("province.problem.year_differs", lang, file=district.name, unit=unit,
                           year=district.year, majority=majority, count=years[majority], total=sum(years.values()))
            problems.append(Problem("year_differs", "warning", str(district.path), district.unit, message,
                                    district.name))
            district.flags.append(text("province.flag.year_differs", lang, year=district.year))
    return majority


def _flag_errors(districts: list[District], problems: list[Problem], lang: str) -> None:
    for district in districts:
        if district.errors:
            message = text("province.problem.error_findings", lang, file=district.name,
                           unit=district.unit or text("province.no_unit", lang), count=district.errors,
                           codes=", ".join(district.error_codes))
            problems.append(Problem("error_findings", "error", str(district.path), district.unit, message,
                                    district.name))
            district.flags.append(text("province.flag.errors", lang, count=district.errors))


def district_groups(districts: list[District]) -> list[int]:
    """For each district, the first district it is the same as (itself when none): the same unit and
    province as written, or the same plan number and date in the same province."""
    parent = list(range(len(districts)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    seen: dict[object, int] = {}
    for index, district in enumerate(districts):
        for mark in (district.key if district.unit else None, _stamp(district)):
            if mark is None:
                continue
            first = seen.setdefault(mark, index)
            low, high = sorted((root(first), root(index)))
            parent[high] = low
    return [root(index) for index in range(len(districts))]


def _flag_duplicate_units(districts: list[District], groups: list[int], problems: list[Problem], lang: str) -> None:
    members: dict[int, list[District]] = {}
    for district, group in zip(districts, groups):
        members.setdefault(group, []).append(district)
    for group in members.values():
        if len(group) < 2:
            continue
        first = group[0]
        files = first_few([district.name for district in group], ", ", lang)
        if all(district.key == first.key for district in group):
            unit = f"{first.unit}, {first.province}" if first.province else first.unit
            message = text("province.problem.duplicate_unit", lang, unit=unit, count=len(group), files=files)
        else:
            units = first_few(list(dict.fromkeys(district.unit or text("province.no_unit", lang)
                                                  for district in group)), "; ", lang)
            message = text("province.problem.duplicate_stamp", lang, count=len(group), files=files,
                           number=first.number, date=format_date(first.date) if lang == "vi" else
                           (first.date.isoformat() if first.date else ""), units=units)
        problems.append(Problem("duplicate_unit", "warning", str(first.path), first.unit, message, first.name))
        for district in group:
            district.flags.append(text("province.flag.duplicate_unit", lang))


def first_few(names: list[str], separator: str, lang: str, at_most: int = LIST_AT_MOST,
              total: int | None = None) -> str:
    """The first names, and how many more; `total`: how many there are, when only the first few are given."""
    count = len(names) if total is None else total
    if count <= at_most:
        return separator.join(names)
    shown = separator.join(names[:at_most])
    return text("province.and_more", lang, shown=shown, count=_n(count - at_most, lang))


def first_places(districts: list[District], places: list[Place], lang: str) -> str:
    """`first_few` of the places' texts, making only the texts shown (a name may be in hundreds of districts)."""
    return first_few([place_text(districts[place.district], place.commune) for place in places[:LIST_AT_MOST]],
                     "; ", lang, total=len(places))


def _may_be_one_school(entries: list[tuple[int, int, SchoolRow]], groups: list[int], provinces: list[str]) -> bool:
    """Whether two of the districts listing a name could be listing one school: two in one province, or one whose
    province is not written. A school belongs to one province, so namesakes across provinces are two schools."""
    districts_by_province: dict[str, set[int]] = {}
    for index, _, _ in entries:
        if not provinces[index]:
            return True
        districts_by_province.setdefault(provinces[index], set()).add(groups[index])
    return any(len(found) > 1 for found in districts_by_province.values())


def _flag_duplicate_schools(districts: list[District], groups: list[int], problems: list[Problem],
                            lang: str) -> list[SameName]:
    """School names (prefix and name, diacritics kept) in the lists of two or more districts: each on the
    same-names sheet, and a warning where two of those districts are in one province (maybe one school counted
    twice)."""
    where: dict[tuple[str, str], list[tuple[int, int, SchoolRow]]] = {}
    for index, district in enumerate(districts):
        for number, school in enumerate(district.schools):
            key = school.key
            if key and key[1]:
                where.setdefault(key, []).append((index, number, school))
    same_names: list[SameName] = []
    shared: Counter[int] = Counter()
    provinces = [district.key[0] for district in districts]
    for entries in where.values():
        distinct = {groups[index] for index, _, _ in entries}
        if len(distinct) < 2:
            continue  # twice in one district is the plan's own V005 finding; a district sent twice is flagged
        first_index, _, first = entries[0]
        places = [Place(index, number, school.commune) for index, number, school in entries]
        same = SameName(first.name, places, len(distinct),   # provinces as written: an unwritten one is no other
                        len({provinces[index] for index, _, _ in entries if provinces[index]}))
        same_names.append(same)
        if not _may_be_one_school(entries, groups, provinces):
            continue  # namesakes in different provinces: listed on the same-names sheet, not a problem
        described = first_places(districts, places, lang)
        message = text("province.problem.duplicate_school", lang, name=first.name, places=described)
        district = districts[first_index]
        problems.append(Problem("duplicate_school", "warning", str(district.path), district.unit, message,
                                district.name))
        for index in dict.fromkeys(index for index, _, _ in entries):
            shared[index] += 1
    for index, count in sorted(shared.items()):
        districts[index].flags.append(text("province.flag.shared_names", lang, count=count))
    return same_names


def place_text(district: District, commune: str = "") -> str:
    """'UBND huyện X, Tỉnh (Xã Y)': where a school is, for lists a person reads."""
    unit = district.unit or district.name
    if district.province:
        unit = f"{unit}, {district.province}"
    return f"{unit} ({commune})" if commune else unit


# ---------------------------------------------------------------- the run

def consolidate(paths: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str], lang: str = "vi", *,
                progress: ProgressFn | None = None, jobs: int | None = None,
                names: Mapping[str, str] | None = None) -> ConsolidationResult:
    """Merge district plans into one province (or national) workbook; unreadable files are reported.

    `jobs`: worker processes (default: one per core from PARALLEL_MIN_FILES files on, else none); the
    result is the same whatever the number. `progress(phase, done, total)` is called as files are read
    ("read") and as the workbook is written ("write"). `names` maps an input's path (as given) to the name
    the user knows it by, for messages and the workbook (a front end that stores uploads under generated
    names); by default a file is called by its file name.

    Raises PlanError when there is nothing to consolidate (no input, or no
    file readable) or when the output would overwrite one of the inputs.
    """
    from .consolidate_book import write_consolidation
    from .workers import Died, available_cores, run_each

    started = time.perf_counter()
    target = Path(output)
    paths = list(paths)
    refuse_unopenable_name(target)
    refuse_output_among_inputs(paths, target, OUTPUT_KIND)
    inputs = collect_inputs(paths, exclude=target)
    if not inputs:
        raise PlanError("province.error.no_inputs")
    if jobs is None:
        jobs = available_cores() if len(inputs) >= PARALLEL_MIN_FILES else 1
    jobs = max(1, min(jobs, len(inputs)))
    outcomes: list[object] = [None] * len(inputs)
    names = dict(names or {})
    for done, (index, outcome) in enumerate(run_each(read_district, inputs, jobs, (lang, names)), start=1):
        outcomes[index] = outcome
        if progress is not None:
            progress("read", done, len(inputs))
    districts: list[District] = []
    problems: list[Problem] = []
    skipped: list[Path] = []
    for path, outcome in zip(inputs, outcomes):
        if isinstance(outcome, District):
            districts.append(outcome)
        elif isinstance(outcome, _Left):
            if outcome.skipped:
                skipped.append(path)
            elif outcome.problem is not None:
                problems.append(outcome.problem)
        elif isinstance(outcome, Died):
            problems.append(_unreadable(path, text("province.problem.worker_died", lang, file=_name(path, names),
                                                   path=names.get(str(path)) or path, detail=outcome.describe()),
                                        _name(path, names)))
        else:   # Raised: read_district catches everything, so this is a bug or an answer that did not pickle
            problems.append(_unreadable(path, text("province.problem.unexpected", lang, file=_name(path, names),
                                                   detail=getattr(outcome, "detail", repr(outcome))),
                                        _name(path, names)))
    if not districts:
        details = "; ".join(problem.message for problem in problems) or text("province.none", lang)
        raise PlanError("province.error.nothing_readable", count=len(inputs), details=details)
    majority = _flag_years(districts, problems, lang)
    _flag_errors(districts, problems, lang)
    groups = district_groups(districts)
    _flag_duplicate_units(districts, groups, problems, lang)
    same_names = _flag_duplicate_schools(districts, groups, problems, lang)
    problems.sort(key=lambda problem: PROBLEM_ORDER.index(problem.kind) if problem.kind in PROBLEM_ORDER else 99)
    result = ConsolidationResult(target, inputs, districts, problems, skipped, majority, lang,
                                 same_names=same_names, jobs=jobs)
    result.backup = atomic_write(target, lambda tmp: write_consolidation(result, tmp, progress),
                                 backup=needs_backup(target, OUTPUT_KIND))
    result.seconds = time.perf_counter() - started
    return result
