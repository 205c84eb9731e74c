"""Consistency between sections."""
from __future__ import annotations

from conftest import codes, flat
from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan

SUM, PL1, PL2, PL3, TD = L.SUMMARY_NAME, L.SCHOOLS.name, L.BUDGET_NEW.name, L.BUDGET_RENEW.name, L.TIMELINE.name


def test_planned_count_differs_from_the_list(make_plan) -> None:
    report = check_plan(make_plan(edits={(SUM, "C6"): 2}))
    assert report.flat() == [("X001", SUM, "C6")]
    assert (report.findings[0].expected, report.findings[0].actual) == (1, 2)


def test_below_the_assigned_target_is_an_error(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.targets["Tiểu học"].update(new=2)))
    assert report.flat() == [("X002", SUM, "C6")]
    assert report.findings[0].severity == "error"


def _second_thcs_renewal(data) -> None:
    data.schools.append({"name": "THCS Lê Lợi", "level": "THCS", "kind": "Công nhận lại", "pre_invested": "Đã đầu tư",
                         "standard_level": "Mức độ 1", "accreditation_level": "Cấp độ 2", "timing": "Quý IV/2023"})
    data.batches[1].update(renew=2, total=2)
    data.tasks[1]["school_count"] = 2


def test_above_the_assigned_target_is_information(make_plan) -> None:
    report = check_plan(make_plan(_second_thcs_renewal))
    assert report.flat() == [("X003", SUM, "E7")]
    assert report.findings[0].severity == "info" and "phấn đấu thêm 1" in report.findings[0].message


def test_schools_against_a_zero_target_are_a_warning(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.targets["THCS"].update(renew=0)))
    assert report.flat() == [("X014", SUM, "D7")]   # at the typed 0 (Chỉ tiêu giao)
    assert report.findings[0].severity == "warning" and "chỉ tiêu giao là 0" in report.findings[0].message


def test_budget_in_the_wrong_appendix(make_plan) -> None:
    path = make_plan(lambda d: d.budget_renew.append({"name": "TH Kim Đồng", "item": "Sửa chữa"}))
    assert ("X004", PL3, "B6") in flat(path)


def test_school_without_budget_unless_marked_pre_invested(make_plan) -> None:
    unfunded = make_plan(lambda d: d.budget_renew.pop())
    assert ("X005", PL1, "I6") in flat(unfunded)

    def marked(data) -> None:
        data.budget_renew.pop()
        data.schools[2]["pre_invested"] = "Đã đầu tư năm 2022"

    assert "X005" not in codes(make_plan(marked))


def test_budget_line_for_a_school_not_in_the_list(make_plan) -> None:
    found = flat(make_plan(edits={(PL2, "B5"): "TH Hoa Mai"}))
    assert ("X006", PL2, "B5") in found


def test_batch_counts_against_the_list_and_their_own_parts(make_plan) -> None:
    found = flat(make_plan(lambda d: d.batches[0].update(new=2)))
    assert ("X007", SUM, "B32") in found   # 2 stated, 1 in the list
    assert ("X007", SUM, "D32") in found   # 2 + 1 ≠ 2


def test_task_count_against_the_schools_it_names(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.tasks[1].update(school_count=9)))
    assert report.flat() == [("X008", TD, "F5")]
    assert (report.findings[0].expected, report.findings[0].actual) == (1, 9)


def test_name_spelled_differently_is_matched_with_the_list_spelling(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[0].update(schools="TH Kim Đông; THCS Tây Sơn; MN Hoa Sen"))
    report = check_plan(path)
    assert report.flat() == [("X009", TD, "E4")]
    assert "TH Kim Đồng" in report.findings[0].hint


def test_the_two_tone_mark_placements_are_one_spelling(make_plan) -> None:
    def change(data) -> None:
        data.schools[0]["name"] = "TH Thuỵ Khuê"
        data.budget_new[0]["name"] = data.budget_new[1]["name"] = "TH Thụy Khuê"
        data.schools[2]["name"] = data.budget_renew[1]["name"] = "MN Hoà Bình"
        data.tasks[0]["schools"] = "TH Thụy Khuê; THCS Tây Sơn; MN Hòa Bình"

    assert flat(make_plan(change)) == []


def test_a_tone_placement_does_not_hide_a_real_variant(make_plan) -> None:
    def change(data) -> None:
        data.schools[0]["name"] = "TH Thuỵ Khuê"
        data.budget_new[0]["name"] = data.budget_new[1]["name"] = "TH Thụy Khuê"
        data.tasks[0]["schools"] = "TH Thủy Khuê; THCS Tây Sơn; MN Hoa Sen"

    assert flat(make_plan(change)) == [("X009", TD, "E4")]


def test_long_form_of_a_name_is_the_same_school(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[0].update(schools="Trường Tiểu học Kim Đồng; THCS Tây Sơn; MN Hoa Sen"))
    assert flat(path) == []


def test_school_not_in_the_list_never_merged_across_prefixes(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[0].update(schools="MN Kim Đồng; THCS Tây Sơn; MN Hoa Sen"))
    report = check_plan(path)
    assert report.flat() == [("X010", TD, "E4")]
    assert "TH Kim Đồng" in report.findings[0].message and "không ghép" in report.findings[0].message


def test_stated_figure_mismatch(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.figures.update(year_end=12)))
    assert report.flat() == [("X011", SUM, "B15")]
    assert (report.findings[0].expected, report.findings[0].actual) == (11, 12)


def test_pre_invested_school_with_budget(make_plan) -> None:
    path = make_plan(lambda d: d.schools[0].update(pre_invested="Đã đầu tư năm 2022"))
    assert flat(path) == [("X012", PL1, "I4")]


def test_ambiguous_name(make_plan) -> None:
    def two_similar(data) -> None:
        data.schools.append(dict(data.schools[0], name="TH Hương Văn", kind="Công nhận lại", timing=""))
        data.schools.append(dict(data.schools[0], name="TH Hương Vân", kind="Công nhận lại", timing=""))
        data.tasks[0]["schools"] = "TH Kim Đồng; THCS Tây Sơn; MN Hoa Sen; TH Huong Van"
        data.tasks[0]["school_count"] = 4

    assert ("X013", TD, "E4") in flat(make_plan(two_similar))


def test_a_plan_without_budget_appendices_is_not_missing_budget(make_plan) -> None:
    def no_budget(data) -> None:
        data.budget_new, data.budget_renew = [], []
        for key in ("funded_new", "funded_renew", "budget_new", "budget_renew", "budget_total", "source_province",
                    "source_district", "source_social"):
            data.figures.pop(key)

    assert flat(make_plan(no_budget)) == []


def test_the_same_school_twice_in_one_task(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[0].update(schools="TH Kim Đồng; THCS Tây Sơn; TH Kim Đồng", school_count=2))
    report = check_plan(path)
    assert report.flat() == [("V021", TD, "E4")]   # and no X008: the count compares distinct schools
    assert "TH Kim Đồng" in report.findings[0].message


def test_a_task_naming_each_school_once_is_fine_and_counts_are_still_compared(make_plan) -> None:
    assert flat(make_plan(lambda d: d.tasks[0].update(schools="TH Kim Đồng; THCS Tây Sơn"))) == [("X008", TD, "F4")]
