"""The tool's report workbooks (province consolidation, progress report).

Tables follow the standard workbook's look (Times New Roman, header fill,
borders, A4 landscape, header rows repeated on every page) so the sheets can be
printed and attached as they are.

xlsxwriter writes the package: titles, headers, total rows, formats, print
settings. The body rows of the tables (45,000 schools for the whole country)
are written here, straight as sheet XML, into the package xlsxwriter made:
xlsxwriter spends several microseconds on each cell, and a national
consolidation has a million of them. The cells are what xlsxwriter writes for
the same values (same styles, numbers as `%.16G`, dates as serial numbers,
NaN and infinities as error values, text in the shared strings table with
control characters escaped as `_xHHHH_`).
"""
from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import layout as L
from .files import mark_own_output

ROW_PROGRESS_STEP = 2000    # rows between two calls of the progress callback
ROWS_PER_CHUNK = 500        # body rows joined and compressed at a time
MAX_STRING = 32_767         # Excel's limit for the text of a cell


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


@dataclass(eq=False)
class _Body:
    """The body rows of one table, written into its sheet part when the book is closed."""

    sheet: int                       # the sheet's position (xl/worksheets/sheet{n}.xml), 1-based
    first: int                       # 0-based row of the first body row
    columns: Sequence[ReportColumn]
    rows: Sequence[Sequence[object]]
    styles: list[int]                # xf index of each column's format, without fill
    filled: dict[str, list[int]] = field(default_factory=dict)   # fill colour → xf index of each column
    fills: Sequence[str | None] | None = None


class ReportBook:
    """A small writer for the tool's report workbooks (province summary, progress report).

    `progress(rows, total)` is called as the body rows are written, when the book is closed.
    """

    def __init__(self, path: Path, title: str, company: str = "", *, kind: str,
                 progress: Callable[[int, int], None] | None = None) -> None:
        import xlsxwriter

        from .template import FIXED_CREATED, XLSX_OPTIONS

        self.path = Path(path)
        self.progress = progress
        self._bodies: list[_Body] = []
        self._package = io.BytesIO()   # xlsxwriter's package; the file is written at close, bodies included
        self.workbook = xlsxwriter.Workbook(self._package, {**XLSX_OPTIONS, "in_memory": True})
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

    def format_spec(self, kind: str, fill: str | None = None, bold: bool = False) -> dict[str, object]:
        """The xlsxwriter properties of a table cell of this kind of column."""
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
        return spec

    def cell_format(self, kind: str, fill: str | None = None, bold: bool = False) -> object:
        key = (kind, fill, bold)
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.workbook.add_format(self.format_spec(kind, fill, bold))
        return found

    def _write(self, sheet, row: int, col: int, value: object, fmt: object) -> None:
        from .template import write_value

        write_value(sheet, row, col, value, fmt)

    def _xf(self, kind: str, fill: str | None = None) -> int:
        # The index xlsxwriter gives the format when a cell uses it (the body cells use it from our XML).
        return self.cell_format(kind, fill)._get_xf_index()  # type: ignore[attr-defined]

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
        if rows:
            body = _Body(len(self.workbook.worksheets()), first, columns, rows,
                         [self._xf(column.kind) for column in columns], fills=fills)
            for fill in dict.fromkeys(fills or ()):
                if fill:
                    body.filled[fill] = [self._xf(column.kind, fill) for column in columns]
            self._bodies.append(body)
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
        """Write the file: xlsxwriter's package with the body rows put in. Compressing runs in a thread of its
        own (zlib lets go of the interpreter), alongside the making of the next rows."""
        self.workbook.close()
        by_part = {f"xl/worksheets/sheet{body.sheet}.xml": body for body in self._bodies}
        total = sum(len(body.rows) for body in self._bodies)
        done = 0
        with zipfile.ZipFile(self._package) as source, _ZipWriter(self.path) as target:
            # The body's text joins xlsxwriter's shared strings (it always has some: the titles, the headers).
            table = _Strings(source.read(SST_PART)) if SST_PART in source.namelist() else None
            for info in source.infolist():
                part = zipfile.ZipInfo(info.filename, info.date_time)
                part.compress_type = zipfile.ZIP_DEFLATED
                part.external_attr = info.external_attr
                body = by_part.get(info.filename)
                if info.filename == SST_PART and table is not None:
                    target.part(part, table.pieces())
                    continue
                data = source.read(info)
                if body is None:
                    target.part(part, (data,))
                    continue
                head, tail = _split_sheet(data.decode("utf-8"), body)
                target.open(part)
                target.write(head.encode("utf-8"))
                for count, rows in _body_xml(body, table):
                    target.write(rows)
                    done += count
                    if self.progress is not None and done % ROW_PROGRESS_STEP < count:
                        self.progress(done, total)
                target.write(tail.encode("utf-8"))
                target.close_part()
        self._package = io.BytesIO()
        if self.progress is not None:
            self.progress(total, total)


class _ZipWriter:
    """A zip file written part by part, its compression and writing done by a thread of its own.

    The parts come in the order they were given, so the file is byte for byte the one a single thread would
    write. An error in the thread (a full disk) is raised in the caller at its next call or at the end; an error
    in the caller stops the thread before the file is closed.
    """

    BLOCK = 2 * 2**20   # bytes handed to the thread at a time: each hand-over waits for the interpreter lock
    QUEUED = 8          # blocks waiting at most (16 MB): the thread catches up after a slow stretch
    # zlib gives the interpreter lock back several times a block (crc, each growth of its output, the file write),
    # and each time the thread waits for the switch interval (5 ms) while the caller makes rows: it then lags
    # behind. A shorter interval while the file is written lets it keep up (national workbook: 0.66 → 0.52 s).
    # Set from the main thread only (the command line), so that two threads closing books never undo each other.
    SWITCH_INTERVAL = 0.0005

    def __init__(self, path: Path) -> None:
        import queue
        import sys
        import threading

        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self._queue: queue.Queue = queue.Queue(self.QUEUED)
        self._error: BaseException | None = None
        self._buffer: list[bytes] = []
        self._buffered = 0
        self._thread = threading.Thread(target=self._run, name="zip-writer", daemon=True)
        self._thread.start()
        self._switch: float | None = None
        if threading.current_thread() is threading.main_thread():
            self._switch = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch, self.SWITCH_INTERVAL))

    def _run(self) -> None:
        out = None
        while True:
            action, value = self._queue.get()
            if action == "end":
                break
            if self._error is not None:
                continue   # drain what the caller still sends, until it learns of the error
            try:
                if action == "open":
                    out = self._zip.open(value, "w")
                elif action == "data":
                    out.write(value)
                else:   # "close"
                    out.close()
                    out = None
            except BaseException as exc:   # noqa: BLE001 - raised in the caller
                self._error = exc
        if out is not None:   # a part left open by an error: the file is not used, but the zip must close
            try:
                out.close()
            except Exception:   # noqa: BLE001 - the first error is the one reported
                pass

    def _put(self, action: str, value: object = None) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((action, value))

    def open(self, info: zipfile.ZipInfo) -> None:
        self._put("open", info)

    def write(self, data: bytes) -> None:
        self._buffer.append(data)
        self._buffered += len(data)
        if self._buffered >= self.BLOCK:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            block = b"".join(self._buffer)
            self._buffer.clear()
            self._buffered = 0
            self._put("data", block)

    def close_part(self) -> None:
        self._flush()
        self._put("close")

    def part(self, info: zipfile.ZipInfo, chunks) -> None:
        self.open(info)
        for chunk in chunks:
            self.write(chunk)
        self.close_part()

    def __enter__(self) -> _ZipWriter:
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        if kind is not None and self._error is None:
            self._error = exc   # the thread drops the rest
        self._queue.put(("end", None))
        self._thread.join()
        if self._switch is not None:
            import sys

            sys.setswitchinterval(self._switch)
        failed = self._error
        try:
            self._zip.close()
        except Exception:
            if failed is None:
                raise
        if kind is None and failed is not None:
            raise failed


# ---------------------------------------------------------------- body rows as sheet XML

SST_PART = "xl/sharedStrings.xml"
_ROW_TAG = re.compile(r'<row r="(\d+)"')
_SST_COUNTS = re.compile(r'<sst ([^>]*?)count="(\d+)" uniqueCount="(\d+)"')
_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/>')
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_EPOCH = dt.datetime(1899, 12, 31)


def _split_sheet(xml: str, body: _Body) -> tuple[str, str]:
    """The sheet XML xlsxwriter wrote, cut where the body rows go (before the first later row, such as the
    total row, or before </sheetData>), with the dimension widened to the last body row."""
    first_row = body.first + 1
    cut = xml.index("</sheetData>")
    for match in _ROW_TAG.finditer(xml):
        if int(match.group(1)) >= first_row:
            cut = match.start()
            break
    head, tail = xml[:cut], xml[cut:]
    last_row = body.first + len(body.rows)
    found = _DIMENSION.search(head)
    if found:
        end_col = found.group(3) or found.group(1)
        end_row = max(int(found.group(4) or found.group(2)), last_row)
        last_col = _column_letters(len(body.columns))[-1]
        if len(last_col) > len(end_col) or (len(last_col) == len(end_col) and last_col > end_col):
            end_col = last_col
        head = head[:found.start()] + f'<dimension ref="{found.group(1)}{found.group(2)}:{end_col}{end_row}"/>' + \
            head[found.end():]
    return head, tail


def _column_letters(count: int) -> list[str]:
    from .cells import col_letter

    return [col_letter(col) for col in range(1, count + 1)]


class _Strings:
    """xlsxwriter's shared strings table, and the body's text added after it."""

    def __init__(self, xml: bytes) -> None:
        self.xml = xml.decode("utf-8")
        found = _SST_COUNTS.search(self.xml)
        if found is None:
            raise ValueError("unexpected shared strings part")
        self.counts = found
        self.base = int(found.group(3))
        self.index: dict[str, int] = {}
        self.refs = 0

    def cell(self, ref: str, style: int, text: str) -> str:
        index = self.index.get(text)
        if index is None:
            index = self.index[text] = self.base + len(self.index)
        self.refs += 1
        return f'<c r="{ref}" s="{style}" t="s"><v>{index}</v></c>'

    def pieces(self):
        """The part as UTF-8 chunks: xlsxwriter's strings, then the body's."""
        xml, found = self.xml, self.counts
        head = xml[:found.start()] + f'<sst {found.group(1)}count="{int(found.group(2)) + self.refs}" ' \
            f'uniqueCount="{self.base + len(self.index)}"' + xml[found.end():xml.rindex("</sst>")]
        yield head.encode("utf-8")
        pieces: list[str] = []
        for text in self.index:
            pieces.append(_si(text))
            if len(pieces) >= 5000:
                yield "".join(pieces).encode("utf-8")
                pieces.clear()
        pieces.append("</sst>")
        yield "".join(pieces).encode("utf-8")


def _si(text: str) -> str:
    text, space = _escape_text(text)
    return f"<si><t{space}>{text}</t></si>"


def _body_xml(body: _Body, strings: _Strings | None):
    """The body rows as UTF-8 XML, ROWS_PER_CHUNK rows at a time: (rows, bytes).

    A national consolidation has about a million body cells: each is joined from pieces made once per column
    and style (`<c r="B`, the row, `" s="7" t="s"><v>`, the string's index), text and empty cells without a
    call; numbers and dates go through `_cell`."""
    columns = body.columns
    letters = _column_letters(len(columns))
    count = len(columns)
    wrap_widths = [max(int(column.width), 1) if column.kind in ("wrap", "text") else 0 for column in columns]
    opens = [f'<c r="{letter}' for letter in letters]
    pieces_of: dict[str | None, tuple[list[int], list[str], list[str], list[str]]] = {}
    for fill, styles in ((None, body.styles), *body.filled.items()):
        pieces_of[fill] = (styles, [f'" s="{style}" t="s"><v>' for style in styles],
                           [f'" s="{style}"/>' for style in styles], [f'" s="{style}"><v>' for style in styles])
    index = strings.index if strings is not None else None
    base = strings.base if strings is not None else 0
    fills = body.fills
    pieces: list[str] = []
    append = pieces.append
    refs = 0
    first = body.first + 1
    for offset, values in enumerate(body.rows):
        row = first + offset
        r = str(row)
        styles, texts, empties, numbers = pieces_of[fills[offset] if fills else None]
        tag = len(pieces)
        append("")
        lines = 1
        width = len(values)
        for col in range(count):
            value = values[col] if col < width else None
            if value.__class__ is str:
                if not value:
                    append(f"{opens[col]}{r}{empties[col]}")
                    continue
                wrap = wrap_widths[col]
                if wrap:
                    needed = -(-int(len(value) * 1.15) // wrap)
                    if needed > lines:
                        lines = needed
                if index is None:
                    append(_cell(f"{letters[col]}{row}", styles[col], value))
                    continue
                value = value[:MAX_STRING]
                number = index.get(value)
                if number is None:
                    number = index[value] = base + len(index)
                refs += 1
                append(f"{opens[col]}{r}{texts[col]}{number}</v></c>")
            elif value is None:
                append(f"{opens[col]}{r}{empties[col]}")
            elif (value.__class__ is float and value - value == 0) or value.__class__ is int:   # finite
                append(f"{opens[col]}{r}{numbers[col]}{value:.16G}</v></c>")
            else:
                append(_cell(f"{letters[col]}{row}", styles[col], value, strings))
        pieces[tag] = f'<row r="{r}" ht="{LINE_HEIGHT * lines:g}" customHeight="1">' if lines > 1 else f'<row r="{r}">'
        append("</row>")
        if (offset + 1) % ROWS_PER_CHUNK == 0:
            if strings is not None:
                strings.refs += refs
                refs = 0
            yield ROWS_PER_CHUNK, "".join(pieces).encode("utf-8")
            pieces.clear()
    if strings is not None:
        strings.refs += refs
    if pieces:
        yield len(body.rows) % ROWS_PER_CHUNK or ROWS_PER_CHUNK, "".join(pieces).encode("utf-8")


def _cell(ref: str, style: int, value: object, strings: _Strings | None = None) -> str:
    """One cell as xlsxwriter writes it with the tool's options (see template.write_value)."""
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    kind = value.__class__
    if kind is str:
        return _text_cell(ref, style, value, strings)
    if kind is float or kind is int:
        if kind is float and not math.isfinite(value):
            # nan_inf_to_errors: the error value Excel itself would show
            if math.isnan(value):
                return f'<c r="{ref}" s="{style}" t="e"><f>#NUM!</f><v>#NUM!</v></c>'
            formula = "1/0" if value > 0 else "-1/0"
            return f'<c r="{ref}" s="{style}" t="e"><f>{formula}</f><v>#DIV/0!</v></c>'
        return f'<c r="{ref}" s="{style}"><v>{value:.16G}</v></c>'
    if isinstance(value, dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
        delta = moment.replace(tzinfo=None) - _EPOCH
        serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86_400
        if moment.isocalendar() == (1900, 1, 1):   # xlsxwriter reads 1900-01-01 as a time of day
            serial -= 1
        if serial > 59:   # Excel's 1900 leap year
            serial += 1
        return f'<c r="{ref}" s="{style}"><v>{serial:.16G}</v></c>'
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _text_cell(ref, style, str(value), strings)
    return _cell(ref, style, float(value))   # int and float subclasses


def _text_cell(ref: str, style: int, text: str, strings: _Strings | None) -> str:
    text = text[:MAX_STRING]
    if strings is not None:
        return strings.cell(ref, style, text)
    text, space = _escape_text(text)
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _escape_text(text: str) -> tuple[str, str]:
    """Text as xlsxwriter writes it in a <t> element, and the attribute that keeps edge spaces."""
    if "_x" in text:
        text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    if not text.isprintable():
        text = _CONTROL.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return text, space
