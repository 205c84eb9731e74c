"""The formula scan of a sheet part: formulas, shared formulas, error values and missing caches."""
from __future__ import annotations

from pathlib import Path

import pytest

from chuanqg_xl import layout as L
from chuanqg_xl.grid import Grid, open_book, scan_formulas

SHEET = (b"<worksheet><sheetData><row r={q}2{q}>"
         b"<c r={q}B2{q} t={q}e{q}><f>SUM(A1:A3)</f><v>#REF!</v></c>"
         b"<c r={q}C2{q}><f>1+1</f></c>"
         b"<c r={q}D2{q}><f t={q}shared{q} si={q}0{q} ref={q}D2:D3{q}>A2*2</f><v>4</v></c></row>"
         b"<row r={q}3{q}><c r={q}D3{q}><f t={q}shared{q} si={q}0{q}/><v>6</v></c></row>"
         b"</sheetData></worksheet>")


@pytest.mark.parametrize("quote", [b'"', b"'"], ids=["double-quoted", "single-quoted"])
def test_scan_reads_attributes_in_either_quote(quote: bytes) -> None:
    """XML allows both quotes; a writer using single quotes must not hide formulas or error values."""
    grid = Grid("S", [])
    scan_formulas(SHEET.replace(b"{q}", quote), grid)
    assert grid.formulas == {(2, 2): "SUM(A1:A3)", (2, 3): "1+1", (2, 4): "A2*2", (3, 4): "A3*2"}
    assert grid.errors == {(2, 2): "#REF!"}
    assert grid.uncached == {(2, 3)}


def test_the_reader_parses_the_bytes_the_guard_checked(make_plan) -> None:
    """Once opened, a workbook is read from the checked bytes: a file replaced on disk in the meantime (a
    sync client, a colleague saving) can neither slip past the guard nor mix two versions."""
    path: Path = make_plan()
    book = open_book(path)
    path.write_bytes(b"PK\x03\x04 not the same file any more")
    grid = book.grid(L.SCHOOLS.name)
    assert any(row[1] == "TH Kim Đồng" for row in grid.rows)
    assert grid.formulas  # the formula scan read the kept sheet part, not the file on disk
    book.close()
