"""Writing the standard workbook: blank (`chuanqg-xl new`) or filled from data.

The layout comes from `layout`; this module only decides how it looks
(fonts, fills, dropdowns, print setup). Derived cells are then filled by the
same recalculation `recalc` uses, so a new workbook already shows totals.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import layout as L
from .files import atomic_write

FIXED_CREATED = dt.datetime(2023, 1, 1, 0, 0, 0)  # reproducible files: the template is committed


@dataclass
class PlanData:
    """A plan as plain values, keyed like the layout (used by `new`, samples and tests)."""

    meta: dict[str, object] = field(default_factory=dict)
    targets: dict[str, dict[str, object]] = field(default_factory=dict)      # level → kind key → assigned
    figures: dict[str, object] = field(default_factory=dict)                 # figure key → stated value
    figure_notes: dict[str, str] = field(default_factory=dict)
    batches: list[dict[str, object]] = field(default_factory=list)           # label, new, renew, total
    schools: list[dict[str, object]] = field(default_factory=list)           # column key → value
    budget_new: list[dict[str, object]] = field(default_factory=list)
    budget_renew: list[dict[str, object]] = field(default_factory=list)
    tasks: list[dict[str, object]] = field(default_factory=list)
    blank_rows: int | None = None   # empty rows after the data (None: the template's default when no data)


class _Formats:
    def __init__(self, workbook) -> None:
        style = L.STYLE
        base = {"font_name": style.font, "font_size": style.size, "valign": "top"}
        cell = {**base, "border": 1, "text_wrap": True}
        derived = {"bg_color": style.derived_fill, "italic": True}
        self.title = workbook.add_format({**base, "bold": True, "font_size": style.title_size, "align": "center",
                                          "valign": "vcenter"})
        self.subtitle = workbook.add_format({**base, "italic": True, "align": "right"})
        self.section = workbook.add_format({**base, "bold": True})
        self.header = workbook.add_format({**cell, "bold": True, "align": "center", "valign": "vcenter",
                                           "bg_color": style.header_fill})
        self.text = workbook.add_format(cell)
        self.label = workbook.add_format({**cell, "bold": True})
        self.money = workbook.add_format({**cell, "num_format": L.MONEY_FORMAT})
        self.count = workbook.add_format({**cell, "num_format": "0", "align": "center"})
        self.date = workbook.add_format({**cell, "num_format": L.DATE_FORMAT, "align": "center"})
        self.hint = workbook.add_format({**cell, "italic": True, "font_color": "#595959"})
        self.derived_money = workbook.add_format({**cell, **derived, "num_format": L.MONEY_FORMAT})
        self.derived_count = workbook.add_format({**cell, **derived, "num_format": "0", "align": "center"})
        self.derived_rate = workbook.add_format({**cell, **derived, "num_format": L.RATE_FORMAT, "align": "center"})
        self.total_label = workbook.add_format({**cell, "bold": True, "align": "center"})
        self.total_money = workbook.add_format({**cell, **derived, "bold": True, "num_format": L.MONEY_FORMAT})
        self.total_count = workbook.add_format({**cell, **derived, "bold": True, "num_format": "0",
                                                "align": "center"})
        self.stated_rate = workbook.add_format({**cell, "num_format": L.RATE_FORMAT, "align": "center"})

    def for_column(self, column: L.Column, total: bool = False):
        if column.derived or total:
            if column.type == "number":
                return self.total_money if total else self.derived_money
            if column.type == "count":
                return self.total_count if total else self.derived_count
            return self.total_label if total else self.derived_count
        return {"number": self.money, "count": self.count, "date": self.date}.get(column.type, self.text)


DERIVED_PROMPT_TITLE = "Ô tự tính"
DERIVED_PROMPT = "chuanqg-xl recalc ghi công thức và kết quả vào ô này; không cần nhập tay."


def _print_setup(sheet, header_row: int, landscape: bool = True) -> None:
    sheet.set_paper(9)  # A4
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    if header_row > 0:
        sheet.repeat_rows(0, header_row - 1)
    sheet.set_footer("&CTrang &P/&N")


# Every workbook we write with xlsxwriter: text from a plan stays text (never a formula, link or number), and a
# number beyond the float range is written as Excel's own error value instead of failing the whole write.
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                "nan_inf_to_errors": True}


def write_value(sheet, row: int, col: int, value: object, fmt) -> None:
    """row/col 0-based. Dates as dates, numbers as numbers, everything else as text."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, col, value, fmt)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), fmt)
    elif isinstance(value, bool):
        sheet.write_string(row, col, str(value), fmt)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)


def _write_info(workbook, fmt: _Formats, meta: dict[str, object]) -> None:
    sheet = workbook.add_worksheet(L.INFO_NAME)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 42)
    sheet.set_column(2, 2, 46)
    sheet.merge_range(0, 0, 0, 2, L.INFO_TITLE, fmt.title)
    for col, header in enumerate(L.INFO_HEADERS):
        sheet.write_string(2, col, header, fmt.header)
    for offset, info in enumerate(L.INFO_FIELDS):
        row = 3 + offset
        value = meta.get(info.key, info.default)
        sheet.write_string(row, 0, info.label, fmt.label)
        value_fmt = {"count": fmt.count, "date": fmt.date}.get(info.type, fmt.text)
        write_value(sheet, row, 1, value, value_fmt)
        sheet.write_string(row, 2, info.hint, fmt.hint) if info.hint else sheet.write_blank(row, 2, None, fmt.hint)
    _print_setup(sheet, 3, landscape=False)
    sheet.freeze_panes(3, 0)


# Tổng hợp positions (0-based rows): targets, figures, batches, one after another.
TARGETS_TOP = 2
FIGURES_TITLE_ROW = TARGETS_TOP + 2 + len(L.LEVELS.values) + 2
FIGURES_TOP = FIGURES_TITLE_ROW + 1
BATCHES_TITLE_ROW = FIGURES_TOP + 1 + len(L.FIGURES) + 1
BATCHES_TOP = BATCHES_TITLE_ROW + 1
BATCH_BLANK_ROWS = 4


def _write_summary(workbook, fmt: _Formats, data: PlanData) -> None:
    sheet = workbook.add_worksheet(L.SUMMARY_NAME)
    kinds = [*L.TARGET_KINDS, ("total", L.TARGET_TOTAL_GROUP)]
    last_col = 2 * len(kinds)
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, last_col, 13)
    sheet.merge_range(0, 0, 0, last_col, L.SUMMARY_TITLE, fmt.title)
    sheet.write_string(1, last_col, "ĐVT: trường", fmt.subtitle)
    top = TARGETS_TOP
    sheet.set_row(top, 20)
    sheet.set_row(top + 1, 20)
    sheet.merge_range(top, 0, top + 1, 0, L.TARGET_LABEL, fmt.header)
    for index, (key, label) in enumerate(kinds):
        col = 1 + 2 * index
        sheet.merge_range(top, col, top, col + 1, label, fmt.header)
        sheet.write_string(top + 1, col, L.TARGET_ASSIGNED, fmt.header)
        sheet.write_string(top + 1, col + 1, L.TARGET_PLANNED, fmt.header)
    levels = [*L.LEVELS.values, L.TOTAL_LABEL]
    for offset, level in enumerate(levels):
        row = top + 2 + offset
        is_total = level == L.TOTAL_LABEL
        sheet.write_string(row, 0, level, fmt.total_label if is_total else fmt.label)
        for index, (key, _) in enumerate(kinds):
            col = 1 + 2 * index
            derived_assigned = is_total or key == "total"
            assigned = None if derived_assigned else data.targets.get(level, {}).get(key)
            write_value(sheet, row, col, assigned, fmt.total_count if derived_assigned else fmt.count)
            sheet.write_blank(row, col + 1, None, fmt.total_count if is_total else fmt.derived_count)
    sheet.write_string(FIGURES_TITLE_ROW, 0, "CÁC CHỈ SỐ CHUNG", fmt.section)
    sheet.set_row(FIGURES_TOP, 34)
    for col, header in enumerate(L.FIGURES_HEADERS[:3]):
        sheet.write_string(FIGURES_TOP, col, header, fmt.header)
    # The note spans the rest of the width: column D also belongs to the narrow tables above and below.
    sheet.merge_range(FIGURES_TOP, 3, FIGURES_TOP, last_col, L.FIGURES_HEADERS[3], fmt.header)
    for offset, figure in enumerate(L.FIGURES):
        row = FIGURES_TOP + 1 + offset
        sheet.write_string(row, 0, figure.label, fmt.label)
        stated_fmt = {"percent": fmt.stated_rate, "number": fmt.money}.get(figure.type, fmt.count)
        derived_fmt = {"percent": fmt.derived_rate, "number": fmt.derived_money}.get(figure.type, fmt.derived_count)
        write_value(sheet, row, 1, data.figures.get(figure.key), stated_fmt)
        sheet.write_blank(row, 2, None, derived_fmt)
        note = data.figure_notes.get(figure.key)
        sheet.merge_range(row, 3, row, last_col, "", fmt.text)
        write_value(sheet, row, 3, note, fmt.text)
        if note:
            sheet.set_row(row, _row_height([(note, 13 * (last_col - 2)), (figure.label, 44)]))
    sheet.write_string(BATCHES_TITLE_ROW, 0, "SỐ TRƯỜNG THEO ĐỢT / QUÝ", fmt.section)
    top = BATCHES_TOP
    width = len(L.BATCH_COLUMNS)
    sheet.set_row(top + 1, 34)
    sheet.merge_range(top, 0, top + 1, 0, L.BATCH_LABEL, fmt.header)
    sheet.merge_range(top, 1, top, width, L.BATCH_STATED_GROUP, fmt.header)
    sheet.merge_range(top, 1 + width, top, 2 * width, L.BATCH_COMPUTED_GROUP, fmt.header)
    for index, (_, label) in enumerate(L.BATCH_COLUMNS):
        sheet.write_string(top + 1, 1 + index, label, fmt.header)
        sheet.write_string(top + 1, 1 + width + index, label, fmt.header)
    batches = data.batches or [{} for _ in range(BATCH_BLANK_ROWS)]
    for offset, batch in enumerate(batches):
        row = top + 2 + offset
        write_value(sheet, row, 0, batch.get("label"), fmt.label)
        for index, (key, _) in enumerate(L.BATCH_COLUMNS):
            write_value(sheet, row, 1 + index, batch.get(key), fmt.count)
            sheet.write_blank(row, 1 + width + index, None, fmt.derived_count)
    _print_setup(sheet, 0, landscape=True)


LINE_HEIGHT = 16.5


def _row_height(texts: list[tuple[str, float]]) -> float | None:
    """Room for wrapped text: LibreOffice does not grow xlsx rows by itself, Excel not always."""
    lines = 1
    for text, width in texts:
        if text:
            lines = max(lines, -(-int(len(text) * 1.15) // max(int(width), 1)))
    return LINE_HEIGHT * lines if lines > 1 else None


def _write_table(workbook, fmt: _Formats, spec: L.TableSheet, rows: list[dict[str, object]], subtitle: str,
                 blank_rows: int) -> None:
    sheet = workbook.add_worksheet(spec.name)
    header_row = L.STYLE.header_row - 1  # 0-based
    last_col = len(spec.columns) - 1
    for col, column in enumerate(spec.columns):
        sheet.set_column(col, col, column.width)
    title = spec.title
    sheet.merge_range(0, 0, 0, last_col, title, fmt.title)
    if subtitle:
        sheet.merge_range(1, 0, 1, last_col, subtitle, fmt.subtitle)
    sheet.set_row(header_row, 36)
    for col, column in enumerate(spec.columns):
        sheet.write_string(header_row, col, column.header, fmt.header)
    first = header_row + 1
    count = len(rows) + blank_rows
    for offset in range(count):
        record = rows[offset] if offset < len(rows) else {}
        for col, column in enumerate(spec.columns):
            value = None if column.derived else record.get(column.key)
            write_value(sheet, first + offset, col, value, fmt.for_column(column))
        height = _row_height([(str(record.get(column.key) or ""), column.width) for column in spec.columns
                              if column.type in ("text", "periodtext", "choice")])
        if height:
            sheet.set_row(first + offset, height)
    last = first + max(count, 1) - 1
    if spec.total_row:
        total = last + 1
        for col, column in enumerate(spec.columns):
            if column.key == "name":
                sheet.write_string(total, col, L.TOTAL_LABEL, fmt.total_label)
            elif column.type == "number":
                sheet.write_blank(total, col, None, fmt.total_money)
            else:
                sheet.write_blank(total, col, None, fmt.total_label)
    for col, column in enumerate(spec.columns):
        if column.vocabulary is not None:
            sheet.data_validation(first, col, last, col, {
                "validate": "list",
                "source": list(column.vocabulary.values),
                "error_type": "warning",
                "error_title": column.header,
                "error_message": "Giá trị không có trong danh sách. Vẫn giữ giá trị này?",
            })
        elif column.derived:
            sheet.data_validation(first, col, last, col, {
                "validate": "any",
                "input_title": DERIVED_PROMPT_TITLE,
                "input_message": DERIVED_PROMPT,
            })
        elif column.type == "date":
            sheet.data_validation(first, col, last, col, {
                "validate": "date", "criteria": ">=", "value": dt.date(2000, 1, 1),
                "error_type": "warning", "error_title": column.header,
                "error_message": "Hãy nhập ngày dạng ngày/tháng/năm.",
                "input_title": column.header, "input_message": "Ngày/tháng/năm, ví dụ 31/01/2024",
            })
    sheet.freeze_panes(header_row + 1, 0)
    sheet.autofilter(header_row, 0, last, last_col)
    _print_setup(sheet, header_row + 1, landscape=True)


def write_workbook(path: str | os.PathLike[str], data: PlanData, *, derived: bool = True,
                   overwrite: bool = False) -> Path:
    """Write a standard workbook holding `data`; derived cells are filled unless derived=False."""
    target = Path(path)

    def build(tmp: Path) -> None:
        write_skeleton(tmp, data)
        if derived:
            from .recalc import fill_derived
            fill_derived(tmp)

    # Only with overwrite can an existing file be replaced; it may be a filled plan, so it is kept as a backup.
    atomic_write(target, build, overwrite=overwrite, backup=True)
    return target


def write_skeleton(path: Path, data: PlanData) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), XLSX_OPTIONS)
    workbook.set_properties({"title": "Kế hoạch xây dựng trường đạt chuẩn quốc gia", "author": L.TOOL_AUTHOR,
                             "created": FIXED_CREATED, "company": str(data.meta.get("unit", "") or "")})
    workbook.set_calc_mode("auto")
    fmt = _Formats(workbook)
    unit = str(data.meta.get("money_unit") or "triệu đồng")
    _write_info(workbook, fmt, data.meta)
    _write_summary(workbook, fmt, data)
    tables = ((L.SCHOOLS, data.schools, ""), (L.BUDGET_NEW, data.budget_new, f"ĐVT: {unit}"),
              (L.BUDGET_RENEW, data.budget_renew, f"ĐVT: {unit}"), (L.TIMELINE, data.tasks, ""))
    for spec, rows, subtitle in tables:
        blank = data.blank_rows if data.blank_rows is not None else (0 if rows else spec.blank_rows)
        _write_table(workbook, fmt, spec, rows, subtitle, blank)
    workbook.close()


def new_workbook(path: str | os.PathLike[str], *, unit: str | None = None, year: int | None = None,
                 overwrite: bool = False, **meta: object) -> Path:
    """A fresh standard workbook with the plan's metadata filled in."""
    from .files import refuse_unopenable_name

    refuse_unopenable_name(path)
    values = {info.key: info.default for info in L.INFO_FIELDS if info.default is not None}
    values.update({key: value for key, value in meta.items() if value is not None})
    if unit:
        values["unit"] = unit
    if year:
        values["year"] = int(year)
    return write_workbook(path, PlanData(meta=values), overwrite=overwrite)


TEMPLATE_PATH = Path(__file__).resolve().parent.parent / "workbook_templates" / "ke-hoach-truong-chuan.xlsx"


def write_blank_template(path: str | os.PathLike[str] = TEMPLATE_PATH) -> Path:
    """The blank standard workbook committed in workbook_templates/."""
    return new_workbook(path, overwrite=True)
