"""export book: the appendices as a workbook in the form of Nghị định 30/2020/NĐ-CP (xlsxwriter).

`write_appendices(path, plan, tables, parts)` writes one sheet per appendix
from `export_tables`: the issuing body and the national title at the top
(`_document_head`), the table (`_SheetWriter`: headers, rows with explicit
heights, merged cells), A4 landscape print settings with page numbers from
the second page on (`_mark_first_page_different`); budget tables grouped by
school, the timeline's month chart (`export_months`), the Tổng hợp sheet.
The choices behind the look are in `export`'s docstring.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import layout as L
from .export_months import month_ordinal, ordinal_month, task_months
from .export_tables import BUDGET_PARTS, TARGET_WHICH, ExportTable, Field, cell_number, money_unit, year_text
from .files import mark_own_output
from .messages import text
from .model import Plan
from .normalize import clean_text, fold
from .template import XLSX_OPTIONS, write_value

OUTPUT_KIND = "export"   # marks the workbooks export writes (files.mark_own_output)

FONT = "Times New Roman"
HEAD_SIZE = 13          # issuing body, national title, table text
TITLE_SIZE = 14
MOTTO_SIZE = 13
# "_ " keeps a space's width after the number, off the cell's right border.
MONEY_FORMAT = '#,##0_ ;-#,##0_ ;"-"_ '
MONEY_DECIMAL_FORMAT = '#,##0.0##_ ;-#,##0.0##_ ;"-"_ '
COUNT_FORMAT = '00;-00;"-"'
PLAIN_FORMAT = "0"
RATE_FORMAT = L.RATE_FORMAT
DATE_FORMAT = L.DATE_FORMAT
SPAN_FILL = "#4472C4"   # prints as a mid grey on a black-and-white printer
HEADER_FILL = "#F2F2F2"
RULE = "\u2500"         # the short line under the issuing body and the motto
# Page margins in inches (Nghị định 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
MARGINS = {"top": 20 / 25.4, "bottom": 20 / 25.4, "left": 30 / 25.4, "right": 15 / 25.4}
HEADER_MARGIN = 10 / 25.4
PAGE_NUMBER = f'&C&"{FONT},Regular"&{HEAD_SIZE}&P'


def _h(key: str) -> str:
    return text(key, "vi")


# ---------------------------------------------------------------- document head

_UBND_PREFIXES = ("ubnd ", "uy ban nhan dan ")


def _unit_parts(unit: str) -> tuple[bool, str]:
    """(is a People's Committee, the rest): 'UBND quận Hai Bà Trưng' → (True, 'quận Hai Bà Trưng')."""
    key = fold(unit)
    for prefix in _UBND_PREFIXES:
        if key.startswith(prefix):
            words = len(prefix.split())
            return True, " ".join(unit.split()[words:])
    return False, unit


def _issuer_code(number: str) -> str:
    """'38/KH-UBND' → 'ubnd'; '' when the number does not say."""
    match = re.search(r"/\s*[A-Za-zĐđ]+\s*-\s*(.+)$", number)
    return fold(match.group(1)).replace(" ", "") if match else ""


@dataclass
class _Head:
    left: list[tuple[str, bool]]     # lines of the issuing body, bold or not
    attached: str                    # "(Kèm theo Kế hoạch số … ngày … của …)"


def _document_head(plan: Plan) -> _Head:
    unit = clean_text(plan.meta.unit)
    advisor = clean_text(plan.meta.get("advisor") or "")
    number = clean_text(plan.meta.get("number") or "")
    is_ubnd, rest = _unit_parts(unit)
    code = _issuer_code(number)
    by_advisor = bool(code) and code != "ubnd" and bool(advisor)
    if by_advisor:
        governing = (f"{_h('export.doc.ubnd_short')} {rest}" if is_ubnd else unit).upper()
        left = [(governing, False), (advisor.upper(), True)] if governing else [(advisor.upper(), True)]
        issuer = advisor
    elif is_ubnd and rest:
        left = [(_h("export.doc.ubnd"), True), (rest.upper(), True)]
        issuer = unit
    else:
        left = [(unit.upper(), True)] if unit else [("…", True)]
        issuer = unit
    if not number:
        number = _h("export.doc.default_number")
    elif "/" not in number:
        number = f"{number}/KH-UBND"
    date = plan.meta.get("date")
    year = year_text(plan)
    if isinstance(date, dt.date):
        # Nghị định 30: a zero before days below 10 and before months 1 and 2 ("ngày 05 tháng 02", "tháng 3").
        month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
        day_text = text("export.doc.date", "vi", day=f"{date.day:02d}", month=month, year=date.year)
    else:
        day_text = text("export.doc.date", "vi", day="…", month="…", year=year)
    attached = text("export.doc.attached", "vi", number=number, date=day_text, issuer=issuer or "…")
    return _Head(left, attached)


# ---------------------------------------------------------------- xlsx writing

class _Formats:
    """xlsxwriter formats made once per distinct property set."""

    def __init__(self, workbook) -> None:
        self.workbook = workbook
        self.cache: dict[tuple, object] = {}

    def get(self, **props: object):
        key = tuple(sorted(props.items()))
        found = self.cache.get(key)
        if found is None:
            found = self.workbook.add_format({"font_name": FONT, "font_size": HEAD_SIZE, **props})
            self.cache[key] = found
        return found

    def cell(self, kind: str, *, bold: bool = False, decimals: bool = False):
        props: dict[str, object] = {"border": 1, "valign": "vcenter", "text_wrap": True}
        if bold:
            props["bold"] = True
        if kind == "money":
            props.update(num_format=MONEY_DECIMAL_FORMAT if decimals else MONEY_FORMAT, align="right")
        elif kind == "count":
            props.update(num_format=COUNT_FORMAT, align="center")
        elif kind == "plain":
            props.update(num_format=PLAIN_FORMAT, align="center")
        elif kind == "date":
            props.update(num_format=DATE_FORMAT, align="center")
        elif kind == "rate":
            props.update(num_format=RATE_FORMAT, align="center")
        elif kind == "center":
            props["align"] = "center"
        else:
            props.update(align="left", indent=1)
        return self.get(**props)


def _text_lines(value: str, width: float, bold: bool = False, size: float = HEAD_SIZE) -> int:
    """How many lines a wrapped text takes in a column `width` characters wide (an estimate)."""
    if not value:
        return 1
    # A width unit is one digit of the default 11 pt font; Vietnamese text in Times New Roman (measured with
    # its metric twin Liberation Serif) fits ~1.3 characters per unit at 11 pt, bold ~1.15. Minus the indent.
    per_line = max(int(width * 11 / size * (1.15 if bold else 1.28)) - 1, 4)
    lines = 0
    for paragraph in value.split("\n"):
        words = paragraph.split(" ")
        current = 0
        count = 1
        for word in words:
            extra = len(word) + (1 if current else 0)
            if current and current + extra > per_line:
                count += 1
                current = len(word)
            else:
                current += extra
            while current > per_line:   # a word longer than the line breaks anywhere
                count += 1
                current -= per_line
        lines += count
    return lines


def _line_height(size: float = HEAD_SIZE) -> float:
    return size * 1.25


ROW_PADDING = 4.0   # points around the text of a table row


class _SheetWriter:
    """One appendix sheet: the decree's head, a table, print settings."""

    def __init__(self, workbook, fmt: _Formats, name: str, widths: list[float]) -> None:
        self.sheet = workbook.add_worksheet(name)
        self.fmt = fmt
        self.widths = widths
        self.last_col = len(widths) - 1
        self.row = 0
        for col, width in enumerate(widths):
            self.sheet.set_column(col, col, width)

    def span_width(self, first: int, last: int) -> float:
        return sum(self.widths[first:last + 1])

    def merged(self, row: int, first: int, last: int, value: object, fmt) -> None:
        if first == last:
            write_value(self.sheet, row, first, value, fmt)
        else:
            self.sheet.merge_range(row, first, row, last, value, fmt)

    def head(self, head: _Head, titles: list[str]) -> None:
        """Issuing body | national title, the rules under them, then the centred titles."""
        total = self.span_width(0, self.last_col)
        split, running = 0, 0.0
        for col, width in enumerate(self.widths[:-1]):
            running += width
            split = col
            if running >= total * 0.38:
                break
        left_width = self.span_width(0, split)
        right_first = split + 1
        right_width = self.span_width(right_first, self.last_col)
        right = [(_h("export.doc.nation"), HEAD_SIZE), (_h("export.doc.motto"), MOTTO_SIZE)]
        lines = max(len(head.left), len(right))
        for index in range(lines):
            height = 0.0
            if index < len(head.left):
                value, bold = head.left[index]
                fmt = self.fmt.get(bold=bold, align="center", valign="vcenter", text_wrap=True)
                self.merged(self.row, 0, split, value, fmt)
                height = max(height, _text_lines(value, left_width, bold) * _line_height())
            if index < len(right):
                value, size = right[index]
                fmt = self.fmt.get(bold=True, align="center", valign="vcenter", font_size=size)
                self.merged(self.row, right_first, self.last_col, value, fmt)
                height = max(height, _text_lines(value, right_width, True, size) * _line_height(size))
            self.sheet.set_row(self.row, max(height, _line_height()))
            self.row += 1
        # Short rules: a third of the body's name, the motto's full length (Nghị định 30, Phụ lục I).
        rule_fmt = self.fmt.get(align="center", valign="top", font_size=9)
        left_text = max((value for value, _ in head.left), key=len)
        self.merged(self.row, 0, split, RULE * max(6, round(len(left_text) * 0.45)), rule_fmt)
        self.merged(self.row, right_first, self.last_col, RULE * 24, rule_fmt)
        self.sheet.set_row(self.row, 12)
        self.row += 2
        for title in titles:
            fmt = self.fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, font_size=TITLE_SIZE)
            self.merged(self.row, 0, self.last_col, title, fmt)
            self.sheet.set_row(self.row, _text_lines(title, total, True, TITLE_SIZE) * _line_height(TITLE_SIZE))
            self.row += 1
        fmt = self.fmt.get(italic=True, align="center", valign="vcenter", text_wrap=True)
        self.merged(self.row, 0, self.last_col, head.attached, fmt)
        self.sheet.set_row(self.row, _text_lines(head.attached, total) * _line_height())
        self.row += 2

    def unit_line(self, unit: str) -> None:
        fmt = self.fmt.get(italic=True, align="right", valign="vcenter")
        self.merged(self.row, 0, self.last_col, text("export.doc.unit", "vi", unit=unit), fmt)
        self.row += 1

    def header(self, fields: list[Field], groups: dict[str, str] | None = None) -> tuple[int, int]:
        """Column headers; fields sharing a group label get a merged header above. Returns the rows used."""
        groups = groups or {}
        fmt = self.fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1,
                           bg_color=HEADER_FILL)
        top = self.row
        two_rows = bool(groups)
        col = 0
        group_lines, sub_lines, whole_lines = 1, 1, 1
        while col < len(fields):
            item = fields[col]
            group = groups.get(item.key)
            if group is None:
                if two_rows:
                    self.sheet.merge_range(top, col, top + 1, col, item.header, fmt)
                else:
                    write_value(self.sheet, top, col, item.header, fmt)
                whole_lines = max(whole_lines, _text_lines(item.header, item.width, True))
                col += 1
                continue
            last = col
            while last + 1 < len(fields) and groups.get(fields[last + 1].key) == group:
                last += 1
            self.merged(top, col, last, group, fmt)
            group_lines = max(group_lines, _text_lines(group, self.span_width(col, last), True))
            for inner in range(col, last + 1):
                write_value(self.sheet, top + 1, inner, fields[inner].header, fmt)
                sub_lines = max(sub_lines, _text_lines(fields[inner].header, fields[inner].width, True))
            col = last + 1
        if two_rows:
            # The merged headers share both rows: the lower row takes whatever they need beyond the group's.
            sub_lines = max(sub_lines, whole_lines - group_lines)
            self.sheet.set_row(top, group_lines * _line_height() + ROW_PADDING)
            self.sheet.set_row(top + 1, sub_lines * _line_height() + ROW_PADDING)
        else:
            self.sheet.set_row(top, whole_lines * _line_height() + ROW_PADDING)
        self.row = top + (2 if two_rows else 1)
        return top, self.row - 1

    def body_row(self, fields: list[Field], values: dict[str, object], *, bold: bool = False,
                 kinds: dict[str, str] | None = None) -> None:
        lines = 1
        for col, item in enumerate(fields):
            value = values.get(item.key)
            kind = (kinds or {}).get(item.key, item.kind)
            if isinstance(value, str) and kind in ("money", "count", "plain", "rate", "date"):
                kind = "center" if kind != "money" else "text"   # text typed in a number column stays visible
            decimals = isinstance(value, float) and not value.is_integer()
            write_value(self.sheet, self.row, col, value, self.fmt.cell(kind, bold=bold, decimals=decimals))
            if isinstance(value, str):
                lines = max(lines, _text_lines(value, item.width, bold))
        # Explicit heights: LibreOffice does not grow an xlsx row for wrapped text, Excel not always.
        self.sheet.set_row(self.row, lines * _line_height() + ROW_PADDING)
        self.row += 1

    def note_line(self, value: str) -> None:
        fmt = self.fmt.get(italic=True, align="left", valign="vcenter", text_wrap=True)
        self.merged(self.row, 0, self.last_col, value, fmt)
        lines = _text_lines(value, self.span_width(0, self.last_col))
        self.sheet.set_row(self.row, lines * _line_height() + ROW_PADDING)
        self.row += 1

    def print_setup(self, header_rows: tuple[int, int] | None, one_page: bool = False) -> None:
        sheet = self.sheet
        sheet.set_paper(9)   # A4
        sheet.set_landscape()
        sheet.fit_to_pages(1, 1 if one_page else 0)
        sheet.set_margins(**MARGINS)
        sheet.set_header(PAGE_NUMBER, {"margin": HEADER_MARGIN})
        sheet.set_start_page(1)   # each appendix numbers its own pages
        sheet.center_horizontally()
        sheet.hide_gridlines(2)
        if header_rows is not None:
            sheet.repeat_rows(header_rows[0], header_rows[1])
            sheet.freeze_panes(header_rows[1] + 1, 0)


def _kept_fields(table: ExportTable) -> list[Field]:
    """The columns worth printing: those always shown, and those some row fills."""
    return [item for item in table.fields
            if item.keep or any(row.get(item.key) not in (None, "") for row in table.rows)]


def _write_schools(workbook, fmt: _Formats, plan: Plan, head: _Head, table: ExportTable) -> str:
    fields = _kept_fields(table)
    if not any(plan.budget_lines.values()):
        # A plan without budget appendices: a column of zeros would only say "not funded" wrongly.
        fields = [item for item in fields if item.key != "budget"]
    name = _h("export.sheet.pl1")
    writer = _SheetWriter(workbook, fmt, name, [item.width for item in fields])
    writer.head(head, [text("export.doc.appendix", "vi", number=1), table.title])
    if any(item.key == "budget" for item in fields):
        writer.unit_line(money_unit(plan))
    header = writer.header(fields)
    for row in table.rows:
        writer.body_row(fields, row)
    if any(item.key == "budget" for item in fields):
        total = {"name": _h("export.doc.total"),
                 "budget": cell_number(sum(row["budget"] or 0 for row in table.rows))}
        writer.body_row(fields, total, bold=True, kinds={"name": "center"})
    counts: dict[str, int] = {}
    for school in plan.schools:
        if school.kind:
            counts[school.kind] = counts.get(school.kind, 0) + 1
    parts = ", ".join(text("export.doc.list_part", "vi", count=f"{count:02d}", kind=kind.lower())
                      for kind, count in counts.items())
    if table.rows:
        # Right under the table, no spacer row: the sentence seldom then lands alone on a page of its own.
        count = f"{len(table.rows):02d}"
        writer.note_line(text("export.doc.list_count", "vi", count=count, parts=parts) if parts
                         else text("export.doc.list_count_only", "vi", count=count))
    writer.print_setup(header)
    return name


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out += numeral
            number -= value
    return out


def budget_groups(table: ExportTable) -> list[tuple[str, list[dict[str, object]]]]:
    """Lines grouped by school, schools in order of first appearance."""
    groups: dict[str, tuple[str, list[dict[str, object]]]] = {}
    for row in table.rows:
        school = str(row.get("school") or "")
        groups.setdefault(fold(school), (school, []))[1].append(row)
    return list(groups.values())


def _sum_money(rows: list[dict[str, object]], key: str) -> int | float | None:
    """A column's sum as a spreadsheet adds it (text is not added); None when no row holds a number."""
    numbers = [row[key] for row in rows if isinstance(row.get(key), (int, float))]
    return cell_number(sum(numbers)) if numbers else None


def _write_budget(workbook, fmt: _Formats, plan: Plan, head: _Head, table: ExportTable, number: int) -> str:
    sources = {column.key for column in L.SOURCES}
    kept = _kept_fields(table)
    label = Field("label", _h("export.doc.school_item"), "text", 40, keep=True)
    total = Field("total", _h("export.doc.total_money"), "money", 14, keep=True)
    fields = [Field("stt", _h("export.doc.stt"), "center", 6, keep=True), label, total,
              *(item for item in kept if item.key in sources),
              *(item for item in kept if item.key == "note")]
    if not any(item.key in sources for item in fields):
        fields[3:3] = [item for item in table.fields if item.key in sources]   # an empty appendix still shows them
    source_fields = [item for item in fields if item.key in sources]
    groups = {item.key: _h("export.doc.sources") for item in source_fields} if len(source_fields) > 1 else {}
    name = _h(f"export.sheet.{table.key}")
    writer = _SheetWriter(workbook, fmt, name, [item.width for item in fields])
    writer.head(head, [text("export.doc.appendix", "vi", number=number), table.title])
    writer.unit_line(money_unit(plan))
    header = writer.header(fields, groups)
    money_keys = [item.key for item in fields if item.kind == "money"]
    for index, (school, rows) in enumerate(budget_groups(table), start=1):
        subtotal: dict[str, object] = {"stt": _roman(index), "label": school}
        for key in money_keys:
            subtotal[key] = _sum_money(rows, key)
        writer.body_row(fields, subtotal, bold=True)
        for item_number, row in enumerate(rows, start=1):
            writer.body_row(fields, {**row, "stt": item_number, "label": row.get("item")})
    grand: dict[str, object] = {"label": _h("export.doc.total")}
    for key in money_keys:
        grand[key] = _sum_money(table.rows, key) or 0
    writer.body_row(fields, grand, bold=True, kinds={"label": "center"})
    writer.print_setup(header)
    return name


def _time_groups(rows: list[dict[str, object]]) -> list[tuple[int, int]]:
    """Runs of consecutive tasks with the same 'Thời gian' (written once, merged, as plans print it)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index].get("time") != rows[start].get("time"):
            runs.append((start, index - 1))
            start = index
    return runs


def _write_timeline(workbook, fmt: _Formats, plan: Plan, head: _Head, table: ExportTable) -> str:
    fields = _kept_fields(table)
    name = _h("export.sheet.tien-do")
    writer = _SheetWriter(workbook, fmt, name, [item.width for item in fields])
    subtitle = text("export.doc.timeline_subtitle", "vi", year=year_text(plan))
    writer.head(head, [table.title, subtitle])
    header = writer.header(fields)
    first = writer.row
    for row in table.rows:
        writer.body_row(fields, row)
    if fields and fields[0].key == "time":
        # Top-aligned: a group that runs over a page break still shows its time where it starts; a time of one
        # task alone is written the same way, so that every time of the column sits alike.
        cell = fmt.get(border=1, valign="top", align="center", text_wrap=True)
        for start, end in _time_groups(table.rows):
            value = table.rows[start].get("time")
            if end > start:
                writer.sheet.merge_range(first + start, 0, first + end, 0, "", cell)
            write_value(writer.sheet, first + start, 0, value, cell)
    writer.print_setup(header)
    return name


def _chart_months(plan: Plan, spans: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The grid's months: the plan year, widened to every task month within a year either side."""
    year = plan.meta.year
    if year is None:
        years = sorted(month[0] for span in spans for month in span)
        if not years:
            return []
        year = max(set(years), key=years.count)
    first, last = month_ordinal((year, 1)), month_ordinal((year, 12))
    for span in spans:
        for month in span:
            value = month_ordinal(month)
            if month_ordinal((year - 1, 1)) <= value <= month_ordinal((year + 1, 12)):
                first, last = min(first, value), max(last, value)
    return [ordinal_month(value) for value in range(first, last + 1)]


def _write_chart(workbook, fmt: _Formats, plan: Plan, head: _Head) -> str | None:
    spans = [task_months(task, plan.meta.year) for task in plan.tasks]
    months = _chart_months(plan, spans)
    if not months:
        return None
    month_width = 4.6 if len(months) <= 12 else 3.6
    has_lead = any(task.lead for task in plan.tasks)
    fields = [Field("stt", _h("export.doc.stt"), "center", 5), Field("task", L.TIMELINE.column("task").header,
                                                                      "text", 46)]
    if has_lead:
        fields.append(Field("lead", L.TIMELINE.column("lead").header, "text", 16))
    fields.append(Field("time", L.TIMELINE.column("time").header, "center", 13))
    fixed = len(fields)
    widths = [item.width for item in fields] + [month_width] * len(months)
    name = _h("export.sheet.chart")
    writer = _SheetWriter(workbook, fmt, name, widths)
    writer.head(head, [_h("export.doc.chart_title"), text("export.doc.timeline_subtitle", "vi",
                                                          year=year_text(plan))])
    header_fmt = fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1, bg_color=HEADER_FILL)
    month_fmt = fmt.get(bold=True, align="center", valign="vcenter", border=1, bg_color=HEADER_FILL, font_size=11)
    top = writer.row
    for col, item in enumerate(fields):
        writer.sheet.merge_range(top, col, top + 1, col, item.header, header_fmt)
    col = fixed
    for year in sorted({month[0] for month in months}):
        count = sum(1 for month in months if month[0] == year)
        writer.merged(top, col, col + count - 1, text("export.doc.year", "vi", year=year), header_fmt)
        col += count
    for offset, (_, month) in enumerate(months):
        write_value(writer.sheet, top + 1, fixed + offset, text("export.doc.month", "vi", month=month), month_fmt)
    writer.sheet.set_row(top, _line_height() + 4)
    writer.sheet.set_row(top + 1, _line_height() + 4)
    writer.row = top + 2
    empty = fmt.get(border=1, border_color="#A6A6A6")
    filled = fmt.get(border=1, border_color="#A6A6A6", bg_color=SPAN_FILL, pattern=1)
    index_of = {month: offset for offset, month in enumerate(months)}
    for number, (task, span) in enumerate(zip(plan.tasks, spans), start=1):
        values = {"stt": number, "task": task.task, "lead": task.lead or None, "time": task.time or None}
        writer.body_row(fields, values)
        row = writer.row - 1
        covered = {index_of[month] for month in span if month in index_of}
        for offset in range(len(months)):
            writer.sheet.write_blank(row, fixed + offset, None, filled if offset in covered else empty)
    writer.row += 1
    writer.note_line(_h("export.doc.chart_legend"))
    writer.print_setup((top, top + 1))
    return name


def _write_summary(workbook, fmt: _Formats, plan: Plan, head: _Head, tables: dict[str, ExportTable]) -> str:
    targets, figures, batches = tables["tong-hop"], tables["chi-so"], tables["dot-quy"]
    kinds = [*L.TARGET_KINDS, ("total", L.TARGET_TOTAL_GROUP)]
    # A kind nobody plans (often "Nâng mức độ") is left out; the totals always stay.
    kept_kinds = [(kind, label) for kind, label in kinds
                  if kind == "total" or any(row.get(f"{kind}_{which}") for row in targets.rows
                                            for which, _ in TARGET_WHICH)]
    has_assigned = any(row.get(f"{kind}_assigned") for row in targets.rows for kind, _ in kept_kinds)
    whiches = [item for item in TARGET_WHICH if item[0] == "planned" or has_assigned]
    level_rows = [row for row in targets.rows
                  if row["level"] == L.TOTAL_LABEL or any(row.get(f"{kind}_{which}") for kind, _ in kept_kinds
                                                          for which, _ in whiches)]
    target_fields = [Field("level", L.TARGET_LABEL, "text", 30, keep=True)]
    groups: dict[str, str] = {}
    for kind, label in kept_kinds:
        for which, which_label in whiches:
            key = f"{kind}_{which}"
            target_fields.append(Field(key, which_label if len(whiches) > 1 else label, "count", 12))
            if len(whiches) > 1:
                groups[key] = label
    figure_rows = []
    for row in figures.rows:
        value = row["computed"] if row["computed"] is not None else row["stated"]
        if value is None or (row["key"].startswith("source_") and not value):
            continue
        figure_rows.append({"label": row["label"], "unit": row["unit"], "value": value,
                            "kind": {"percent": "rate", "number": "money"}.get(str(row["type"]), "count")})
    batch_fields = [Field(key, label, "count", 14) for key, label in L.BATCH_COLUMNS]
    # One label column, then as many number columns as the widest of the three tables;
    # the figures' labels span every column but the last two (unit, value).
    columns = max(len(target_fields), 1 + len(batch_fields))
    widths = [30.0] + [13.0] * (columns - 1)
    name = _h("export.sheet.tong-hop")
    writer = _SheetWriter(workbook, fmt, name, widths)
    writer.head(head, [targets.title])
    section = fmt.get(bold=True, align="left", valign="vcenter")
    last = writer.last_col

    writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
    write_value(writer.sheet, writer.row, 0, _h("export.doc.section_targets"), section)
    writer.row += 1
    writer.unit_line(_h("export.doc.schools_unit"))
    writer.header(target_fields, groups)
    for row in level_rows:
        is_total = row["level"] == L.TOTAL_LABEL
        # An empty cell in this table means none: plans print "-" there (seed 000), as the count format does for 0.
        shown = {key: (0 if value is None else value) for key, value in row.items()}
        shown["level"] = _h("export.doc.total") if is_total else row["level"]
        writer.body_row(target_fields, shown, bold=is_total, kinds={"level": "center"} if is_total else None)

    if figure_rows:
        writer.row += 1
        writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
        write_value(writer.sheet, writer.row, 0, _h("export.doc.section_figures"), section)
        writer.row += 1
        writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
        label_last = max(last - 2, 0)
        header_fmt = fmt.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1,
                             bg_color=HEADER_FILL)
        writer.merged(writer.row, 0, label_last, _h("export.doc.figure"), header_fmt)
        write_value(writer.sheet, writer.row, label_last + 1, _h("export.doc.figure_unit"), header_fmt)
        writer.merged(writer.row, label_last + 2, last, _h("export.doc.figure_value"), header_fmt)
        writer.row += 1
        for row in figure_rows:
            writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
            label_fmt = fmt.cell("text")
            writer.merged(writer.row, 0, label_last, row["label"], label_fmt)
            write_value(writer.sheet, writer.row, label_last + 1, row["unit"], fmt.cell("center"))
            value = row["value"]
            decimals = isinstance(value, float) and not value.is_integer() and row["kind"] == "money"
            writer.merged(writer.row, label_last + 2, last, value, fmt.cell(row["kind"], decimals=decimals))
            writer.row += 1

    if batches.rows:
        writer.row += 1
        writer.sheet.set_row(writer.row, _line_height() + ROW_PADDING)
        write_value(writer.sheet, writer.row, 0, _h("export.doc.section_batches"), section)
        writer.row += 1
        fields = [Field("label", L.BATCH_LABEL, "text", 30, keep=True), *batch_fields]
        writer.header(fields)
        for row in batches.rows:
            writer.body_row(fields, row)
    # Three short tables of bounded size (levels, figures, a few batches): one page, nothing to repeat.
    writer.print_setup(None, one_page=True)
    return name


def _mark_first_page_different(data: bytes) -> bytes:
    """Nghị định 30: no page number on the first page. xlsxwriter has no option for it, so the flag is added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet") and info.filename.endswith(".xml"):
                content = content.replace(b"<headerFooter>", b'<headerFooter differentFirst="1">', 1)
            target.writestr(info, content)
    return out.getvalue()


def write_appendices(path: Path, plan: Plan, tables: dict[str, ExportTable], parts: list[str]) -> list[str]:
    """Write the chosen appendices to `path` (a new file); returns the sheet names."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {**XLSX_OPTIONS, "in_memory": True})
    unit = clean_text(plan.meta.unit)
    workbook.set_properties({"title": _h("export.doc.title_pl1"), "author": unit or L.TOOL_AUTHOR,
                             "company": unit, "comments": f"{L.TOOL_AUTHOR} export"})
    mark_own_output(workbook, OUTPUT_KIND)
    fmt = _Formats(workbook)
    head = _document_head(plan)
    names: list[str] = []
    for part in parts:
        if part == "pl1":
            names.append(_write_schools(workbook, fmt, plan, head, tables["pl1"]))
        elif part in BUDGET_PARTS:
            names.append(_write_budget(workbook, fmt, plan, head, tables[part], 2 if part == "pl2" else 3))
        elif part == "tien-do":
            names.append(_write_timeline(workbook, fmt, plan, head, tables["tien-do"]))
            chart = _write_chart(workbook, fmt, plan, head)
            if chart:
                names.append(chart)
        elif part == "tong-hop":
            names.append(_write_summary(workbook, fmt, plan, head, tables))
    workbook.close()
    path.write_bytes(_mark_first_page_different(buffer.getvalue()))
    return names
