"""Legacy free-form workbooks → the standard workbook.

Two shapes are recognised, on any sheet, by their header rows:

* a school list like the one appended to seed 002 ("TT | CƠ SỞ GIÁO DỤC |
  TÍCH HỢP KĐCLGD&CQG | GHI CHÚ", values "CĐ2-MĐ1", "CN Lần đầu", "CN lại",
  closed by "Danh sách này gồm: 20 đơn vị");
* a timeline like seed 004's ("Thời gian hoàn thành | Nội dung nhiệm vụ |
  Đơn vị chủ trì thực hiện | Đơn vị phối hợp thực hiện"), where a month is
  written once for several rows and the schools are named inside the task
  text ("08 trường (THCS Tây Sơn, MN Ngô Thị Nhậm, …)").

The result says what was mapped, what could not be, and every stated count
that disagrees with the rows; the written workbook keeps each stated count
(figures, "Số trường") so `check` goes on comparing it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import layout as L
from .cells import a1
from .errors import PlanError
from .messages import text
from .normalize import (Period, clean_text, fold, parse_count, parse_date, parse_period, shorten,
                        split_school_name)
from .reader import _Sheet
from .status import end_of_period

HEADER_SCAN_ROWS = 5000  # legacy sheets often hold the whole plan's text above the table
PREAMBLE_ROWS = 12

# Columns of legacy lists that hold cấp độ and mức độ together ("CĐ2-MĐ1").
COMBO_LABELS = ("Tích hợp KĐCLGD&CQG", "KĐCLGD&CQG", "Tích hợp KĐCLGD và CQG", "Kiểm định và chuẩn quốc gia",
                "Cấp độ - Mức độ", "Cấp độ, mức độ", "Cấp độ/Mức độ", "CĐ-MĐ", "Mức độ - Cấp độ",
                "KĐCLGD và CQG", "Kết quả KĐCLGD&CQG", "Đề nghị công nhận")

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_HTML_TAGS = re.compile(r"</?(?:i|b|u|em|strong|br)\s*/?>", re.IGNORECASE)
_STATED_COUNT = re.compile(r"\b(?:gom|tong cong|tong so|tong|co tat ca|co)\s*:?\s*(\d{1,4})\s*"
                           r"(?:don vi|truong|co so|csgd)\b")
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?\.?$")
_SECTION = re.compile(r"^(?:[IVXL]+|[A-Z]|\d{1,2})[.)]\s+")
_END_WORDS = ("noi nhan", "tm uy ban", "tm ubnd", "kt chu tich", "chu tich", "nguoi lap bieu", "nguoi lap",
              "thu truong don vi", "giam doc")
_TASK_COUNT = re.compile(r"\b0*(\d{1,3})\s+truong\b")
_NAMED_AFTER = re.compile(r"\btrường\s*:\s*(.+)$", re.IGNORECASE)
_TRAILING_SCHOOL = re.compile(r"\btrường\s+((?:MN|MG|NT|TH|THCS|THPT|TH&THCS|TH-THCS|PTDTBT|PTDTNT)\s+[^,;()]+?)"
                              r"\s*\.?$")
_LEADING_COUNT = re.compile(r"^\s*0*\d{1,3}\s+trường\s*:?\s*", re.IGNORECASE)
_LEADING_SCHOOL_WORD = re.compile(r"^(?:các\s+)?trường\s+", re.IGNORECASE)
_NUMBER = re.compile(r"(?:Kế hoạch\s+)?[Ss]ố\s*:?\s*(\d+[\w.]*\s*/\s*KH-[\w.-]+)")
_DATE = re.compile(r"ngày\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
                   re.IGNORECASE)
_UNIT_AFTER_CUA = re.compile(r"của\s+((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+[^)\n]+)", re.IGNORECASE)
_UNIT = re.compile(r"((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:quận|huyện|thị xã|thành phố|TP\.?)\s+"
                   r"[^,;()\n]+)", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+(20\d{2})\b", re.IGNORECASE)


# ---------------------------------------------------------------- results

@dataclass(frozen=True, slots=True)
class ImportNote:
    """One line of the import report: where, and what (a message key and its values)."""

    key: str
    sheet: str
    cell: str | None
    params: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str = "vi") -> str:
        return text(self.key, lang, **dict(self.params))

    def location(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet


@dataclass(frozen=True, slots=True)
class CountMismatch:
    """A count the legacy file states that the rows do not bear out."""

    sheet: str
    cell: str
    stated: int
    counted: int
    quote: str


@dataclass(slots=True)
class ImportResult:
    source: Path
    output: Path
    tables: list[tuple[str, str, int]]           # (kind "schools"/"timeline", sheet, header row)
    schools: int
    tasks: int
    meta: dict[str, object]
    mapped: list[ImportNote]
    unmapped: list[ImportNote]
    count_mismatches: list[CountMismatch]
    lang: str = "vi"

    @property
    def exit_code(self) -> int:
        """0 imported; 1 imported but a stated count disagrees with the rows (a person must decide)."""
        return 1 if self.count_mismatches else 0

    def to_text(self) -> str:
        lang = self.lang
        lines = [text("province.import.header", lang, source=self.source, output=self.output,
                      schools=self.schools, tasks=self.tasks)]
        lines.append(text("province.import.mapped", lang))
        for note in self.mapped:
            lines.append(f"  {note.location()}: {note.message(lang)}")
        if self.unmapped:
            lines.append(text("province.import.unmapped", lang, count=len(self.unmapped)))
            for note in self.unmapped:
                lines.append(f"  {note.location()}: {note.message(lang)}")
        if self.count_mismatches:
            lines.append(text("province.import.mismatches", lang, count=len(self.count_mismatches)))
            for item in self.count_mismatches:
                lines.append("  " + text("province.import.mismatch_line", lang, where=f"{item.sheet}!{item.cell}",
                                          quote=item.quote, stated=item.stated, counted=item.counted))
        lines.append(text("province.import.next", lang, output=self.output))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        def note(item: ImportNote) -> dict[str, object]:
            return {"sheet": item.sheet, "cell": item.cell, "message": item.message(self.lang)}

        return {
            "source": str(self.source), "output": str(self.output),
            "tables": [{"kind": kind, "sheet": sheet, "header_row": row} for kind, sheet, row in self.tables],
            "schools": self.schools, "tasks": self.tasks,
            "meta": {key: (value.isoformat() if hasattr(value, "isoformat") else value)
                     for key, value in self.meta.items()},
            "mapped": [note(item) for item in self.mapped],
            "unmapped": [note(item) for item in self.unmapped],
            "count_mismatches": [{"sheet": item.sheet, "cell": item.cell, "stated": item.stated,
                                  "counted": item.counted, "quote": item.quote} for item in self.count_mismatches],
        }


@dataclass(slots=True)
class _Collector:
    """What the parsers gather before the workbook is written."""

    schools: list[dict[str, object]] = field(default_factory=list)
    tasks: list[dict[str, object]] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)
    figure_notes: dict[str, str] = field(default_factory=dict)
    meta: dict[str, object] = field(default_factory=dict)
    tables: list[tuple[str, str, int]] = field(default_factory=list)
    mapped: list[ImportNote] = field(default_factory=list)
    unmapped: list[ImportNote] = field(default_factory=list)
    mismatches: list[CountMismatch] = field(default_factory=list)

    def note(self, mapped: bool, key: str, sheet: str, cell: str | None, **params: object) -> None:
        item = ImportNote(key, sheet, cell, tuple(params.items()))
        (self.mapped if mapped else self.unmapped).append(item)


# ---------------------------------------------------------------- reading a legacy sheet

class _Cells(_Sheet):
    """A grid with merged ranges read as their top-left value (a month merged over its rows)."""

    def text(self, row: int, col: int) -> str:
        return _tidy(self.value(row, col))

    def is_merged_below(self, row: int, col: int) -> bool:
        """The cell continues a vertical merge started in an earlier row."""
        origin = self.merged_origin(row, col)
        return origin is not None and origin[0] < row

    def row_texts(self, row: int) -> list[tuple[int, str]]:
        """The non-empty cells of a row; a merged range counts once, in its first cell."""
        return [(col, text) for col in range(1, self.ncols(row) + 1)
                if self.merged_origin(row, col) is None and (text := _tidy(self.grid.value(row, col)))]


def _tidy(value: object) -> str:
    """Cell text without the formatting tags some copies from web pages or Word keep."""
    cleaned = clean_text(value)
    return clean_text(_HTML_TAGS.sub("", cleaned)) if "<" in cleaned else cleaned


def _label_keys(label: object) -> tuple[str, ...]:
    raw = clean_text(label)
    keys = [fold(raw)]
    for variant in (_PARENS.sub(" ", raw), raw.split(":")[0]):
        key = fold(variant)
        if key and key not in keys:
            keys.append(key)
    return tuple(key for key in keys if key)


def _label_index(columns: tuple[L.Column, ...], extra: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for column in columns:
        for label in column.labels:
            for key in _label_keys(label):
                index.setdefault(key, column.key)
    for field_key, labels in extra.items():
        for label in labels:
            for key in _label_keys(label):
                index.setdefault(key, field_key)
    return index


_SCHOOL_INDEX = _label_index(L.SCHOOLS.columns, {"combo": COMBO_LABELS})
_TASK_INDEX = _label_index(L.TIMELINE.columns, {})


def _header_columns(cells: _Cells, row: int, index: dict[str, str]) -> tuple[dict[str, int], dict[int, str]]:
    columns: dict[str, int] = {}
    others: dict[int, str] = {}
    for col in range(1, cells.ncols(row) + 1):
        label = cells.value(row, col)
        if not isinstance(label, str) or not label.strip():
            continue
        key = next((index[k] for k in _label_keys(label) if k in index), None)
        if key is None and index is _SCHOOL_INDEX and ("kdclgd" in fold(label) or "cqg" in fold(label).split()):
            key = "combo"
        if key and key not in columns:
            columns[key] = col
        else:
            others[col] = _tidy(label)
    return columns, others


def _recognise(cells: _Cells, row: int) -> tuple[str, dict[str, int], dict[int, str]] | None:
    """Which table a header row opens, if any."""
    school_cols, school_other = _header_columns(cells, row, _SCHOOL_INDEX)
    task_cols, task_other = _header_columns(cells, row, _TASK_INDEX)
    school_ok = "name" in school_cols and len(set(school_cols) - {"name"}) >= 1 and \
        bool(set(school_cols) & {"kind", "combo", "standard_level", "accreditation_level", "note", "stt", "level"})
    task_ok = "task" in task_cols and bool(set(task_cols) & {"time", "lead", "partners", "deadline"})
    if task_ok and (not school_ok or len(task_cols) >= len(school_cols)):
        return "timeline", task_cols, task_other
    if school_ok:
        return "schools", school_cols, school_other
    return None


# ---------------------------------------------------------------- the school list

def _stated_count(line: str) -> int | None:
    match = _STATED_COUNT.search(fold(line))
    return int(match.group(1)) if match else None


def _short_kind(value: str) -> str | None:
    """A kind of recognition from a short cell ('CN Lần đầu', 'CN lại'); longer notes are not guessed at."""
    from .reader import parse_kind

    canonical = L.KINDS.match(value)
    if canonical:
        return canonical
    if value and len(value.split()) <= 6:
        return parse_kind(value)
    return None


def _vocabulary_number(vocabulary, value: object) -> int | None:
    canonical = vocabulary.match(value) if value else None
    return int(canonical.rsplit(" ", 1)[-1]) if canonical else None


def _level_label(vocabulary, number: int | None) -> str:
    return vocabulary.values[number - 1] if number and 1 <= number <= len(vocabulary.values) else ""


def _parse_schools(cells: _Cells, header_row: int, columns: dict[str, int], others: dict[int, str],
                   out: _Collector, stop_row: int) -> None:
    from .reader import parse_combo, parse_kind

    sheet = cells.name
    name_col = columns["name"]
    stated: tuple[int, str, str] | None = None     # (count, cell, quote)
    section_kind: str | None = None
    rows: list[int] = []
    first_note = len(out.mapped)
    kinds_from_note = combos = levels_from_name = 0
    for row in range(header_row + 1, stop_row):
        texts = cells.row_texts(row)
        if not texts or all(_NUMBERING.match(value) for _, value in texts):
            continue  # empty, or the row of column numbers (1) (2) (3) under the headers
        line = " ".join(value for _, value in texts)
        if fold(line).startswith(_END_WORDS):
            break
        name = cells.text(row, name_col)
        count = _stated_count(line)
        if count is not None and (not name or not split_school_name(name).prefix):
            stated = (count, a1(row, texts[0][0]), line)
            continue
        if not name:
            out.note(False, "province.import.skipped_row", sheet, a1(row, texts[0][0]), text=line)
            continue
        stripped = _SECTION.sub("", name)
        numbered = bool(re.match(r"\d", cells.text(row, columns["stt"]))) if "stt" in columns else False
        if len(texts) <= 2 and not numbered and not split_school_name(name).prefix:
            heading_kind = _short_kind(stripped) or (L.KINDS.match(stripped) if stripped else None)
            if heading_kind or L.LEVELS.match(stripped) or _SECTION.match(name):
                section_kind = heading_kind or section_kind
                out.note(True, "province.import.section", sheet, a1(row, name_col), text=name,
                         kind=heading_kind or "—")
                continue
        if fold(name).startswith(("tong", "cong")):
            continue
        values = {key: cells.text(row, col) for key, col in columns.items()}
        record: dict[str, object] = {"name": name}  # as the list writes it: matching copes with "Trường …"
        parts = split_school_name(name)
        level = L.LEVELS.match(values.get("level")) if values.get("level") else None
        if level is None and parts.level:
            level = parts.level
            levels_from_name += 1
        if level is None:
            out.note(False, "province.import.no_level", sheet, a1(row, name_col), name=name)
        record["level"] = level
        for key in ("commune", "timing", "pre_invested"):
            if values.get(key):
                record[key] = values[key]
        kind = parse_kind(values["kind"]) if values.get("kind") else None
        note_text = values.get("note", "")
        if kind is None and note_text:
            kind = _short_kind(note_text)
            kinds_from_note += kind is not None
        if kind is None and section_kind:
            kind = section_kind
        if kind is None:
            raw_kind = values.get("kind") or ""
            out.note(False, "province.import.no_kind", sheet, a1(row, columns.get("kind", name_col)), name=name,
                     value=raw_kind or "—")
            if raw_kind:
                record["kind"] = raw_kind
        else:
            record["kind"] = kind
        standard = _vocabulary_number(L.STANDARD_LEVELS, values.get("standard_level"))
        accreditation = _vocabulary_number(L.ACCREDITATION_LEVELS, values.get("accreditation_level"))
        combo = values.get("combo")
        if combo:
            if parse_combo(combo) == (None, None):
                out.note(False, "province.import.bad_combo", sheet, a1(row, columns["combo"]), value=combo)
            else:
                combos += 1
        for raw in (combo, values.get("standard_level"), values.get("accreditation_level"), note_text):
            if raw and (standard is None or accreditation is None):
                combo_accreditation, combo_standard = parse_combo(raw)
                standard = standard if standard is not None else combo_standard
                accreditation = accreditation if accreditation is not None else combo_accreditation
        if standard:
            record["standard_level"] = _level_label(L.STANDARD_LEVELS, standard)
        if accreditation:
            record["accreditation_level"] = _level_label(L.ACCREDITATION_LEVELS, accreditation)
        # The legacy wording stays in Ghi chú, so the import can be checked against the paper list.
        note_parts = [values[key] for key in ("combo", "note") if values.get(key)]
        note_parts += [f"{others[col]}: {cells.text(row, col)}" for col in sorted(others) if cells.text(row, col)]
        if note_parts:
            record["note"] = "; ".join(note_parts)
        out.schools.append(record)
        rows.append(row)
    out.tables.append(("schools", sheet, header_row))
    _table_note(out, first_note, "province.import.school_table", cells, header_row, name_col, columns, len(rows))
    for col, label in sorted(others.items()):
        out.note(False, "province.import.unknown_column", sheet, a1(header_row, col), label=label)
    if levels_from_name:
        out.note(True, "province.import.levels_from_names", sheet, None, count=levels_from_name)
    if kinds_from_note:
        out.note(True, "province.import.kinds_from_note", sheet, None, count=kinds_from_note)
    if combos:
        out.note(True, "province.import.combos", sheet, None, count=combos)
    if stated is not None:
        count, cell, quote = stated
        out.figures.setdefault("planned_total", count)
        # The standard workbook is Vietnamese whatever the report language.
        out.figure_notes.setdefault("planned_total", text("province.import.figure_note", "vi", quote=quote))
        out.note(True, "province.import.stated_count", sheet, cell, quote=quote, count=count)
        if count != len(rows):
            out.mismatches.append(CountMismatch(sheet, cell, count, len(rows), quote))


def _table_note(out: _Collector, position: int, key: str, cells: _Cells, header_row: int, col: int,
                columns: dict[str, int], count: int) -> None:
    """The table's own line goes before the notes its rows produced."""
    header = {field_key: clean_text(cells.value(header_row, field_col)) for field_key, field_col in columns.items()}
    mapping = ", ".join(f"'{header[field_key]}' → '{_target_header(field_key)}'" for field_key in columns)
    out.mapped.insert(position, ImportNote(key, cells.name, a1(header_row, col),
                                           (("count", count), ("columns", mapping))))


def _target_header(key: str) -> str:
    if key == "combo":
        return f"{L.SCHOOLS.column('standard_level').header} + {L.SCHOOLS.column('accreditation_level').header}"
    for spec in (L.SCHOOLS, L.TIMELINE):
        for column in spec.columns:
            if column.key == key:
                return column.header
    return key


# ---------------------------------------------------------------- the timeline

def _school_names(part: str) -> list[str]:
    """The school names in a piece of text such as '07 trường: TH Đoàn Kết, TH Trung Hiền'."""
    body = _LEADING_COUNT.sub("", part.strip())
    names = []
    for piece in re.split(r"[,;]|\s+và\s+", body):
        piece = piece.strip().rstrip(".").strip()
        piece = _LEADING_SCHOOL_WORD.sub("", piece)
        if piece and split_school_name(piece).prefix and len(piece.split()) <= 8:
            names.append(piece)
    return names


def extract_schools(task: str) -> tuple[list[str], int | None]:
    """School names and the stated number of schools in a task's text."""
    names: list[str] = []
    for group in re.findall(r"\(([^()]*)\)", task):
        found = _school_names(group)
        if found:
            names = found
            break
    if not names:
        after = _NAMED_AFTER.search(task)
        if after:
            names = _school_names(after.group(1))
    if not names:
        trailing = _TRAILING_SCHOOL.search(task)
        if trailing:
            names = [trailing.group(1).strip()]
    counts = _TASK_COUNT.findall(fold(task))
    count = int(counts[0]) if counts else None
    return names, count


def _parse_timeline(cells: _Cells, header_row: int, columns: dict[str, int], others: dict[int, str],
                    out: _Collector, stop_row: int, year: int | None) -> None:
    sheet = cells.name
    task_col = columns["task"]
    time_col = columns.get("time")
    current_time = ""
    filled = deadlines = linked = 0
    before = len(out.tasks)
    first_note = len(out.mapped)
    for row in range(header_row + 1, stop_row):
        texts = cells.row_texts(row)
        if not texts or all(_NUMBERING.match(value) for _, value in texts):
            continue
        line = " ".join(value for _, value in texts)
        if fold(line).startswith(_END_WORDS):
            break
        time = cells.text(row, time_col) if time_col else ""
        task_text = cells.text(row, task_col)
        inherited = False
        if time and not cells.is_merged_below(row, time_col):
            current_time = time
        elif current_time:
            inherited = True  # written once (or merged) for several rows
        if not task_text:
            if not time:
                out.note(False, "province.import.skipped_row", sheet, a1(row, texts[0][0]), text=line)
            continue
        filled += inherited
        record: dict[str, object] = {"time": current_time, "task": task_text}
        for key in ("lead", "partners", "status", "note"):
            col = columns.get(key)
            if col and cells.text(row, col):
                record[key] = cells.text(row, col)
        for key in ("deadline", "done_date"):
            col = columns.get(key)
            if col and cells.value(row, col) not in (None, ""):
                parsed = parse_date(cells.value(row, col))
                record[key] = parsed.value if parsed.value else cells.text(row, col)
        typed_schools = cells.text(row, columns["schools"]) if columns.get("schools") else ""
        typed_count = None
        if columns.get("school_count"):
            typed_count = parse_count(cells.value(row, columns["school_count"])).value
        names, count = extract_schools(task_text)
        cell = a1(row, task_col)
        if typed_schools:
            record["schools"] = typed_schools
        elif names:
            record["schools"] = "; ".join(names)
            linked += 1
        if typed_count is not None:
            record["school_count"] = int(typed_count)
        elif count is not None:
            record["school_count"] = count
            if not names and not typed_schools:
                group = _period_group(task_text, current_time, year)
                if group:
                    record["schools"] = group
                    out.note(True, "province.import.task_group", sheet, cell, count=count, group=group)
                else:
                    out.note(False, "province.import.task_count_only", sheet, cell, count=count)
        if names and count is not None and count != len(names) and not typed_schools:
            out.mismatches.append(CountMismatch(sheet, cell, count, len(names), shorten(task_text, 80)))
        if "deadline" not in record:
            deadline = end_of_period(current_time, year)
            if deadline:
                record["deadline"] = deadline
                deadlines += 1
            elif current_time:
                out.note(False, "province.import.no_deadline", sheet, a1(row, time_col or task_col),
                         time=current_time)
        out.tasks.append(record)
    out.tables.append(("timeline", sheet, header_row))
    _table_note(out, first_note, "province.import.timeline_table", cells, header_row, task_col, columns,
                len(out.tasks) - before)
    for col, label in sorted(others.items()):
        out.note(False, "province.import.unknown_column", sheet, a1(header_row, col), label=label)
    if filled:
        out.note(True, "province.import.times_filled", sheet, None, count=filled)
    if deadlines:
        out.note(True, "province.import.deadlines", sheet, None, count=deadlines)
    if linked:
        out.note(True, "province.import.names_found", sheet, None, count=linked)


def _period_group(task_text: str, time: str, year: int | None) -> str | None:
    """'… 09 trường công nhận mới và công nhận lại Quý IV' names no school but a batch: link the batch."""
    period = parse_period(task_text)
    if period is None or period.kind == "month":
        return None
    if period.year is None:
        time_end = end_of_period(time)
        period_year = year or (time_end.year if time_end else None)
        if period_year:
            period = Period(period.kind, period.number, period_year, period.month)
    return period.label()


# ---------------------------------------------------------------- plan metadata

def _read_meta(cells: _Cells, rows: range, out: _Collector) -> None:
    """Unit, number, date and year from a title or a '(Kèm theo Kế hoạch số … của UBND …)' line."""
    for row in rows:
        for col, value in cells.row_texts(row):
            cell = a1(row, col)
            if "number" not in out.meta:
                match = _NUMBER.search(value)
                if match and re.match(r"\d", match.group(1)):
                    out.meta["number"] = re.sub(r"\s+", "", match.group(1))
                    out.note(True, "province.import.meta", cells.name, cell, field=_info_label("number"),
                             value=out.meta["number"])
            if "date" not in out.meta:
                match = _DATE.search(value)
                parsed = parse_date(match.group(1)).value if match else None
                if parsed:
                    out.meta["date"] = parsed
                    out.note(True, "province.import.meta", cells.name, cell, field=_info_label("date"),
                             value=parsed.strftime("%d/%m/%Y"))
            if "unit" not in out.meta:
                match = _UNIT_AFTER_CUA.search(value) or _UNIT.search(value)
                if match:
                    unit = clean_text(match.group(1)).rstrip(".)")
                    unit = re.sub(r"^(?:Ủy|Uỷ) ban nhân dân", "UBND", unit, flags=re.IGNORECASE)
                    out.meta["unit"] = unit
                    out.note(True, "province.import.meta", cells.name, cell, field=_info_label("unit"), value=unit)
            if "year" not in out.meta:
                match = _YEAR.search(value)
                if match:
                    out.meta["year"] = int(match.group(1))
                    out.note(True, "province.import.meta", cells.name, cell, field=_info_label("year"),
                             value=match.group(1))


def _info_label(key: str) -> str:
    return next(info.label for info in L.INFO_FIELDS if info.key == key)


# ---------------------------------------------------------------- the run

def import_legacy(path: str | os.PathLike[str], output: str | os.PathLike[str], *, unit: str | None = None,
                  year: int | None = None, province: str | None = None, number: str | None = None,
                  overwrite: bool = False, lang: str = "vi") -> ImportResult:
    """Turn a legacy list or timeline into a standard workbook at `output`.

    Options given here win over what the file's title lines say. Raises
    PlanError when the file holds neither shape, or cannot be read.
    """
    from .files import refuse_output_among_inputs, refuse_unopenable_name
    from .grid import open_book
    from .template import PlanData, write_workbook

    source = Path(path)
    target = Path(output)
    refuse_unopenable_name(target)
    refuse_output_among_inputs([source], target, "import")
    out = _Collector()
    book = open_book(source)
    try:
        sheets = [_Cells(book.grid(name), source) for name in book.sheet_names]
    finally:
        book.close()
    found: list[tuple[_Cells, int, str, dict[str, int], dict[int, str]]] = []
    for cells in sheets:
        for row in range(1, min(cells.nrows, HEADER_SCAN_ROWS) + 1):
            recognised = _recognise(cells, row)
            if recognised:
                kind, columns, others = recognised
                previous = found[-1] if found else None
                if previous and previous[0] is cells and previous[1] == row - 1 and previous[2] == kind:
                    # A header two rows high (merged cells, or group labels over sub-labels) is one header.
                    columns = {**previous[3], **columns}
                    others = {col: label for col, label in {**previous[4], **others}.items()
                              if col not in columns.values()}
                    found.pop()
                found.append((cells, row, kind, columns, others))
        # The title lines above the first table carry the plan's metadata.
        first = next((row for item_cells, row, *_ in found if item_cells is cells), cells.nrows + 1)
        _read_meta(cells, range(1, min(first, PREAMBLE_ROWS + 1)), out)
    if not found:
        raise PlanError("province.error.nothing_to_import", path=source,
                        sheets=", ".join(f"'{cells.name}'" for cells in sheets) or "—")
    if year is not None:
        out.meta["year"] = year
    plan_year = out.meta.get("year") if isinstance(out.meta.get("year"), int) else None
    for index, (cells, row, kind, columns, others) in enumerate(found):
        following = [other_row for other_cells, other_row, *_ in found[index + 1:] if other_cells is cells]
        stop = following[0] if following else cells.nrows + 1
        if kind == "schools":
            _parse_schools(cells, row, columns, others, out, stop)
        else:
            _parse_timeline(cells, row, columns, others, out, stop, plan_year)
    meta = {info.key: info.default for info in L.INFO_FIELDS if info.default is not None}
    meta.update(out.meta)
    for key, value in (("unit", unit), ("province", province), ("number", number)):
        if value:
            meta[key] = value
    for key in ("unit", "year"):
        if not meta.get(key):
            out.note(False, "province.import.missing_meta", L.INFO_NAME, None, field=_info_label(key))
    data = PlanData(meta=meta, figures=dict(out.figures), figure_notes=dict(out.figure_notes),
                    schools=out.schools, tasks=out.tasks)
    write_workbook(target, data, overwrite=overwrite)
    return ImportResult(source, target, out.tables, len(out.schools), len(out.tasks), meta, out.mapped,
                        out.unmapped, out.mismatches, lang)
