"""Structure and values: one workbook that trips each rule, one near miss that does not."""
from __future__ import annotations

import unicodedata

from conftest import codes, flat
from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan
from chuanqg_xl.reader import read_plan

INFO, SUM, PL1, PL2, PL3, TD = L.INFO_NAME, L.SUMMARY_NAME, L.SCHOOLS.name, L.BUDGET_NEW.name, L.BUDGET_RENEW.name, \
    L.TIMELINE.name


def test_baseline_plan_has_no_findings(make_plan) -> None:
    assert flat(make_plan()) == []
    assert flat(make_plan(derived=False)) == []


def test_missing_required_value(make_plan) -> None:
    assert flat(make_plan(edits={(INFO, "B4"): None})) == [("V001", INFO, "B4")]
    path = make_plan(lambda d: d.budget_new[1].update(item=None))
    assert flat(path) == [("V001", PL2, "C5")]


def test_level_missing_and_not_inferable_is_required(make_plan) -> None:
    path = make_plan(lambda d: d.schools[0].update(name="Kim Đồng", level=None))
    assert ("V001", PL1, "C4") in flat(path)
    inferred = make_plan(lambda d: d.schools[0].update(level=None))  # "TH Kim Đồng" tells the level
    assert "V001" not in codes(inferred) and "V006" not in codes(inferred)


def test_value_not_in_vocabulary_suggests(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[0].update(status="Hoàn thàn"))
    report = check_plan(path)
    assert report.flat() == [("V002", TD, "I4")]
    assert "Hoàn thành" in report.findings[0].hint
    near = make_plan(lambda d: d.tasks[0].update(status="xong"))  # a known synonym
    assert "V002" not in codes(near)


def test_a_diacritic_slip_in_a_dropdown_value_is_read_and_noted_at_its_cell(make_plan) -> None:
    path = make_plan(lambda d: (d.schools[0].update(kind="Công nhân mới", level="Tiêu học"),
                                d.tasks[0].update(status="Hoàn thanh")))
    report = check_plan(path)
    assert sorted(report.flat()) == [("V022", PL1, "C4"), ("V022", PL1, "E4"), ("V022", TD, "I4")]
    assert {f.severity for f in report.findings} == {"info"} and report.exit_code == 0
    on_kind = next(f for f in report.findings if f.cell == "E4")
    assert "'Công nhân mới'" in on_kind.message and "'Công nhận mới'" in on_kind.hint
    plan = read_plan(path)
    assert (plan.schools[0].kind, plan.schools[0].level) == (L.KIND_NEW, "Tiểu học")   # still read as meant


def test_the_same_spelling_in_another_form_is_no_diacritic_slip(make_plan) -> None:
    for kind in ("CÔNG NHẬN MỚI", "Cong nhan moi", unicodedata.normalize("NFD", "Công nhận mới"), "CN lần đầu"):
        assert "V022" not in codes(make_plan(lambda d, kind=kind: d.schools[0].update(kind=kind))), kind
    assert "V022" not in codes(make_plan(lambda d: d.tasks[0].update(status="Hòan thành")))   # tone placement


def test_a_diacritic_slip_excel_no_longer_counts_explains_the_summary(make_plan) -> None:
    """In Excel the old COUNTIFS(…,"Công nhận mới") stops counting the slipped cell: the summary's count is then
    off, and that finding follows the note at the cell that caused it."""
    path = make_plan(edits={(PL1, "E4"): "Công nhân mới", (SUM, "C6"): (
        "=COUNTIFS('PL1 - Danh sách trường'!$C$4:$C$7,\"Tiểu học\",'PL1 - Danh sách trường'!$E$4:$E$7,"
        "\"Công nhận mới\")", 0)})
    report = check_plan(path)
    first = report.findings[0]
    assert (first.code, first.sheet, first.cell) == ("V022", PL1, "E4")
    assert ("X001", SUM, "C6") in report.flat()
    assert all(f.caused_by == ("V022", PL1, "E4") for f in report.findings[1:])


def test_number_stored_as_text(make_plan) -> None:
    assert flat(make_plan(edits={(TD, "F4"): "03"})) == [("V003", TD, "F4")]
    assert "V003" not in codes(make_plan(edits={(TD, "F4"): 3}))


def test_text_in_number_column(make_plan) -> None:
    assert flat(make_plan(edits={(PL2, "G5"): "chưa có"})) == [("V004", PL2, "G5")]


def test_duplicate_school_but_not_across_prefixes(make_plan) -> None:
    twice = make_plan(lambda d: d.schools.append(dict(d.schools[0], kind="Công nhận lại", timing="")))
    assert ("V005", PL1, "B7") in flat(twice)
    other_level = make_plan(lambda d: d.schools.append(dict(d.schools[0], name="MN Kim Đồng", level="Mầm non")))
    assert "V005" not in codes(other_level)


def test_level_contradicts_name(make_plan) -> None:
    path = make_plan(lambda d: d.schools[1].update(level="Tiểu học"))
    assert ("V006", PL1, "C5") in flat(path)


def test_untidy_text_reported_once_per_column(make_plan) -> None:
    path = make_plan(edits={(PL1, "D4"): "Phường  Một", (PL1, "D5"): "Phường  Hai",
                            (PL1, "K4"): unicodedata.normalize("NFD", "Đã rà soát")})
    assert flat(path) == [("V007", PL1, "D4"), ("V007", PL1, "K4")]
    report = check_plan(path)
    assert "2 ô" in report.findings[0].message


def test_invalid_date(make_plan) -> None:
    assert flat(make_plan(edits={(TD, "H4"): "cuối tháng"})) == [("V008", TD, "H4")]


def test_negative_amount(make_plan) -> None:
    assert ("V009", PL2, "D4") in flat(make_plan(edits={(PL2, "D4"): -1000}))


def test_number_out_of_range(make_plan) -> None:
    assert ("V010", PL2, "G4") in flat(make_plan(edits={(PL2, "G4"): 1e300}))


def test_row_below_total(make_plan) -> None:
    path = make_plan(edits={(PL2, "B7"): "TH Kim Đồng", (PL2, "C7"): "Sân chơi", (PL2, "D7"): 5})
    assert flat(path) == [("V011", PL2, "B7")]


def test_text_number_not_summed(make_plan) -> None:
    found = flat(make_plan(edits={(PL2, "D4"): "1.000"}))
    assert ("V012", PL2, "D4") in found
    assert ("A001", PL2, "I4") in found  # the line total Excel shows leaves the 1.000 out


def test_stt_out_of_sequence(make_plan) -> None:
    assert flat(make_plan(edits={(PL1, "A5"): 5})) == [("V013", PL1, "A5")]
    assert flat(make_plan(edits={(PL1, "A5"): 2})) == []  # typed, but right


def test_date_stored_as_text(make_plan) -> None:
    assert flat(make_plan(edits={(TD, "H4"): "31/01/2023"})) == [("V014", TD, "H4")]


def test_formula_error_value_in_a_typed_cell(make_plan) -> None:
    assert flat(make_plan(edits={(PL1, "K4"): "#REF!"})) == [("V015", PL1, "K4")]


def test_formulas_without_cached_values(make_plan) -> None:
    assert flat(make_plan(edits={(PL1, "K4"): "=1+1"})) == [("V016", None, None)]


def test_unreadable_period(make_plan) -> None:
    assert flat(make_plan(edits={(SUM, "A32"): "Cuối năm"})) == [("V017", SUM, "A32")]


def test_school_list_separated_by_commas(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[0].update(schools="TH Kim Đồng, THCS Tây Sơn, MN Hoa Sen", school_count=3))
    found = flat(path)
    assert ("V018", TD, "E4") in found
    assert ("X008", TD, "F4") in found   # the ';' count sees one school where the task says three


def test_same_budget_item_twice_for_one_school(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.budget_new[1].update(item="Phòng học bộ môn")))
    assert report.flat() == [("V019", PL2, "C5")]
    assert "dòng 4" in report.findings[0].message and "1.300" in report.findings[0].message


def test_same_item_for_two_schools_is_no_duplicate(make_plan) -> None:
    def change(data) -> None:
        data.budget_renew[0]["item"] = data.budget_renew[1]["item"] = "Thiết bị dạy học"

    assert flat(make_plan(change)) == []


def test_budget_line_with_an_item_and_no_amount(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.budget_renew[1].update(social=None)))
    assert ("V020", PL3, "D5") in report.flat()
    assert "MN Hoa Sen" in next(f for f in report.findings if f.code == "V020").message


def test_a_line_with_an_amount_of_zero_has_an_amount(make_plan) -> None:
    assert "V020" not in codes(make_plan(lambda d: d.budget_renew[1].update(social=0)))
