"""Formulas of .ods and .xls files: read, turned into Excel's syntax, and used like those of an .xlsx."""
from __future__ import annotations

from pathlib import Path

import pytest

from chuanqg_xl.checks import check_plan, run_checks
from chuanqg_xl.grid import open_book
from chuanqg_xl.odsxls import UNKNOWN, excel_formula, scan_ods, xls_formulas
from chuanqg_xl.reader import read_plan
from chuanqg_xl.records import replace
from chuanqg_xl.recalc import recalc_plan

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(path for path in (ROOT / "samples").glob("*.xlsx") if not path.name.endswith(".bak.xlsx"))


@pytest.mark.parametrize("odf, excel", [
    ("of:=SUM([.D5:.D7])", "SUM(D5:D7)"),
    ("of:=[.A8]+1", "A8+1"),
    ("of:=SUM([.C9];[.E9];[.G9])", "SUM(C9,E9,G9)"),
    ("of:=ROWS([$'PL1 - Danh sách trường'.B5:.B7])", "ROWS('PL1 - Danh sách trường'!B5:B7)"),
    ("of:=[$'It''s'.$A$1]*2", "'It''s'!$A$1*2"),
    ("of:=[$Sheet1.A1:$Sheet2.B2]", "Sheet1!A1:Sheet2!B2"),
    ('of:=IF(TRIM([.E7])="";0;LEN(SUBSTITUTE([.E7];";";"")))', 'IF(TRIM(E7)="",0,LEN(SUBSTITUTE(E7,";","")))'),
    ("of:=SUM([.#REF!])+1", "SUM(#REF!)+1"),
    ("of:=COUNTIFS([$'PL1'.E$5:.E$9];\"Công nhận mới\")", "COUNTIFS(PL1!E$5:E$9,\"Công nhận mới\")"),
    ("of:=SUM([.A1:.A2]~[.C1])", "SUM(A1:A2,C1)"),
])
def test_opendocument_formulas_in_excel_syntax(odf: str, excel: str) -> None:
    assert excel_formula(odf) == excel


def test_a_reference_of_unknown_shape_makes_the_formula_unknown() -> None:
    assert excel_formula("of:=[.A1 B2]") == UNKNOWN


CONTENT = b"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>
<table:table table:name="Tong &amp; hop"><table:table-column/>
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/>
<table:table-cell table:formula="of:=SUM([.A1:.B2])" office:value-type="float" office:value="3"><text:p>3</text:p>
</table:table-cell><table:covered-table-cell/><table:table-cell table:formula="of:=[.#REF!]"
 office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#REF!</text:p></table:table-cell>
</table:table-row></table:table>
<table:table table:name="B"><table:table-row><table:table-cell table:formula='of:=1+1'/></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"""


def test_opendocument_cells_are_placed_by_repeated_rows_and_columns() -> None:
    sheets = scan_ods(CONTENT)
    assert sheets["Tong & hop"].formulas == {(3, 3): "SUM(A1:B2)", (3, 5): "#REF!"}
    assert sheets["Tong & hop"].errors == {(3, 5): "#REF!"}
    assert sheets["B"].formulas == {(1, 1): "1+1"}


def test_xls_formulas_are_decoded_from_the_biff_records(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    other = book.add_sheet("Danh sách")
    main = book.add_sheet("Tổng")
    for row in range(3):
        other.write(row, 1, row + 1)
    main.write(0, 0, 5)
    main.write(1, 0, xlwt.Formula("SUM(A1:A1)+1"))
    main.write(2, 0, xlwt.Formula("ROWS('Danh sách'!B1:B3)+'Danh sách'!$B$2"))
    main.write(3, 0, xlwt.Formula('IF(TRIM(A1)="",0,LEN(A1)-2.5)'))
    main.write(4, 0, xlwt.Formula("1/0"))
    path = tmp_path / "book.xls"
    book.save(str(path))
    found = xls_formulas(path)
    assert found is not None
    assert found["Tổng"].formulas == {
        (2, 1): "SUM(A1:A1)+1",
        (3, 1): "ROWS('Danh sách'!B1:B3)+'Danh sách'!$B$2",
        (4, 1): 'IF(TRIM(A1)="",0,LEN(A1)-2.5)',
        (5, 1): "1/0",
    }
    assert found["Danh sách"].formulas == {}


def test_a_file_that_is_no_xls_gives_no_formulas_and_no_crash(tmp_path: Path) -> None:
    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert xls_formulas(path) is None


def test_an_xls_without_formulas_is_a_workbook_of_typed_values(tmp_path: Path, make_plan) -> None:
    """A plan written as plain values into .xls (xlwt) really holds constants: the rule still fires there."""
    from builders import grids_of, write_xls

    path = write_xls(tmp_path / "plan.xls", grids_of(make_plan()))
    assert "A003" in {code for code, _, _ in check_plan(path).flat()}


def test_where_a_format_hides_its_formulas_the_constant_rule_is_silent(make_plan) -> None:
    plan = read_plan(make_plan())
    assert plan.formulas_unknown == frozenset()
    blind = replace(plan, formulas_unknown=frozenset(table.sheet for table in plan.tables())
                                | {plan.summary.sheet})
    for item in (plan.school_table, *plan.budget_tables.values(), plan.timeline_table):
        item.formulas.clear()
    plan.summary.targets.formulas.clear()
    assert "constant-in-derived-cell" in {finding.name for finding in run_checks(plan)}
    assert "constant-in-derived-cell" not in {finding.name for finding in run_checks(blind)}


def test_damaged_xls_container_marks_its_grids_formula_blind(tmp_path: Path, make_plan, monkeypatch) -> None:
    from builders import grids_of, write_xls

    import chuanqg_xl.odsxls as odsxls

    path = write_xls(tmp_path / "plan.xls", grids_of(make_plan()))
    monkeypatch.setattr(odsxls, "xls_formulas", lambda _path: None)
    book = open_book(path)
    try:
        assert not book.grid(book.sheet_names[0]).formulas_known
    finally:
        book.close()
    assert "A003" not in {code for code, _, _ in check_plan(path).flat()}


# ---------------------------------------------------------------- saved again by LibreOffice


def _comparable(findings) -> list[tuple]:
    return [(f.code, f.sheet, f.cell, f.message) for f in findings]


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_samples_saved_as_ods_or_xls_check_and_recalc_like_their_xlsx_twin(libreoffice, tmp_path: Path,
                                                                            fmt: str) -> None:
    twins = libreoffice.many(SAMPLES, "xlsx")
    converted = libreoffice.many(SAMPLES, fmt)
    for sample, twin, other in zip(SAMPLES, twins, converted):
        expected = check_plan(twin)
        assert _comparable(check_plan(other).findings) == _comparable(expected.findings), sample.name
        ours = recalc_plan(twin, tmp_path / f"{sample.stem}-twin.xlsx", backup=False)
        theirs = recalc_plan(other, tmp_path / f"{sample.stem}-{fmt}.xlsx", backup=False)
        assert _comparable(theirs.before) == _comparable(ours.before), sample.name
        assert _comparable(theirs.report.findings) == _comparable(ours.report.findings), sample.name
        assert theirs.changes == ours.changes, sample.name
        assert theirs.written == ours.written
        assert _comparable(check_plan(theirs.output).findings) == _comparable(check_plan(ours.output).findings)
    formulas = open_book(converted[0])
    try:
        assert sum(len(formulas.grid(name).formulas) for name in formulas.sheet_names) > 50
    finally:
        formulas.close()
