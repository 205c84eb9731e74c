"""Arithmetic: typed totals, incomplete SUM ranges, constants where formulas belong."""
from __future__ import annotations

from conftest import flat
from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan

SUM, PL1, PL2 = L.SUMMARY_NAME, L.SCHOOLS.name, L.BUDGET_NEW.name


def test_typed_total_that_differs(make_plan) -> None:
    path = make_plan(edits={(PL2, "I6"): 1000})
    report = check_plan(path)
    assert report.flat() == [("A001", PL2, "I6")]
    finding = report.findings[0]
    assert (finding.expected, finding.actual) == (1500, 1000)
    assert "1.500" in finding.message and "1.000" in finding.message


def test_a_wrong_line_total_cascades_to_its_consumers(make_plan) -> None:
    found = flat(make_plan(edits={(PL2, "D4"): 2000}))  # a new amount; derived cells still hold old values
    for cell in ((PL2, "I4"), (PL2, "D6"), (PL2, "I6"), (PL1, "J4"), (PL1, "J7"), (SUM, "C20"), (SUM, "C22")):
        assert ("A001", *cell) in found
    assert ("X011", SUM, "B20") in found   # the plan's stated PL2 total no longer matches


def test_sum_range_that_leaves_out_rows(make_plan) -> None:
    path = make_plan(edits={(PL2, "I6"): "=SUM(I4:I4)"})
    found = flat(path)
    assert ("A002", PL2, "I6") in found
    message = next(f.message for f in check_plan(path).findings if f.code == "A002")
    assert "5" in message and "=SUM(I4:I4)" in message


def test_sum_range_covering_the_table_is_fine(make_plan) -> None:
    path = make_plan(edits={(PL2, "I6"): "=SUM(I4:I5)"})
    assert "A002" not in {code for code, _, _ in flat(path)}


def test_typed_constant_where_a_formula_belongs(make_plan) -> None:
    assert flat(make_plan(edits={(PL2, "I6"): 1500})) == [("A003", PL2, "I6")]


def test_rate_compared_to_two_decimals(make_plan) -> None:
    assert flat(make_plan(edits={(SUM, "C16"): "55,00 %"})) == [("A003", SUM, "C16")]
    assert ("A001", SUM, "C16") in flat(make_plan(edits={(SUM, "C16"): 0.56}))


def test_derived_cell_showing_an_error_is_the_formula_error_rule(make_plan, tmp_path) -> None:
    from chuanqg_xl.recalc import recalc_plan

    path = make_plan(edits={(PL1, "J7"): ("=SUM(#REF!)", "#REF!"), (PL2, "I6"): ("=SUM(I4:I5)/0", "#VALUE!")})
    report = check_plan(path)
    assert sorted(report.flat()) == [("V015", PL1, "J7"), ("V015", PL2, "I6")]
    on_j7 = next(f for f in report.findings if f.cell == "J7")
    assert {f.severity for f in report.findings} == {"error"} and on_j7.actual == "#REF!"
    assert "recalc" in on_j7.message
    result = recalc_plan(path, tmp_path / "out.xlsx")
    assert result.report.flat() == [] and check_plan(result.output).flat() == []


def test_no_a003_where_the_formula_would_be_too_long_for_excel(make_plan, monkeypatch) -> None:
    """A count over very many scattered rows is written as a constant; a later check must not flag it."""
    from chuanqg_xl import formulas
    from chuanqg_xl.recalc import recalc_plan

    path = make_plan(edits={(SUM, "C14"): 999})
    monkeypatch.setattr(formulas, "MAX_FORMULA_CHARS", 12)   # every ROWS(…)+ROWS(…) is now "too long"
    out = path.with_name("da-tinh.xlsx")
    recalc_plan(path, output=out)
    assert flat(path) and ("A001", SUM, "C14") in flat(path)
    assert not [item for item in flat(out) if item[0] in ("A001", "A003")]


PL1_ROWS = "ROWS('PL1 - Danh sách trường'!{})"


def test_a_rows_count_that_covers_an_inserted_row_is_a_stale_formula(make_plan) -> None:
    """A blank row inserted in the list: Excel widened ROWS(B4:B4) to ROWS(B4:B5)… and its totals followed."""
    report = check_plan(make_plan(edits={
        (SUM, "C6"): ("=" + PL1_ROWS.format("B4") + "+" + PL1_ROWS.format("B7:B7"), 2),
        (SUM, "C10"): ("=SUM(C5,C6,C7,C8,C9)", 2),
        (SUM, "I6"): ("=SUM(C6,E6,G6)", 2),
    }))
    assert report.flat() == [("A004", SUM, "C6"), ("A004", SUM, "I6"), ("A004", SUM, "C10")]
    first = next(f for f in report.findings if f.cell == "C6")
    assert first.severity == "warning" and "một dòng đã được chèn vào danh sách" in first.message
    assert "recalc sẽ viết lại" in first.message
    consequence = next(f for f in report.findings if f.cell == "C10")
    assert "Tổng hợp!C6" in consequence.message


def test_a_rows_count_over_other_schools_says_the_list_changed(make_plan) -> None:
    report = check_plan(make_plan(edits={(SUM, "C6"): ("=" + PL1_ROWS.format("B4:B5"), 2),
                                         (SUM, "C10"): ("=SUM(C5,C6,C7,C8,C9)", 2)}))
    assert sorted(report.flat()) == [("A004", SUM, "C10"), ("A004", SUM, "C6")]
    assert "trước khi danh sách thay đổi" in next(f for f in report.findings if f.cell == "C6").message


def test_a_right_rows_count_is_no_finding_and_a_wrong_typed_count_is_still_an_error(make_plan) -> None:
    assert check_plan(make_plan(edits={(SUM, "C6"): ("=" + PL1_ROWS.format("B4"), 1)})).flat() == []
    assert check_plan(make_plan(edits={(SUM, "C6"): ("=1+1", 2)})).flat()[0][:1] == ("X001",)


PL3 = L.BUDGET_RENEW.name
PL3_ROWS = "ROWS('PL3 - Kinh phí CN lại'!{})"


def test_a_funded_count_over_an_inserted_appendix_row_is_a_stale_formula_not_a_wrong_total(make_plan) -> None:
    """An older file counted PL3's schools with ROWS(B4:B5); a row inserted in PL3 widened it to B4:B6."""
    report = check_plan(make_plan(edits={(SUM, "C19"): ("=" + PL3_ROWS.format("B4:B6"), 3)}))
    assert report.flat() == [("A004", SUM, "C19")]
    finding = report.findings[0]
    assert finding.severity == "warning" and (finding.expected, finding.actual) == (2, 3)
    assert "một dòng đã được chèn vào phụ lục" in finding.message and "PL3 - Kinh phí CN lại" in finding.message
    assert "recalc sẽ viết lại" in finding.message


def test_a_funded_count_over_rows_chosen_before_the_appendix_changed(make_plan) -> None:
    report = check_plan(make_plan(edits={(SUM, "C19"): ("=" + PL3_ROWS.format("B5"), 1)}))
    assert report.flat() == [("A004", SUM, "C19")]
    assert "trước khi 'PL3 - Kinh phí CN lại' thay đổi" in report.findings[0].message


def test_a_count_that_lost_a_deleted_row_is_a_stale_formula_not_a_formula_error(make_plan) -> None:
    """Excel turns ROWS('PL3'!B4) into ROWS('PL3'!#REF!) when row 4 is deleted: the count shows #REF!."""
    report = check_plan(make_plan(edits={
        (SUM, "C19"): ("=ROWS('PL3 - Kinh phí CN lại'!#REF!)+" + PL3_ROWS.format("B5"), "#REF!")}))
    assert report.flat() == [("A004", SUM, "C19")]
    finding = report.findings[0]
    assert finding.severity == "warning" and finding.actual == "#REF!"
    assert "đã bị xóa khỏi 'PL3 - Kinh phí CN lại'" in finding.message


def test_a_deleted_school_row_in_the_list_count_and_the_totals_showing_its_error(make_plan) -> None:
    """The count lost its row; the totals that add it show #REF! too: consequences, linked to the count."""
    report = check_plan(make_plan(edits={
        (SUM, "C6"): ("=ROWS(#REF!)+" + PL1_ROWS.format("B7"), "#REF!"),
        (SUM, "C10"): ("=SUM(C5,C6,C7,C8,C9)", "#REF!"),
        (SUM, "I6"): ("=SUM(C6,E6,G6)", "#REF!"),
    }))
    assert report.flat() == [("A004", SUM, "C6"), ("A004", SUM, "I6"), ("A004", SUM, "C10")]
    assert {f.severity for f in report.findings} == {"warning"}
    assert [f.caused_by for f in report.findings] == [None, ("A004", SUM, "C6"), ("A004", SUM, "C6")]
    assert "Tổng hợp!C6" in report.findings[-1].message


def test_other_error_values_and_rows_counts_over_other_sheets_stay_what_they_were(make_plan) -> None:
    # SUM(#REF!) is no count: the formula-error rule, an error.
    report = check_plan(make_plan(edits={(SUM, "C19"): ("=SUM(#REF!)", "#REF!")}))
    assert report.flat() == [("V015", SUM, "C19")] and report.findings[0].severity == "error"
    # A ROWS() count over the timeline is not a count of the list or an appendix: a wrong figure.
    assert check_plan(make_plan(edits={(SUM, "C19"): ("=ROWS('Tiến độ'!B4:B6)", 3)})).flat() == [
        ("A001", SUM, "C19")]


def test_a_lost_row_as_libreoffice_writes_it_back_is_still_a_stale_count(make_plan) -> None:
    """LibreOffice reads Excel's 'PL2 - …'!#REF! and saves it lower-cased, showing #VALUE!: same finding."""
    report = check_plan(make_plan(edits={(SUM, "C18"): ("=ROWS('pl2 - kinh phí cn mới'!#ref!)", "#VALUE!")}))
    assert report.flat() == [("A004", SUM, "C18")]
    assert "'PL2 - Kinh phí CN mới'" in report.findings[0].message and report.findings[0].actual == "#VALUE!"
