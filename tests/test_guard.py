"""The pre-parse guard, in process: what `sniff` says about each corpus file, and the scans behind it.

Only the guard runs here on the hostile files (it never hands them to calamine);
calamine itself is only given tiny sheets, to check that the guard places cells
exactly where calamine does.
"""
from __future__ import annotations

import re
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import hostile
from chuanqg_xl import extent as extent_module
from chuanqg_xl import guard
from chuanqg_xl.errors import PlanError

# What sniff alone says about each corpus item; None: it passes sniff (a later stage decides).
SNIFF_KEYS: dict[str, str | None] = {
    "empty": "error.empty_file", "random_bytes": "error.not_spreadsheet", "csv_renamed": "error.not_spreadsheet",
    "docx_renamed": "doc.word_not_workbook", "xls_renamed": None, "truncated": "error.not_spreadsheet",
    "corrupt_deflate": "error.corrupt", "encrypted": "error.encrypted", "billion_laughs": "error.unsafe_xml",
    "xxe": "error.unsafe_xml", "xxe_after_comment": "error.unsafe_xml", "doctype_utf16": "error.unsafe_xml",
    "zip_bomb": "error.archive_too_big", "zip_bomb_lying": "safety.size_lie",
    "zip_bomb_lying_crc": "safety.size_lie",
    "zip_encrypted_member": "safety.zip_encrypted", "many_parts": "error.archive_too_big",
    "million_rows": "safety.grid_too_big", "million_rows_quoted": "safety.grid_too_big",
    "million_rows_unaddressed": "safety.grid_too_big", "million_rows_reordered": "safety.grid_too_big",
    "million_rows_hidden": "safety.grid_too_big", "merge_bomb": "safety.merges_too_big",
    "ods_bomb": "safety.grid_too_big", "xls_merge_bomb": None, "nan_inf": None, "sheet_missing": None, "sheet_part_missing": "safety.sheet_part_missing",
    "header_missing": None, "merged_data": None, "text_numbers": None, "formula_injection": None,
    "strings_unique_count": "safety.count_lie", "strings_unique_count_prefixed": "safety.count_lie",
    "strings_count": None, "dimension_lie": None, "row_spans_lie": None, "style_counts_lie": None,
    "style_index_lie": None, "column_width_lie": None, "merge_count_lie": None, "shared_formula_index": None,
    "ods_formula_bomb": "safety.grid_too_big",
    **{name: "safety.xml_broken" for name in ("row_unclosed", "tag_malformed", "nul_in_sheet", "raw_escape_in_name",
                                              "part_truncated")},
    "cell_beyond_xfd": "safety.cell_beyond_limit", "row_beyond_limit": "safety.cell_beyond_limit",
    "wrong_namespace": "safety.wrong_namespace", "rel_type_lie": "safety.styles_missing",
    "styles_missing": "safety.styles_missing", "content_types_missing": "safety.content_types_missing",
    **{name: None for name in ("cell_nan_text", "cell_infinity", "cell_letters", "cell_decimal_comma", "cell_hex",
                               "string_index_letters", "string_index_negative", "string_index_fraction",
                               "string_index_beyond", "escape_in_name", "bell_in_name")},
    **{name: "safety.duplicate_part" for name in ("duplicate_shared_strings", "duplicate_sheet",
                                                  "duplicate_content_types", "duplicate_letter_case",
                                                  "duplicate_backslash")},
    "xls_dimensions_huge": "safety.declared_grid_too_big", "xls_dimensions_wrap": "safety.declared_grid_too_big",
    "xls_far_rk": "safety.grid_too_big", "xls_far_labelsst": "safety.grid_too_big",
    **{name: "safety.ole_damaged" for name in ("xls_fat_count", "xls_mini_fat_count", "xls_difat_loop",
                                               "xls_directory_loop", "xls_stream_loop", "xls_merge_count",
                                               "xls_sst_count")},
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return hostile.build_corpus(tmp_path_factory.mktemp("corpus"))


def test_every_corpus_item_has_an_expected_sniff_result() -> None:
    assert set(SNIFF_KEYS) == set(hostile.BY_NAME)


@pytest.mark.parametrize("keep", [False, True], ids=["streamed", "kept"])
@pytest.mark.parametrize("name", sorted(SNIFF_KEYS))
def test_sniff_refuses_before_any_parser_runs(corpus: dict[str, Path], name: str, keep: bool) -> None:
    """The same verdict whether the file is checked from disk or from the bytes kept for the reader."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        if SNIFF_KEYS[name] is None:
            assert guard.sniff(corpus[name], keep=keep).kind in ("xlsx", "xls")
        else:
            with pytest.raises(PlanError) as caught:
                guard.sniff(corpus[name], keep=keep)
            assert caught.value.key == SNIFF_KEYS[name]
            assert str(corpus[name]) in str(caught.value)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.perf_counter() - started < 10
    assert peak < 64 * 2**20, f"sniff held {peak // 2**20} MB"


VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý")


@pytest.mark.parametrize("name", sorted(name for name, key in SNIFF_KEYS.items() if key))
def test_a_refusal_in_english_is_english_throughout(corpus: dict[str, Path], name: str) -> None:
    """What the file is, and the detail of a damaged archive, are said in the reader's language too."""
    with pytest.raises(PlanError) as caught:
        guard.sniff(corpus[name])
    english = re.sub(r"'[^']*'", "", caught.value.message("en"))    # names from the file (sheets, parts) aside
    assert not VIETNAMESE_LETTERS & set(english.lower()), english
    assert caught.value.message("vi") == str(caught.value)


def test_kept_bytes_are_the_file_and_its_checked_xml_parts(make_plan) -> None:
    path = make_plan()
    sniffed = guard.sniff(path, keep=True)
    assert sniffed.content == path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        xml = {info.filename for info in archive.infolist() if info.filename.endswith((".xml", ".rels"))}
        assert set(sniffed.parts) == xml
        assert all(sniffed.parts[name] == archive.read(name) for name in xml)
    assert guard.sniff(path).content is None and not guard.sniff(path).parts


def test_a_large_file_is_not_kept(make_plan, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_plan()
    monkeypatch.setattr(guard, "KEEP_FILE_BYTES", 1000)
    sniffed = guard.sniff(path, keep=True)
    assert sniffed.kind == "xlsx" and sniffed.content is None and not sniffed.parts


def test_the_far_cell_is_named_in_the_refusal(corpus: dict[str, Path]) -> None:
    with pytest.raises(PlanError) as caught:
        guard.sniff(corpus["million_rows_quoted"])
    message = str(caught.value)
    assert "'PL1 - Danh sách trường'" in message and "XFD1048576" in message and "10.000.000" in message


def test_openpyxl_parses_xml_through_defusedxml() -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


def test_openpyxl_refuses_the_billion_laughs_quickly(corpus: dict[str, Path]) -> None:
    """Not our reader, but a library a user's script may call on the same file."""
    import openpyxl

    started = time.perf_counter()
    with pytest.raises(Exception) as caught:
        openpyxl.load_workbook(corpus["billion_laughs"])
    assert "Entit" in repr(caught.value) or "Entit" in repr(caught.value.__cause__)
    assert time.perf_counter() - started < 5


# ---------------------------------------------------------------- DOCTYPE anywhere in the prolog

DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>'
DTD = b'<!DOCTYPE sst [<!ENTITY a "b">]>'


@pytest.mark.parametrize("data", [
    DECL + DTD + ROOT,
    DECL + b"<!--" + b"x" * 200_000 + b"-->" + DTD + ROOT,                    # past the first 64 KB
    DECL + b"<?pi " + b"y" * 100_000 + b"?>" + DTD + ROOT,
    b"\xef\xbb\xbf" + DECL + DTD + ROOT,
    "\ufeff".encode("utf-16-le") + (DECL + DTD + ROOT).decode().encode("utf-16-le"),
    (DECL + DTD + ROOT).decode().encode("utf-16-be"),
    "\ufeff".encode("utf-32-le") + (DECL + DTD + ROOT).decode().encode("utf-32-le"),
    DECL + b"<!doctype sst>" + ROOT,
], ids=["plain", "after-comment", "after-pi", "utf8-bom", "utf16le", "utf16be-no-bom", "utf32", "lower-case"])
def test_a_dtd_before_the_root_element_is_refused(data: bytes) -> None:
    with pytest.raises(PlanError) as caught:
        guard.check_xml(data, "xl/sharedStrings.xml", Path("plan.xlsx"))
    assert caught.value.key == "error.unsafe_xml"


@pytest.mark.parametrize("data", [
    DECL + ROOT,
    DECL + b"<!-- a comment -->" + ROOT,
    ROOT,
    DECL + ROOT[:-6] + b"<si><t>" + b"z" * 70_000 + b" &lt;!DOCTYPE is text here</t></si></sst>",
    "\ufeff".encode("utf-16-le") + (DECL + ROOT).decode().encode("utf-16-le"),
], ids=["plain", "comment", "no-declaration", "doctype-as-text", "utf16"])
def test_ordinary_xml_passes(data: bytes) -> None:
    guard.check_xml(data, "xl/sharedStrings.xml", Path("plan.xlsx"))


def test_blank_space_does_not_hide_a_part_from_the_check(tmp_path: Path) -> None:
    path = hostile.standard_plan(tmp_path / "ke-hoach.xlsx")

    def edit(parts: dict[str, bytes]) -> None:
        parts["xl/sharedStrings.xml"] = b" " * 10_000 + DTD + parts["xl/sharedStrings.xml"].split(b"?>", 1)[1]

    hostile.edit_parts(path, edit)
    with pytest.raises(PlanError) as caught:
        guard.sniff(path)
    assert caught.value.key == "error.unsafe_xml" and "xl/sharedStrings.xml" in str(caught.value)


def test_an_endless_prolog_is_refused() -> None:
    data = DECL + b"<!--" + b"x" * (guard.MAX_PROLOG_BYTES + 10) + b"-->" + ROOT
    with pytest.raises(PlanError) as caught:
        guard.check_xml(data, "xl/styles.xml", Path("plan.xlsx"))
    assert caught.value.key == "safety.xml_prolog_too_long"


# ---------------------------------------------------------------- sheet extents, as calamine sees them

CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-'
      b'types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
      b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
      b'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+'
      b'xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            b'<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2"'
                 b' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 b'</Relationships>')
STYLES = (b'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
          b'2006/main"><cellXfs count="16">' + b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 16
          + b"</cellXfs></styleSheet>")


def sheet_xml(body: bytes, tail: bytes = b"") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData>' + body + b"</sheetData>" + tail + b"</worksheet>")


def one_sheet_book(path: Path, sheet: bytes) -> Path:
    hostile.write_zip(path, {"[Content_Types].xml": CT, "_rels/.rels": RELS, "xl/workbook.xml": WORKBOOK,
                             "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet})
    return path


def calamine_shape(path: Path) -> tuple[int, int]:
    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("S").to_python(
        skip_empty_area=False)
    return (len(rows), len(rows[0])) if rows and rows[0] else (0, 0)


# Small sheets in the shapes calamine accepts; the guard must place their cells where calamine does.
SHAPES = {
    "canonical": b'<row r="2"><c r="C2"><v>1</v></c></row><row r="7"><c r="E7"><v>2</v></c></row>',
    "lower-case": b'<row r="1"><c r="a1"><v>1</v></c></row><row r="3"><c r="c3"><v>2</v></c></row>',
    "single-quotes": b"<row r='1'><c r='A1'><v>1</v></c></row><row r='3'><c r = 'C3'><v>2</v></c></row>",
    "no-addresses": b'<row r="1"><c><v>1</v></c><c><v>1</v></c><c><v>1</v></c></row><row r="5"><c><v>2</v></c>'
                    b"</row><row><c><v>3</v></c></row>",
    "rows-reversed": b'<row r="6"><c r="E6"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>',
    "last-r-wins": b'<row r="1"><c r="A1" r="E9"><v>1</v></c></row>',
    "after-an-address": b'<row r="2"><c r="C7"><v>1</v></c><c><v>2</v></c></row>',
    "leading-zeros": b'<row r="1"><c r="E0009"><v>1</v></c></row>',
    "styled-far-cell": b'<row r="1"><c r="A1"><v>1</v></c></row><row r="900"><c r="T900" s="1"/></row>',
    "empty-value": b'<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="H9"><v></v></c></row>',
    "quote-holds-gt": b'<row r="1"><c r="A1"><v>1</v></c><c x=">" r="F8"><v>2</v></c></row>',
    "prefixed": b'<x:row r="1" xmlns:x="urn:x"><x:c r="D4"><x:v>1</x:v></x:c></x:row>',
}


OVERCOUNTED = {"empty-value"}  # <v></v>: calamine keeps the cell empty, the guard counts it (the safe side)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_the_guard_places_cells_where_calamine_does(tmp_path: Path, name: str) -> None:
    body = SHAPES[name]
    if name == "prefixed":
        data = sheet_xml(b"").replace(b"<sheetData></sheetData>",
                                      b'<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/'
                                      b'2006/main">' + body.replace(b' xmlns:x="urn:x"', b"") + b"</x:sheetData>")
    else:
        data = sheet_xml(body)
    rows, cols = calamine_shape(one_sheet_book(tmp_path / f"{name}.xlsx", data))
    extent = extent_module._exact_extent(data)
    # calamine gives at least a 1 × 1 grid; the guard counts only cells with a value, but it never counts less
    guarded = (max(extent[0], 1), max(extent[1], 1))
    assert guarded >= (rows, cols) and guarded[1] >= cols
    if name not in OVERCOUNTED:
        assert guarded == (rows, cols)
    fast = guard.sheet_extent(data)
    assert fast is None or fast >= extent


def test_a_formatted_cell_far_away_is_not_a_value(tmp_path: Path) -> None:
    """LibreOffice writes formatted empty cells; calamine ignores them, so must the guard."""
    data = sheet_xml(b'<row r="1"><c r="A1"><v>1</v></c></row>'
                     b'<row r="1048576" ht="20" customHeight="1"><c r="XFD1048576" s="3"/></row>')
    guard.check_sheet_extent(data, "S", Path("p.xlsx"))
    assert calamine_shape(one_sheet_book(tmp_path / "styled.xlsx", data)) == (1, 1)


@pytest.mark.parametrize(("cells", "refused"), [
    (b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>', False),                  # 1 column
    (b'<row r="1"><c r="I1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>', False),
    (b'<row r="1"><c r="K1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>', True),
    (b'<row r="2"><c r="XFD2"><v>1</v></c></row>', False),                             # one wide row
    (b'<row r="700"><c r="XFD700"><v>1</v></c></row>', True),
])
def test_the_grid_limit(cells: bytes, refused: bool) -> None:
    data = sheet_xml(cells)
    if refused:
        with pytest.raises(PlanError) as caught:
            guard.check_sheet_extent(data, "S", Path("p.xlsx"))
        assert caught.value.key == "safety.grid_too_big"
    else:
        guard.check_sheet_extent(data, "S", Path("p.xlsx"))


def test_merged_area_counts_every_spelling() -> None:
    merges = (b'<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref=\'c1:d3\'/>'
              b'<mergeCell x=">" ref="E1:E10"/><x:mergeCell ref="A1:XFD1048576"/></mergeCells>')
    assert guard.merged_area(sheet_xml(b"", merges)) == 4 + 6 + 10 + guard.MERGE_COUNTED_CAP


def test_too_many_merged_cells_are_refused() -> None:
    merges = b"".join(b'<mergeCell ref="A%d:J%d"/>' % (row, row + 9_999) for row in range(1, 120_000, 10_000))
    with pytest.raises(PlanError) as caught:
        guard.check_sheet_extent(sheet_xml(b"", b"<mergeCells>" + merges + b"</mergeCells>"), "S", Path("p.xlsx"))
    assert caught.value.key == "safety.merges_too_big"


# ---------------------------------------------------------------- OpenDocument and .xlsb


def ods_content(rows: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
            b'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
            b'<table:table table:name="S">' + rows + b"</table:table></office:spreadsheet></office:body>"
            b"</office:document-content>")


ODS_VALUE = b'<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'


def test_ods_repeated_empty_rows_pass_and_repeated_values_do_not() -> None:
    # what LibreOffice writes after the last row: a million empty rows, harmless
    trailing = (b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
                b'table:number-columns-repeated="1024"/></table:table-row>')
    guard.check_ods_extent(ods_content(b"<table:table-row>" + ODS_VALUE + b"</table:table-row>" + trailing),
                           Path("p.ods"))
    repeated = ODS_VALUE.replace(b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="20" ')
    bomb = b'<table:table-row table:number-rows-repeated="600000">' + repeated + b"</table:table-row>"
    with pytest.raises(PlanError) as caught:
        guard.check_ods_extent(ods_content(bomb), Path("p.ods"))
    assert caught.value.key == "safety.grid_too_big" and "T600000" in str(caught.value)


def test_ods_extent_matches_calamine(tmp_path: Path) -> None:
    import python_calamine

    repeated = ODS_VALUE.replace(b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="3" ')
    rows = (b'<table:table-row><table:table-cell table:number-columns-repeated="2"/>' + ODS_VALUE
            + b'</table:table-row><table:table-row table:number-rows-repeated="4">' + repeated
            + b"</table:table-row><table:table-row table:number-rows-repeated=\"9\"><table:table-cell/>"
            b"</table:table-row>")
    path = hostile.write_ods(tmp_path / "small.ods", ods_content(rows))
    grid = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("S").to_python(
        skip_empty_area=False)
    assert (len(grid), len(grid[0])) == (5, 3)
    before = extent_module.MAX_GRID_CELLS
    try:
        extent_module.MAX_GRID_CELLS = 14  # one cell fewer than calamine's 5 × 3 grid
        with pytest.raises(PlanError):
            guard.check_ods_extent(ods_content(rows), path)
        extent_module.MAX_GRID_CELLS = 15
        guard.check_ods_extent(ods_content(rows), path)
    finally:
        extent_module.MAX_GRID_CELLS = before


def xlsb_record(kind: int, body: bytes) -> bytes:
    def varint(value: int) -> bytes:
        out = b""
        while True:
            byte, value = value & 0x7F, value >> 7
            out += bytes([byte | (0x80 if value else 0)])
            if not value:
                return out

    return varint(kind) + varint(len(body)) + body


def test_xlsb_far_cells_and_dimensions_are_refused() -> None:
    small = xlsb_record(0, struct.pack("<I", 9) + b"\x00" * 8) + xlsb_record(5, struct.pack("<II", 3, 0) + b"\x00" * 8)
    guard.check_xlsb_extent(small, "S", Path("p.xlsb"))
    far = xlsb_record(0, struct.pack("<I", 1_048_575) + b"\x00" * 8) + xlsb_record(5, struct.pack("<II", 16_383, 0)
                                                                                   + b"\x00" * 8)
    blank = xlsb_record(0, struct.pack("<I", 1_048_575) + b"\x00" * 8) + xlsb_record(1, struct.pack("<II", 16_383, 0))
    dimension = xlsb_record(148, struct.pack("<IIII", 0, 1_048_575, 0, 16_383))
    for data, refused in ((far, True), (blank, False), (dimension, True), (far[:5], False)):
        if refused:
            with pytest.raises(PlanError):
                guard.check_xlsb_extent(data, "S", Path("p.xlsb"))
        else:
            guard.check_xlsb_extent(data, "S", Path("p.xlsb"))


# ---------------------------------------------------------------- archive limits: bombs out, real files in


@pytest.mark.parametrize("name", ["zip_bomb_lying", "zip_bomb_lying_crc"])
def test_a_part_that_lies_about_its_size_costs_little_memory(corpus: dict[str, Path], name: str) -> None:
    """ZipFile.read() would ask zlib for 2 GB at once; read_part goes a megabyte at a time and stops
    one step past the declared size, whether or not the CRC was forged to match."""
    tracemalloc.start()
    try:
        with zipfile.ZipFile(corpus[name]) as archive, pytest.raises(guard.PartInflatesTooMuch):
            guard.read_part(archive, "xl/sharedStrings.xml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20


def test_read_part_returns_what_zipfile_returns(make_plan) -> None:
    with zipfile.ZipFile(make_plan()) as archive:
        for info in archive.infolist():
            assert guard.read_part(archive, info) == archive.read(info)
            assert guard.read_part(archive, info.filename, 100) == archive.read(info)[:100]


def test_total_and_part_limits(make_plan, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_plan()
    monkeypatch.setattr(guard, "MAX_TOTAL_BYTES", 20_000)
    with pytest.raises(PlanError) as caught:
        guard.sniff(path)
    assert caught.value.key == "error.archive_too_big" and "toàn bộ tệp" in str(caught.value)
    monkeypatch.setattr(guard, "MAX_TOTAL_BYTES", 2**30)
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 8_000)
    with pytest.raises(PlanError) as caught:
        guard.sniff(path)
    assert "giải nén ra" in str(caught.value)


def large_real_sheet(rows: int) -> bytes:
    """A budget sheet of `rows` lines with varied names and amounts, as a province-wide file would hold."""
    parts = [b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
             b'officeDocument/2006/relationships"><dimension ref="A1:J%d"/><sheetData>' % rows]
    for row in range(1, rows + 1):
        parts.append(b'<row r="%d" spans="1:10"><c r="A%d" s="9"><f>A%d+1</f><v>%d</v></c><c r="B%d" s="4" '
                     b't="s"><v>%d</v></c><c r="C%d" s="4" t="s"><v>%d</v></c><c r="D%d" s="15"><v>%d</v></c>'
                     b'<c r="E%d" s="15"><v>%d</v></c><c r="F%d" s="15"/><c r="G%d" s="15"><v>%d</v></c>'
                     b'<c r="H%d" s="15"/><c r="I%d" s="16"><f>SUM(D%d:H%d)</f><v>%d</v></c><c r="J%d" s="4"/>'
                     b"</row>" % (row, row, row - 1, row, row, (row * 7919) % 50_000, row, row % 37, row,
                                  (row * 31) % 997, row, (row * 17) % 1_201, row, row, (row * 13) % 89, row, row,
                                  row, row, (row * 61) % 2_287, row))
    parts.append(b'</sheetData><mergeCells count="2"><mergeCell ref="A1:J1"/><mergeCell ref="A2:J2"/></mergeCells>'
                 b"</worksheet>")
    return b"".join(parts)


def test_a_large_legitimate_workbook_is_accepted_quickly(tmp_path: Path) -> None:
    """120,000 budget lines (a whole province, twice over): ratio, sizes and extent stay under the limits."""
    sheet = large_real_sheet(120_000)
    path = tmp_path / "tinh.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in (("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/styles.xml", STYLES),
                           ("xl/worksheets/sheet1.xml", sheet)):
            archive.writestr(name, data)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size > 40 * 2**20 and info.file_size / info.compress_size < guard.MAX_RATIO / 4
    extent_module._checked.clear()
    started = time.perf_counter()
    assert guard.sniff(path).kind == "xlsx"
    assert time.perf_counter() - started < 15
    assert guard.sheet_extent(sheet) == (120_000, 10)


# ---------------------------------------------------------------- lock files


def excel_owner_file(ansi: str, wide: str) -> bytes:
    encoded = ansi.encode("cp1252")
    head = bytes([len(encoded)]) + encoded
    return head.ljust(54, b" ") + struct.pack("<H", len(wide)) + wide.encode("utf-16-le") + b"\x00" * 52


def test_lock_file_owner_keeps_vietnamese_names(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.xlsx"
    plan.write_bytes(b"")
    (tmp_path / "~$ke-hoach.xlsx").write_bytes(excel_owner_file("Nguyen Van A", "Nguyễn Văn A"))
    assert guard.excel_lock_file(plan) == (tmp_path / "~$ke-hoach.xlsx", "Nguyễn Văn A")
    (tmp_path / "~$ke-hoach.xlsx").unlink()
    lock = tmp_path / ".~lock.ke-hoach.xlsx#"
    lock.write_text("Trần Thị B,tranb,MAY-PGD,22.11.2024 08:30,file:///C:/Users/tranb;", encoding="utf-8")
    assert guard.excel_lock_file(plan) == (lock, "Trần Thị B")


def test_excel_shortens_long_names_in_its_lock_file(tmp_path: Path) -> None:
    """For long names Excel replaces the first two characters with '~$'."""
    plan = tmp_path / "ke-hoach-truong-chuan-2024.xlsx"
    (tmp_path / "~$-hoach-truong-chuan-2024.xlsx").write_bytes(excel_owner_file("Le C", "Lê C"))
    assert guard.excel_lock_file(plan) == (tmp_path / "~$-hoach-truong-chuan-2024.xlsx", "Lê C")
