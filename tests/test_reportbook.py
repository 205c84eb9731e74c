"""Report workbooks: body rows written as sheet XML read back exactly as xlsxwriter's own cells would."""
from __future__ import annotations

import datetime as dt
import math
import os
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from chuanqg_xl.grid import open_book
from chuanqg_xl.reportbook import ReportBook, ReportColumn
from chuanqg_xl.template import XLSX_OPTIONS, write_value

COLUMNS = [ReportColumn("STT", 6, "count"), ReportColumn("Tên", 20, "wrap"), ReportColumn("Kinh phí", 12, "money"),
           ReportColumn("Ngày", 12, "date"), ReportColumn("Tỉ lệ", 8, "rate"), ReportColumn("Ghi chú", 10, "text")]
ROWS = [
    [1, "TH Kim Đồng", 1500.5, dt.date(2024, 3, 31), 0.6140350877192983, None],
    [2, "A & B <c> 'd' \"e\"", 0, dt.datetime(2024, 1, 15, 12, 30), math.nan, ""],
    [3, "  khoảng trắng ở hai đầu ", math.inf, None, -math.inf, True],
    [4, "điều khiển \x01 và _x0041_ viết sẵn", 10**20, dt.date(1900, 1, 1), 1e-7, "x" * 40_000],
    [5, "Một dòng rất dài " * 12, 12345678.25, dt.date(2099, 12, 31), 7, 3.0],
]
FILLS = [None, "#FFF2CC", None, "#FCE4D6", "#FFF2CC"]


def reference(path: Path) -> None:
    """The same sheet, every cell written by xlsxwriter itself."""
    import xlsxwriter

    specs = ReportBook(path.with_name("unused.xlsx"), "T", kind="test")
    workbook = xlsxwriter.Workbook(str(path), XLSX_OPTIONS)
    formats: dict[tuple[str, str | None], object] = {}
    sheet = workbook.add_worksheet("Bảng")
    for row, (values, fill) in enumerate(zip(ROWS, FILLS), start=4):
        for col, (value, column) in enumerate(zip(values, COLUMNS)):
            key = (column.kind, fill)
            if key not in formats:
                formats[key] = workbook.add_format(specs.format_spec(column.kind, fill))
            write_value(sheet, row, col, value, formats[key])
    workbook.close()


def cells(path: Path) -> list[list[tuple[object, str, str | None, bool]]]:
    sheet = openpyxl.load_workbook(path)["Bảng"]
    found = []
    for row in range(5, 5 + len(ROWS)):
        found.append([(sheet.cell(row, col).value, sheet.cell(row, col).number_format,
                       sheet.cell(row, col).fill.fgColor.rgb if sheet.cell(row, col).fill.fill_type else None,
                       sheet.cell(row, col).border.left.style == "thin")
                      for col in range(1, len(COLUMNS) + 1)])
    return found


def test_body_cells_read_back_as_xlsxwriter_writes_them(tmp_path: Path) -> None:
    ours = tmp_path / "ours.xlsx"
    book = ReportBook(ours, "Tiêu đề", kind="test")
    book.table("Bảng", "TIÊU ĐỀ", COLUMNS, ROWS, subtitle="phụ đề", fills=FILLS)
    book.close()
    theirs = tmp_path / "theirs.xlsx"
    reference(theirs)
    assert cells(ours) == cells(theirs)
    # and the values as the tool's own reader (calamine) sees them
    grid = open_book(ours).grid("Bảng")
    assert grid.value(5, 2) == "TH Kim Đồng" and grid.value(6, 2) == "A & B <c> 'd' \"e\""
    assert grid.value(7, 2) == "  khoảng trắng ở hai đầu " and grid.value(8, 2) == "điều khiển \x01 và _x0041_ viết sẵn"
    assert grid.value(7, 3) == "#DIV/0!" and grid.value(6, 5) == "#NUM!"
    assert len(grid.value(8, 6)) == 32_767


def test_heights_dimension_and_shared_strings(tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    book = ReportBook(path, "T", kind="test")
    columns = [*COLUMNS[:2], ReportColumn("Kinh phí", 12, "money", total=True), *COLUMNS[3:]]
    book.table("Bảng", "TIÊU ĐỀ", columns, ROWS * 3, total_label="Tổng cộng")
    book.close()
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        strings = archive.read("xl/sharedStrings.xml").decode()
    assert '<dimension ref="A1:F19"/>' in sheet                       # 15 body rows from row 4, the total in 19
    assert sheet.index('<row r="18"') < sheet.index('<row r="19"')     # the total row stays after the body
    assert 'ht="33" customHeight="1"' in sheet                        # the long name takes two lines
    assert strings.count("<t>TH Kim Đồng</t>") == 1                   # written once, used three times
    assert openpyxl.load_workbook(path)["Bảng"]["C19"].value == "=SUM(C4:C18)"


def test_progress_counts_the_body_rows(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    book = ReportBook(tmp_path / "p.xlsx", "T", kind="test", progress=lambda done, total: seen.append((done, total)))
    book.table("Một", "A", COLUMNS, ROWS * 900)
    book.table("Hai", "B", COLUMNS, ROWS * 300)
    book.close()
    assert seen[-1] == (6000, 6000)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and len(seen) >= 3


def zip_parts(write) -> bytes:
    """A zip of two parts, written through `write(target, info, chunks)` into memory."""
    import io

    out = io.BytesIO()
    parts = [("a.xml", [b"<a>" * 1000, "Ngô Quyền ".encode() * 300_000, b"</a>"]), ("b.xml", [b"<b/>"])]
    write(out, parts)
    return out.getvalue()


def test_zip_writer_thread_writes_the_bytes_one_thread_writes() -> None:
    from chuanqg_xl.reportbook import _ZipWriter

    interval = sys.getswitchinterval()

    def threaded(out, parts) -> None:
        with _ZipWriter(out) as target:
            assert sys.getswitchinterval() == min(interval, _ZipWriter.SWITCH_INTERVAL)
            for name, chunks in parts:
                target.part(info(name), chunks)
        assert sys.getswitchinterval() == interval

    def plain(out, parts) -> None:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name, chunks in parts:
                with target.open(info(name), "w") as part:
                    for chunk in chunks:
                        part.write(chunk)

    ours = zip_parts(threaded)
    assert ours == zip_parts(plain)
    with zipfile.ZipFile(__import__("io").BytesIO(ours)) as archive:
        assert archive.read("a.xml").endswith("Ngô Quyền </a>".encode()) and archive.read("b.xml") == b"<b/>"


def info(name: str) -> zipfile.ZipInfo:
    part = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
    part.compress_type = zipfile.ZIP_DEFLATED
    return part


class _FullDisk:
    """A file that takes a few bytes, then fails as a full disk does."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.written = 0

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.room:
            raise OSError(28, "No space left on device")
        self.written += len(data)
        return len(data)

    def tell(self) -> int:
        return self.written

    def flush(self) -> None:
        pass


def test_zip_writer_thread_error_is_raised_in_the_caller() -> None:
    import threading

    from chuanqg_xl.reportbook import _ZipWriter

    before, interval = threading.active_count(), sys.getswitchinterval()
    with pytest.raises(OSError, match="No space left"):
        with _ZipWriter(_FullDisk(1000)) as target:
            target.open(info("a.xml"))
            for _ in range(200):   # the error comes back at a later call, or at the end at the latest
                target.write(os.urandom(100_000))
            target.close_part()
    assert threading.active_count() == before   # the thread is gone
    assert sys.getswitchinterval() == interval  # and the interpreter's switch interval is back


def test_zip_writer_stops_its_thread_when_the_caller_fails(tmp_path: Path) -> None:
    import threading

    from chuanqg_xl.reportbook import _ZipWriter

    before = threading.active_count()
    with pytest.raises(KeyError, match="stop"):
        with _ZipWriter(tmp_path / "x.zip") as target:
            target.open(info("a.xml"))
            target.write(b"<a>" * 2_000_000)
            raise KeyError("stop")
    assert threading.active_count() == before
