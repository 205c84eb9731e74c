"""Workbook → plan model.

Sheets and header rows are found by their labels, not their positions:
case, diacritics, Unicode form, spacing, header synonyms, extra columns,
blank or inserted rows, merged header cells and sheet order do not matter.
"""
from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from . import guard
from . import layout as L
from .errors import PlanError
from .grid import Book, Grid, open_book
from .lazyre import lazy_compile
from .source import Source
from .model import (
    Batches, BatchRow, BudgetLine, CellRef, DamagedCell, FigureRow, Figures, InfoValue, LoggedReplacement, Meta, Plan,
    School, Summary, Table, TargetRow, Targets, Task,
)
from .normalize import (
    clean_text, fold, parse_count, parse_date, parse_number, parse_percent, parse_period, split_school_name,
)

HEADER_SCAN_ROWS = 60

# ---------------------------------------------------------------- label matching

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@lru_cache(maxsize=65_536, typed=True)
def _label_keys(text: object) -> tuple[str, ...]:
    """The folded forms a header can match by: as written, without (units), before ':'.

    Cached: header finding asks for every text cell of the first rows of each table, and the
    same labels recur in every file of a province."""
    full = fold(text)
    if not full:
        return ()
    keys = [full]
    raw = clean_text(text)
    stripped = fold(_PARENS.sub(" ", raw))
    if stripped and stripped != full:
        keys.append(stripped)
    head = fold(raw.split(":")[0])
    if head and head not in keys:
        keys.append(head)
    return tuple(keys)


def _index(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, labels in pairs:
        for label in labels:
            for folded in _label_keys(label):
                index.setdefault(folded, key)
    return index


def _match(text: object, index: dict[str, str]) -> str | None:
    for key in _label_keys(text):
        found = index.get(key)
        if found:
            return found
    return None


def find_sheet(names: list[str], name: str, aliases: tuple[str, ...]) -> str | None:
    """The workbook sheet that plays the role `name`, judged by its name."""
    wanted = [fold(name), *(fold(alias) for alias in aliases)]
    folded = {sheet: fold(sheet) for sheet in names}
    for target in wanted:
        for sheet, key in folded.items():
            if key == target:
                return sheet
    for target in wanted[:3]:
        for sheet, key in folded.items():
            if key.startswith(target + " ") or key.startswith(target + "-"):
                return sheet
    return None


# ---------------------------------------------------------------- grid helpers

class _Sheet:
    """A grid with merged cells resolved: a merged range reads as its top-left value."""

    def __init__(self, grid: Grid, path: str | Path = "") -> None:
        self.grid = grid
        self.name = grid.name
        self._merge_of: dict[tuple[int, int], tuple[int, int]] = {}
        self._merged_by_row: dict[int, list[int]] = {}  # row → columns covered by a merge (not its origin)
        self._errors_by_row: dict[int, list[tuple[int, str]]] = {}
        for (row, col), error in grid.errors.items():
            self._errors_by_row.setdefault(row, []).append((col, error))
        expanded = 0
        for r1, c1, r2, c2 in grid.merged:
            size = (r2 - r1 + 1) * (c2 - c1 + 1)
            if size > guard.MERGE_COUNTED_CAP:
                continue  # absurd merges: read cells as they are
            expanded += size
            if expanded > guard.MAX_MERGED_CELLS:
                raise PlanError("safety.merges_too_big", path=path, sheet=grid.name,
                                limit=f"{guard.MAX_MERGED_CELLS:,}".replace(",", "."))
            for row in range(r1, r2 + 1):
                for col in range(c1, c2 + 1):
                    if (row, col) != (r1, c1):
                        self._merge_of[(row, col)] = (r1, c1)
                        self._merged_by_row.setdefault(row, []).append(col)

    @property
    def nrows(self) -> int:
        return self.grid.nrows

    def ncols(self, row: int) -> int:
        return len(self.grid.row(row))

    def value(self, row: int, col: int) -> object:
        """The value shown at (row, col), merged ranges included."""
        origin = self._merge_of.get((row, col))
        if origin:
            return self.grid.value(*origin)
        return self.grid.value(row, col)

    def text(self, row: int, col: int) -> str:
        return clean_text(self.value(row, col))

    def shown_row(self, row: int) -> list:
        """The values `value` shows along a row (0-based list, as long as the grid's row; '' for empty):
        the row as read when no merge or error value touches it."""
        values = self.grid.row(row)
        merged = self._merged_by_row.get(row)
        errors = self._errors_by_row.get(row)
        if not merged and not errors:
            return values
        values = list(values)
        for col, error in errors or ():
            if col <= len(values) and values[col - 1] == "":
                values[col - 1] = error
        for col in merged or ():
            if col <= len(values):
                value = self.value(row, col)
                values[col - 1] = "" if value is None else value
        return values

    def merged_origin(self, row: int, col: int) -> tuple[int, int] | None:
        return self._merge_of.get((row, col))

    def data_row(self, row: int, fill_cols: Iterable[int] = ()) -> list:
        """The raw values of a row, with error values restored and vertical merges filled down."""
        values = self.grid.row(row)
        if not self._merge_of and row not in self._errors_by_row:
            return values
        values = list(values)
        for col in fill_cols:
            origin = self._merge_of.get((row, col))
            if origin and origin[1] == col and origin[0] < row:
                while len(values) < col:
                    values.append("")
                values[col - 1] = self.grid.value(*origin)
        for col, error in self._errors_by_row.get(row, ()):
            while len(values) < col:
                values.append("")
            values[col - 1] = error
        return values


# ---------------------------------------------------------------- tables

def _roman_or_letter(value: object) -> bool:
    text = clean_text(value).rstrip(".").upper()
    return bool(text) and (bool(re.fullmatch(r"[IVXL]+", text)) or bool(re.fullmatch(r"[A-Z]", text)))


_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$|^\([a-z]\)$")
_GRAND_TOTAL = {fold(label) for label in ("Tổng cộng", "Tổng", "Tổng số", "Cộng chung", "Tổng cộng chung",
                                          "Tổng kinh phí", "Tổng cộng toàn huyện", "Tổng cộng (triệu đồng)")}
_SECTION_WORDS = {fold(value) for vocabulary in (L.LEVELS, L.KINDS) for value in vocabulary.values}


_TOTAL_STARTS = ("tổ", "to", "tỏ", "cộ", "co")  # "Tổng …", "Cộng …" (NFC or decomposed); "TH …" is not


def _is_grand_total(text: str) -> bool:
    if not text or not text[:2].lower().startswith(_TOTAL_STARTS):
        return False
    key = fold(text)
    return key in _GRAND_TOTAL or key.startswith("tong cong")


def _is_subtotal(text: str) -> bool:
    """'Cộng', 'Cộng trường …', 'Cộng:' — a per-school subtotal inside a budget table."""
    if not text or text[0] not in "Cc":
        return False
    key = fold(text)
    return key == "cong" or key.startswith(("cong truong", "cong theo", "cong rieng")) or text.strip().lower() \
        .startswith("cộng:")


_TABLE_INDEXES: dict[str, tuple[dict[str, str], list[str]]] = {}


def _table_index(spec: L.TableSheet) -> tuple[dict[str, str], list[str]]:
    """The folded header labels of a table (→ column key) and its required keys, built once per table."""
    found = _TABLE_INDEXES.get(spec.name)
    if found is None:
        found = _TABLE_INDEXES[spec.name] = (_index((column.key, column.labels) for column in spec.columns),
                                             [column.key for column in spec.columns if column.required])
    return found


def _header_row(sheet: _Sheet, row: int, index: dict[str, str]) -> tuple[dict[str, int], dict[int, str]]:
    """The columns a row names (key → column) and its other labels (column → text); an empty cell reads
    the label above it (a header of two rows)."""
    columns: dict[str, int] = {}
    extra: dict[int, str] = {}
    here = sheet.shown_row(row)
    above = sheet.shown_row(row - 1) if row > 1 else []
    width = max(len(here), len(above))
    for col in range(1, width + 1):
        label = here[col - 1] if col <= len(here) else ""
        if label == "" and row > 1:
            label = above[col - 1] if col <= len(above) else ""
        if label.__class__ is not str and not isinstance(label, str):
            continue
        key = _match(label, index)
        if key and key not in columns:
            columns[key] = col
        elif label.strip():
            extra[col] = clean_text(label)
    return columns, extra


def _find_header(sheet: _Sheet, spec: L.TableSheet, path: Path) -> tuple[int, dict[str, int], dict[int, str]]:
    index, required = _table_index(spec)
    most = len(set(index.values()))  # a row naming every column cannot be beaten: the scan stops there
    best: tuple[int, int, dict[str, int]] | None = None
    partial: dict[str, int] = {}
    for row in range(1, min(sheet.nrows, HEADER_SCAN_ROWS) + 1):
        columns, _ = _header_row(sheet, row, index)
        if len(columns) > len(partial):
            partial = columns
        if all(key in columns for key in required) and len(columns) >= 2:
            if best is None or len(columns) > best[1]:
                best = (row, len(columns), columns)
                if len(columns) == most:
                    break
    if best is None:
        missing = [spec.column(key).header for key in required if key not in partial] or \
                  [column.header for column in spec.columns if column.required]
        raise PlanError("error.missing_header", path=path, sheet=sheet.name,
                        headers=", ".join(f"'{header}'" for header in missing))
    row, _, columns = best
    _, extra = _header_row(sheet, row, index)
    extra = {col: label for col, label in extra.items() if col not in columns.values()}
    return row, columns, extra


def _read_table(sheet: _Sheet, spec: L.TableSheet, path: Path, formulas: dict) -> tuple[Table, list[tuple[int, list]]]:
    header_row, columns, extra = _find_header(sheet, spec, path)
    table = Table(spec, sheet.name, header_row, columns, formulas, extra_headers=extra,
                  merged=list(sheet.grid.merged))
    name_col = columns.get("name") or columns.get("task")
    label_cols = [col for col in (columns.get("stt"), name_col, columns.get("item")) if col]
    input_cols = [col for key, col in columns.items() if not spec.column(key).derived and key != "stt"]
    fill_cols = [col for key, col in columns.items() if key in ("name", "time", "level", "kind", "commune",
                                                                 "timing", "lead", "partners")]
    rows: list[tuple[int, list]] = []
    first = header_row + 1
    if name_col and _NUMBERING.match(fold(sheet.value(first, name_col))):
        first += 1  # a row of column numbers under the headers: (1) (2) (3)…
    after_total = False
    check_cols = sorted(set(input_cols + label_cols))
    inputs = set(input_cols)
    data_row = sheet.data_row
    for row in range(first, sheet.nrows + 1):
        values = data_row(row, fill_cols)
        width = len(values)
        if not after_total and any(values):  # a row of zeros adds nothing to any total
            table.row_values[row] = values
        # The columns of this row that hold something (one pass; the tests below all ask it).
        filled = [col for col in check_cols if col <= width and (value := values[col - 1]) != "" and value is not None]
        if not filled:
            continue
        # Only text starting with T or C can be "Tổng cộng" / "Cộng …": fold nothing else.
        labels = [clean_text(value) for col in label_cols if col <= width
                  if (value := values[col - 1]).__class__ is str and value.lstrip()[:1] in ("T", "t", "C", "c")]
        if spec.total_row and not after_total and any(_is_grand_total(label) for label in labels):
            table.total_row = row
            table.total_values = {key: (values[col - 1] if col <= width else "") for key, col in columns.items()}
            after_total = True
            continue
        if spec.total_row and not after_total and any(_is_subtotal(label) for label in labels):
            table.subtotal_rows.append(row)
            continue
        filled_inputs = [col for col in filled if col in inputs]
        if after_total:
            if filled_inputs:
                table.rows_after_total.append(row)
            continue
        if _is_section_row(values, columns, filled_inputs):
            continue
        if spec is L.TIMELINE:
            heading = _heading_text(values, filled_inputs)
            if heading:
                table.heading_rows[row] = heading
                continue
        table.data_rows.append(row)
        rows.append((row, values))
    return table, rows


def _is_section_row(values: list, columns: dict[str, int], filled: list[int]) -> bool:
    """'I. CÔNG NHẬN MỚI', 'Mầm non': a heading inside the table, not a record. `filled`: its input columns
    that hold something."""
    if len(filled) != 1:
        return False
    text = clean_text(values[filled[0] - 1])
    stt_col = columns.get("stt")
    stt = values[stt_col - 1] if stt_col and stt_col <= len(values) else ""
    stripped = re.sub(r"^[IVXL]+[.)]\s*|^[A-Z][.)]\s*", "", text)
    return _roman_or_letter(stt) or fold(stripped) in _SECTION_WORDS


def _heading_text(values: list, filled: list[int]) -> str | None:
    """A timeline row with text in one cell and nothing else ('I. Công tác chỉ đạo', 'Quý III/2023'): a heading.
    `filled`: its input columns that hold something."""
    if len(filled) != 1 or not isinstance(values[filled[0] - 1], str):
        return None
    return clean_text(values[filled[0] - 1]) or None


def _raw(values: list, columns: dict[str, int], key: str) -> object:
    col = columns.get(key)
    if not col or col > len(values):
        return None
    value = values[col - 1]
    return None if value == "" else value


def _index_of(table: Table) -> list[tuple[str, int]]:
    return [(key, col - 1) for key, col in table.columns.items()]


def _fields(values: list, index: list[tuple[str, int]]) -> dict[str, object]:
    """One row's raw values by field key (None for empty): one pass instead of a lookup per field."""
    width = len(values)
    return {key: (None if i >= width or values[i] == "" else values[i]) for key, i in index}


def _number(value: object) -> float | None:
    """parse_number(value).value, with the common cases (empty, a plain number) short-circuited."""
    if value is None:
        return None
    if value.__class__ is float:
        return value if math.isfinite(value) else None
    return parse_number(value).value


def _as_int(value: object) -> int | None:
    return int(value) if isinstance(value, float) else None


_COMBO_ACCREDITATION = lazy_compile(r"\bc\s*d\s*(\d)|\bcap do\s*(\d)")
_COMBO_STANDARD = lazy_compile(r"\bm\s*d\s*(\d)|\bmuc do\s*(\d)")


@lru_cache(maxsize=65_536, typed=True)   # pure, on the few texts plans write
def parse_combo(value: object) -> tuple[int | None, int | None]:
    """'CĐ2-MĐ1' → (cấp độ 2, mức độ 1); either part may be absent."""
    key = fold(value).replace("-", " ")
    accreditation = _COMBO_ACCREDITATION.search(key)
    standard = _COMBO_STANDARD.search(key)
    return (int(next(g for g in accreditation.groups() if g)) if accreditation else None,
            int(next(g for g in standard.groups() if g)) if standard else None)


def _level_number(vocabulary, value: object) -> int | None:
    canonical = vocabulary.match(value)
    if canonical:
        return int(canonical.rsplit(" ", 1)[-1])
    return None


@lru_cache(maxsize=65_536, typed=True)
def parse_kind(value: object) -> str | None:
    """Kind of recognition, from the vocabulary or from its key words."""
    canonical = L.KINDS.match(value)
    if canonical or not value:
        return canonical
    key = f" {fold(value)} "
    renew = " lai " in key or " duy tri " in key
    upgrade = " nang " in key
    if " lan dau " in key or " moi " in key:
        return L.KIND_NEW
    if renew and upgrade:
        return L.KIND_RENEW_UPGRADE
    if upgrade:
        return L.KIND_UPGRADE
    if renew:
        return L.KIND_RENEW
    return None


_NEGATIVE = {"", "khong", "chua", "no", "0", "-", "khong co", "chua dau tu"}


def _school(table: Table, row: int, values: list, index: list[tuple[str, int]]) -> School:
    field = _fields(values, index)
    name = clean_text(field.get("name"))
    parts = split_school_name(name)
    raw_level = field.get("level")
    level = L.LEVELS.match(raw_level)
    from_name = False
    if level is None and raw_level is None and parts.level:
        level, from_name = parts.level, True
    raw_kind = field.get("kind")
    raw_standard, raw_accreditation = field.get("standard_level"), field.get("accreditation_level")
    standard = _level_number(L.STANDARD_LEVELS, raw_standard)
    accreditation = _level_number(L.ACCREDITATION_LEVELS, raw_accreditation)
    if standard is None or accreditation is None:
        for raw in (raw_standard, raw_accreditation, raw_kind):
            if isinstance(raw, str):
                combo_accreditation, combo_standard = parse_combo(raw)
                standard = standard if standard is not None else combo_standard
                accreditation = accreditation if accreditation is not None else combo_accreditation
    timing = clean_text(field.get("timing"))
    pre = clean_text(field.get("pre_invested"))
    return School(
        table, row, values,
        stt=_as_int(_count(field.get("stt"))),
        name=name,
        name_parts=parts,
        level=level,
        level_from_name=from_name,
        commune=clean_text(field.get("commune")),
        kind=parse_kind(raw_kind),
        standard_level=standard,
        accreditation_level=accreditation,
        timing=timing,
        period=parse_period(timing),
        pre_invested="" if fold(pre) in _NEGATIVE else pre,
        budget=_number(field.get("budget")),
        note=clean_text(field.get("note")),
    )


def _count(value: object) -> float | None:
    if value is None:
        return None
    if value.__class__ is float:
        return value if value.is_integer() else None
    return parse_count(value).value


def _budget_line(table: Table, row: int, values: list, index: list[tuple[str, int]]) -> BudgetLine:
    field = _fields(values, index)
    school = clean_text(field.get("name"))
    return BudgetLine(
        table, row, values,
        stt=_as_int(_count(field.get("stt"))),
        school=school,
        school_parts=split_school_name(school),
        item=clean_text(field.get("item")),
        amounts={key: _number(field.get(key)) for key in L.SOURCE_KEYS},
        total=_number(field.get("total")),
        note=clean_text(field.get("note")),
    )


def _tasks(table: Table, rows: list[tuple[int, list]]) -> list[Task]:
    tasks = []
    previous_time = ""
    index = _index_of(table)
    headings = sorted(table.heading_rows.items())
    next_heading = 0
    for row, values in rows:
        # A heading that names a period ('Quý III/2023') dates the tasks under it that give no time of their own.
        while next_heading < len(headings) and headings[next_heading][0] < row:
            heading = headings[next_heading][1]
            if parse_period(heading) is not None:
                previous_time = heading
            next_heading += 1
        field = _fields(values, index)
        time = clean_text(field.get("time"))
        inherited = False
        if not time and previous_time:
            time, inherited = previous_time, True
        previous_time = time
        tasks.append(Task(
            table, row, values,
            time=time,
            time_inherited=inherited,
            period=parse_period(time),
            task=clean_text(field.get("task")),
            lead=clean_text(field.get("lead")),
            partners=clean_text(field.get("partners")),
            schools_text=clean_text(field.get("schools")),
            school_count=_as_int(_count(field.get("school_count"))),
            named_count=_number(field.get("named_count")),
            deadline=parse_date(field.get("deadline")).value,
            status=L.STATUSES.match(field.get("status")),
            done_date=parse_date(field.get("done_date")).value,
            note=clean_text(field.get("note")),
        ))
    return tasks


# ---------------------------------------------------------------- Thông tin

@lru_cache(maxsize=None)
def _info_index() -> dict[str, str]:
    return _index((field.key, field.labels) for field in L.INFO_FIELDS)


_INFO_PARSERS: dict[str, Callable[[object], object]] = {
    "count": lambda raw: _as_int(parse_count(raw).value),
    "date": lambda raw: parse_date(raw).value,
    "text": clean_text,
}


def _read_info(sheet: _Sheet) -> Meta:
    index = _info_index()
    meta = Meta(sheet.name)
    value_col = None
    for row in range(1, min(sheet.nrows, 10) + 1):
        for col in range(1, sheet.ncols(row) + 1):
            if fold(sheet.value(row, col)) == fold(L.INFO_HEADERS[1]):
                value_col = col
    fields = {field.key: field for field in L.INFO_FIELDS}
    for row in range(1, sheet.nrows + 1):
        for col in range(1, min(sheet.ncols(row), 4) + 1):
            label = sheet.value(row, col)
            if not isinstance(label, str):
                continue
            key = _match(label, index)
            if not key or key in meta.values:
                continue
            target = value_col if value_col and value_col > col else _next_col(sheet, row, col)
            raw = sheet.grid.value(row, target)
            parsed = _INFO_PARSERS.get(fields[key].type, clean_text)(raw)
            meta.values[key] = InfoValue(key, parsed, raw, CellRef(sheet.name, row, target))
            break
    return meta


def _next_col(sheet: _Sheet, row: int, col: int) -> int:
    """The column after a label, skipping the rest of a merged label cell."""
    nxt = col + 1
    while sheet.merged_origin(row, nxt) == (row, col):
        nxt += 1
    return nxt


# ---------------------------------------------------------------- Tổng hợp

_KIND_INDEX = _index([(key, (label,)) for key, label in L.TARGET_KINDS]
                     + [("total", (L.TARGET_TOTAL_GROUP, "Tổng", "Tổng cộng", "Cộng"))])
_WHICH_INDEX = _index(L.TARGET_SYNONYMS.items())
_FIGURE_INDEX = _index((figure.key, (figure.label, *figure.synonyms)) for figure in L.FIGURES)
_FIGURE_HEADER_INDEX = _index(L.FIGURES_HEADER_SYNONYMS.items())
_BATCH_INDEX = _index([(key, (label,)) for key, label in L.BATCH_COLUMNS])
_BATCH_GROUP_INDEX = _index([("stated", (L.BATCH_STATED_GROUP, "Nêu", "Theo kế hoạch")),
                             ("computed", (L.BATCH_COMPUTED_GROUP, "Tính toán", "Theo danh sách"))])


def _target_column(group: str, sub: str) -> tuple[str, str] | None:
    kind = L.KINDS.match(group) and L.KIND_TO_TARGET.get(L.KINDS.match(group))
    kind = kind or _match(group, _KIND_INDEX)
    which = _match(sub, _WHICH_INDEX)
    if kind and which:
        return kind, which
    combined = fold(f"{group} {sub}") if group != sub else fold(sub)
    for key, label in (*L.TARGET_KINDS, ("total", L.TARGET_TOTAL_GROUP)):
        if fold(label) in combined:
            for which_key, labels in L.TARGET_SYNONYMS.items():
                if any(fold(text) in combined for text in labels):
                    return key, which_key
    return None


def _read_targets(sheet: _Sheet, formulas: dict) -> Targets | None:
    label_key = fold(L.TARGET_LABEL)
    for row in range(1, min(sheet.nrows, HEADER_SCAN_ROWS) + 1):
        for col in range(1, sheet.ncols(row) + 1):
            if fold(sheet.value(row, col)) != label_key:
                continue
            columns: dict[tuple[str, str], int] = {}
            sub_row = row + 1
            group = ""
            for c in range(col + 1, max(sheet.ncols(row), sheet.ncols(sub_row)) + 1):
                # A group label written once over several columns, merged or not, covers them all.
                group, sub = sheet.text(row, c) or group, sheet.text(sub_row, c)
                found = _target_column(group, sub or group)
                if found and found not in columns:
                    columns[found] = c
            if not columns:
                continue
            header_row = sub_row if any(sheet.text(sub_row, c) for c in columns.values()) else row
            rows: dict[str, TargetRow] = {}
            for r in range(header_row + 1, min(sheet.nrows, header_row + 20) + 1):
                label = sheet.text(r, col)
                if not label:
                    if rows:
                        break
                    continue
                level = "total" if _is_grand_total(label) else L.LEVELS.match(label)
                if level is None:
                    if rows:
                        break
                    continue
                target = TargetRow(level, r)
                for (kind, which), c in columns.items():
                    raw = sheet.grid.value(r, c)
                    if which == "assigned":
                        if kind != "total" and level != "total":  # totals are derived, not typed targets
                            target.assigned[kind] = _as_int(parse_count(raw).value)
                        target.assigned_raw[kind] = raw
                    else:
                        target.planned_raw[kind] = raw
                rows.setdefault(level, target)
                if level == "total":
                    break
            return Targets(sheet.name, header_row, columns, rows, formulas)
    return None


def _read_figures(sheet: _Sheet, formulas: dict) -> Figures | None:
    for row in range(1, sheet.nrows + 1):
        found: dict[str, int] = {}
        for col in range(1, sheet.ncols(row) + 1):
            key = _match(sheet.value(row, col), _FIGURE_HEADER_INDEX)
            if key and key not in found:
                found[key] = col
        if not {"stated", "computed"} <= found.keys():
            continue
        label_col = found.get("label", min(found.values()) - 1 or 1)
        rows: dict[str, FigureRow] = {}
        blank = 0
        for r in range(row + 1, sheet.nrows + 1):
            label = sheet.value(r, label_col)
            key = _match(label, _FIGURE_INDEX) if isinstance(label, str) else None
            if key is None:
                blank += 1
                if blank > 1 or (label and rows):
                    break
                continue
            blank = 0
            parse = parse_percent if key == "rate" else (
                parse_count if key.startswith(("year", "level2", "funded", "planned")) else parse_number)
            stated_raw = sheet.grid.value(r, found["stated"])
            value = parse(stated_raw).value
            rows.setdefault(key, FigureRow(key, r, value, stated_raw, sheet.grid.value(r, found["computed"])))
        return Figures(sheet.name, row, found["stated"], found["computed"], rows, formulas)
    return None


def _read_batches(sheet: _Sheet, formulas: dict) -> Batches | None:
    labels = {fold(L.BATCH_LABEL), *(fold(text) for text in L.BATCH_LABEL_SYNONYMS)}
    for row in range(1, sheet.nrows + 1):
        for col in range(1, min(sheet.ncols(row), 3) + 1):
            if fold(sheet.value(row, col)) not in labels:
                continue
            stated: dict[str, int] = {}
            computed: dict[str, int] = {}
            sub_row = row + 1
            group = None
            for c in range(col + 1, max(sheet.ncols(row), sheet.ncols(sub_row)) + 1):
                group = _match(sheet.value(row, c), _BATCH_GROUP_INDEX) or (group if not sheet.text(row, c) else None)
                key = _match(sheet.value(sub_row, c), _BATCH_INDEX)
                if group and key:
                    target = stated if group == "stated" else computed
                    target.setdefault(key, c)
            if not stated and not computed:
                continue
            rows: list[BatchRow] = []
            for r in range(sub_row + 1, sheet.nrows + 1):
                label = sheet.text(r, col)
                if not label:
                    if any(sheet.text(r, c) for c in stated.values()):
                        label = ""
                    else:
                        break
                rows.append(BatchRow(
                    r, label, parse_period(label),
                    {key: _as_int(parse_count(sheet.grid.value(r, c)).value) for key, c in stated.items()},
                    {key: sheet.grid.value(r, c) for key, c in stated.items()},
                    {key: sheet.grid.value(r, c) for key, c in computed.items()},
                ))
            return Batches(sheet.name, sub_row, stated, computed, rows, formulas)
    return None


# ---------------------------------------------------------------- Kiểm tra log

def find_review_sheet(book: Book) -> str | None:
    """The 'Kiểm tra' sheet a previous recalc wrote — recognised by its title, never just by its name."""
    candidates = {fold(L.REVIEW_NAME), fold(L.REVIEW_FALLBACK_NAME)}
    for name in book.sheet_names:
        if fold(name) in candidates and L.REVIEW_MARK in clean_text(book.grid(name).value(1, 1)):
            return name
    return None


def _read_review_log(sheet: _Sheet) -> list[LoggedReplacement]:
    title = fold(L.REVIEW_LOG_TITLE)
    for row in range(1, sheet.nrows + 1):
        if fold(sheet.value(row, 1)) != title:
            continue
        log = []
        for r in range(row + 2, sheet.nrows + 1):
            sheet_name, cell = sheet.text(r, 1), sheet.text(r, 2)
            if not sheet_name or not cell:
                break
            log.append(LoggedReplacement(sheet_name, cell, sheet.grid.value(r, 3), sheet.grid.value(r, 4)))
        return log
    return []


# ---------------------------------------------------------------- the plan

def read_plan(path: str | os.PathLike[str] | Source) -> Plan:
    """Read a standard workbook into a plan model.

    Raises PlanError (one exception type, Vietnamese message naming the file
    and what is wrong) when the file cannot be used.
    """
    book = open_book(path)
    try:
        return read_book(book)
    finally:
        book.close()


def read_book(book: Book) -> Plan:
    path = book.path
    names = book.sheet_names
    found: dict[str, str] = {}
    for name, aliases in ((L.INFO_NAME, L.INFO_ALIASES), (L.SUMMARY_NAME, L.SUMMARY_ALIASES),
                          *((spec.name, spec.aliases) for spec in L.TABLE_SHEETS)):
        actual = find_sheet(names, name, aliases)
        if actual is None:
            raise PlanError("error.missing_sheet", path=path, sheet=name,
                            found=", ".join(f"'{sheet}'" for sheet in names) or "(không có)")
        found[name] = actual

    def sheet(name: str) -> _Sheet:
        return _Sheet(book.grid(found[name]), path)

    meta = _read_info(sheet(L.INFO_NAME))
    summary_sheet = sheet(L.SUMMARY_NAME)
    summary_formulas = summary_sheet.grid.formulas
    summary = Summary(
        summary_sheet.name,
        _read_targets(summary_sheet, summary_formulas),
        _read_figures(summary_sheet, summary_formulas),
        _read_batches(summary_sheet, summary_formulas),
    )
    school_sheet = sheet(L.SCHOOLS.name)
    school_table, school_rows = _read_table(school_sheet, L.SCHOOLS, path, school_sheet.grid.formulas)
    school_index = _index_of(school_table)
    schools = [_school(school_table, row, values, school_index) for row, values in school_rows]
    budget_tables: dict[str, Table] = {}
    budget_lines: dict[str, list[BudgetLine]] = {}
    for spec in L.BUDGET_SHEETS:
        budget_sheet = sheet(spec.name)
        table, rows = _read_table(budget_sheet, spec, path, budget_sheet.grid.formulas)
        budget_tables[spec.key] = table
        line_index = _index_of(table)
        budget_lines[spec.key] = [_budget_line(table, row, values, line_index) for row, values in rows]
    timeline_sheet = sheet(L.TIMELINE.name)
    timeline_table, timeline_rows = _read_table(timeline_sheet, L.TIMELINE, path, timeline_sheet.grid.formulas)
    tasks = _tasks(timeline_table, timeline_rows)
    review_name = find_review_sheet(book)
    review_log = _read_review_log(_Sheet(book.grid(review_name), path)) if review_name else []
    uncached = any(book.grid(found[name]).uncached for name in found)
    unknown = frozenset(found[name] for name in found if not book.grid(found[name]).formulas_known)
    damaged = [DamagedCell(found[name], damage.cell, damage.kind, damage.raw)
               for name in found for damage in book.grid(found[name]).damaged]
    return Plan(
        path=str(path), format=book.kind, sheet_names=list(names), meta=meta, summary=summary,
        school_table=school_table, schools=schools, budget_tables=budget_tables, budget_lines=budget_lines,
        timeline_table=timeline_table, tasks=tasks, review_sheet=review_name, review_log=review_log,
        unreadable_formulas=uncached, formulas_unknown=unknown, damaged=damaged,
    )
