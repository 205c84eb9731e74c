"""Count formulas that survive inserted and deleted rows: COUNTIFS over the list, distinct counts over the budget
appendices, each simulated on the cells (as a formula sees them) before it is written."""
from __future__ import annotations

from chuanqg_xl import layout as L
from chuanqg_xl.derive import analyse
from chuanqg_xl.listcount import MAX_DISTINCT_ROWS, ListCounter, distinct_formula, rows_counted
from chuanqg_xl.model import Table
from chuanqg_xl.reader import read_plan

SUM, PL2 = L.SUMMARY_NAME, L.BUDGET_NEW.name
Q_PL2 = "'PL2 - Kinh phí CN mới'"


def _appendix(lines: list[tuple[str, str]], total: bool = True, merged: list | None = None) -> Table:
    """PL2 with headers on row 3, the given (name, item) lines from row 4, then its total row."""
    columns = {"stt": 1, "name": 2, "item": 3, "province": 4, "total": 9}
    table = Table(L.BUDGET_NEW, PL2, 3, columns, merged=merged or [])
    for row, (name, item) in enumerate(lines, start=4):
        table.row_values[row] = [row - 3, name, item, 100.0]
        table.data_rows.append(row)
    if total:
        table.total_row = 4 + len(lines)
        table.row_values[table.total_row] = ["", "Tổng cộng", "", 100.0 * len(lines)]
    return table


def _derived(path, sheet: str, cell: str):
    return next(item for item in analyse(read_plan(path)).derived if (item.sheet, item.cell) == (sheet, cell))


# ---------------------------------------------------------------- funded schools in PL2 / PL3

def test_funded_counts_are_distinct_counts_over_the_appendix_down_to_its_total_row(make_plan) -> None:
    path = make_plan()
    new, renew = _derived(path, SUM, "C18"), _derived(path, SUM, "C19")
    assert (new.value, renew.value) == (1, 2)
    assert new.formula == (
        f'SUMPRODUCT(({Q_PL2}!$B$4:$B$6<>"")*({Q_PL2}!$C$4:$C$6<>"")/(COUNTIFS({Q_PL2}!$B$4:$B$6,{Q_PL2}!$B$4:$B$6&"",'
        f'{Q_PL2}!$C$4:$C$6,"<>")+({Q_PL2}!$B$4:$B$6="")+({Q_PL2}!$C$4:$C$6="")))')
    assert renew.formula.startswith("SUMPRODUCT(('PL3 - Kinh phí CN lại'!$B$4:$B$6<>\"\")")


def test_a_school_written_two_ways_is_counted_by_its_rows() -> None:
    """Excel would see 'TH Kim Đồng' and 'Trường Tiểu học Kim Đồng' as two schools; the tool sees one."""
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("Trường Tiểu học Kim Đồng", "Nhà vệ sinh")])
    assert distinct_formula(table, [[4, 5]]) == f"ROWS({Q_PL2}!B4)"
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("TH KIM ĐỒNG", "Nhà vệ sinh"), ("MN Hoa Sen", "Bếp")])
    assert distinct_formula(table, [[4, 5], [6]]).startswith("SUMPRODUCT(")   # case aside, Excel agrees


def test_names_excel_would_not_read_as_plain_text_fall_back_to_rows() -> None:
    for name in ("TH Kim Đồng*", "TH ~Sao", "=TH A", "2023", "TRUE", "#N/A", "X" * 256):
        table = _appendix([(name, "Phòng học"), ("MN Hoa Sen", "Bếp")])
        assert distinct_formula(table, [[4], [5]]) == f"ROWS({Q_PL2}!B4:B5)", name


def test_rows_that_are_no_school_line_or_hold_an_error_fall_back_to_rows() -> None:
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("MN Hoa Sen", "Bếp")])
    table.row_values[6][2] = "ghi chú"                      # the total row holds an item: SUMPRODUCT would count it
    assert distinct_formula(table, [[4], [5]]).startswith("ROWS(")
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("MN Hoa Sen", "#REF!")])
    assert distinct_formula(table, [[4], [5]]).startswith("ROWS(")
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("TH Kim Đồng", "")])
    assert distinct_formula(table, [[4, 5]]).startswith("SUMPRODUCT(")   # a line without item: its school has one
    assert distinct_formula(_appendix([("TH Kim Đồng", "")]), [[4]]) == f"ROWS({Q_PL2}!B4)"


def test_a_name_merged_down_its_lines_is_read_as_a_formula_sees_it() -> None:
    """The reader fills a merged name into every line; to COUNTIFS only the first cell holds it."""
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("TH Kim Đồng", "Nhà vệ sinh"), ("MN Hoa Sen", "Bếp")],
                      merged=[(4, 2, 5, 2)])
    assert distinct_formula(table, [[4, 5], [6]]).startswith("SUMPRODUCT(")
    # The item merged over two schools' lines: the second school has no item a formula can see.
    table = _appendix([("TH Kim Đồng", "Thiết bị"), ("MN Hoa Sen", "Thiết bị")], merged=[(4, 3, 5, 3)])
    assert distinct_formula(table, [[4], [5]]) == f"ROWS({Q_PL2}!B4:B5)"


def test_a_huge_appendix_gets_rows_not_a_quadratic_formula() -> None:
    lines = [(f"TH Số {n}", "Phòng học") for n in range(MAX_DISTINCT_ROWS)]
    assert distinct_formula(_appendix(lines), [[row] for row in range(4, 4 + MAX_DISTINCT_ROWS)]).startswith("ROWS(")
    assert ListCounter(_appendix(lines)).sumifs([4], "name", "total") is None
    assert distinct_formula(_appendix(lines[:-1]), [[row] for row in range(4, 3 + MAX_DISTINCT_ROWS)]) \
        .startswith("SUMPRODUCT(")
    assert ListCounter(_appendix(lines[:-1])).sumifs([4], "name", "total").startswith("SUMIFS(")


# ---------------------------------------------------------------- the list

def test_a_level_merged_over_several_schools_is_not_counted_by_countifs() -> None:
    """COUNTIFS sees 'Tiểu học' in the first cell of the merge only: ROWS() over the schools instead."""
    columns = {"stt": 1, "name": 2, "level": 3, "kind": 5}
    table = Table(L.SCHOOLS, L.SCHOOLS.name, 3, columns, merged=[(4, 3, 5, 3)])
    for row, name in ((4, "TH A"), (5, "TH B"), (6, "MN C")):
        level = "Mầm non" if name.startswith("MN") else "Tiểu học"
        table.row_values[row] = [row - 3, name, level, "", "Công nhận mới"]
        table.data_rows.append(row)
    counter = ListCounter(table)
    assert counter.formula([4, 5], {"level": ("Tiểu học",)}) == "ROWS('PL1 - Danh sách trường'!B4:B5)"
    assert counter.formula([6], {"level": ("Mầm non",)}).startswith("COUNTIFS(")
    table.merged = []
    assert ListCounter(table).formula([4, 5], {"level": ("Tiểu học",)}).startswith("COUNTIFS(")


def test_a_task_naming_two_batches_counts_each_with_countifs(make_plan) -> None:
    path = make_plan(change=lambda d: d.tasks[1].update(schools="Quý III/2023; Quý IV/2023"))
    item = _derived(path, L.TIMELINE.name, "G5")
    assert item.value == 3
    assert item.formula.count("COUNTIFS(") == 2 and "ROWS(" not in item.formula
    # Groups with a school in common are counted once each: ROWS() over their union.
    path = make_plan(change=lambda d: d.tasks[1].update(schools="Quý IV/2023; Các trường công nhận lại"))
    item = _derived(path, L.TIMELINE.name, "G5")
    assert item.value == 2 and item.formula == "ROWS('PL1 - Danh sách trường'!B5:B6)"


# ---------------------------------------------------------------- ROWS() counts found in a file

def test_rows_counted_reads_the_sheet_the_rows_and_the_deleted_parts() -> None:
    found = rows_counted("=ROWS('PL1 - Danh sách trường'!B4)+ROWS('PL1 - Danh sách trường'!$B$7:$B$9)")
    assert (found.sheet, sorted(found.rows), found.deleted) == ("PL1 - Danh sách trường", [4, 7, 8, 9], 0)
    found = rows_counted(f"ROWS({Q_PL2}!#REF!)+ROWS({Q_PL2}!B8)")
    assert (found.sheet, sorted(found.rows), found.deleted) == (PL2, [8], 1)
    found = rows_counted("ROWS(#REF!)+ROWS(PL3!B5)")
    assert (found.sheet, found.deleted) == ("PL3", 1)
    assert rows_counted("ROWS(#REF!)") is None                       # no sheet left to say where
    assert rows_counted(f"ROWS({Q_PL2}!B4)+ROWS(PL3!B5)") is None     # two sheets
    assert rows_counted("ROWS(PL3!B5:C6)") is None                    # not one column
    assert rows_counted("SUM(PL3!B5)") is None and rows_counted(None) is None


# ---------------------------------------------------------------- each school's budget in the list

def test_a_schools_budget_adds_its_lines_by_name_with_sumifs(make_plan) -> None:
    item = _derived(make_plan(), L.SCHOOLS.name, "J4")
    assert item.value == 1500
    assert item.formula == f'SUMIFS({Q_PL2}!$I$4:$I$6,{Q_PL2}!$B$4:$B$6,"TH Kim Đồng")'
    # Lines in both appendices (a slip, but the sum is still the school's): one SUMIFS each.
    item = _derived(make_plan(change=lambda d: d.budget_renew.append({"name": "TH Kim Đồng", "item": "Sân chơi",
                                                                      "district": 5})), L.SCHOOLS.name, "J4")
    assert item.value == 1505 and item.formula.count("SUMIFS(") == 2


def test_a_schools_budget_written_two_ways_adds_its_cells() -> None:
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("Trường Tiểu học Kim Đồng", "Nhà vệ sinh")])
    assert ListCounter(table).sumifs([4, 5], "name", "total") == (     # one SUMIFS per text the lines hold
        f'SUMIFS({Q_PL2}!$I$4:$I$6,{Q_PL2}!$B$4:$B$6,"TH Kim Đồng")'
        f'+SUMIFS({Q_PL2}!$I$4:$I$6,{Q_PL2}!$B$4:$B$6,"Trường Tiểu học Kim Đồng")')
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("TH Kim Đồng", "Nhà vệ sinh")], merged=[(4, 2, 5, 2)])
    assert ListCounter(table).sumifs([4, 5], "name", "total") is None   # B5 is empty to SUMIFS
    table = _appendix([("TH Kim Đồng", "Phòng học"), ("TH KIM ĐỒNG", "Nhà vệ sinh")])
    assert ListCounter(table).sumifs([4], "name", "total") is None     # SUMIFS would add row 5 too
