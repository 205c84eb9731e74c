"""Domain rules from the circulars and the plan year."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import codes, flat
from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan

SUM, PL1, TD = L.SUMMARY_NAME, L.SCHOOLS.name, L.TIMELINE.name


def test_accreditation_level_too_low(make_plan) -> None:
    path = make_plan(lambda d: d.schools[1].update(accreditation_level="Cấp độ 2"))
    assert flat(path) == [("D001", PL1, "G5")]


def test_combined_level_pair_written_as_in_the_plans(make_plan) -> None:
    ok = make_plan(lambda d: d.schools[0].update(standard_level="CĐ2-MĐ1", accreditation_level=None))
    assert flat(ok) == []


def test_upgrade_must_reach_level_2(make_plan) -> None:
    assert ("D002", PL1, "F6") in flat(make_plan(lambda d: d.schools[2].update(standard_level="Mức độ 1")))


def test_deadline_outside_the_plan_year(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[1].update(deadline=dt.date(2024, 1, 15)))
    assert flat(path) == [("D003", TD, "H5")]


def test_overdue_only_with_as_of(make_plan) -> None:
    path = make_plan()
    assert flat(path) == []
    report = check_plan(path, as_of=dt.date(2023, 12, 20))
    assert report.flat() == [("D004", TD, "H5")]
    assert "5 ngày" in report.findings[0].message
    assert check_plan(path, as_of=dt.date(2023, 12, 15)).flat() == []  # due today is not late


def test_completed_without_a_date(make_plan) -> None:
    assert flat(make_plan(lambda d: d.tasks[0].update(done_date=None))) == [("D005", TD, "J4")]


def test_completion_date_without_status(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[1].update(done_date=dt.date(2023, 12, 1)))
    assert flat(path) == [("D006", TD, "I5")]


def test_period_outside_the_plan_year(make_plan) -> None:
    assert ("D007", PL1, "H4") in flat(make_plan(lambda d: d.schools[0].update(timing="Quý III/2022")))
    assert ("D007", SUM, "A33") in flat(make_plan(lambda d: d.batches[1].update(label="Quý IV/2022")))


def test_year_end_cannot_exceed_all_schools(make_plan) -> None:
    found = flat(make_plan(lambda d: d.meta.update(total_schools=10)))
    assert ("D008", SUM, "C15") in found
    assert "D008" not in codes(make_plan())


def test_text_naming_another_years_plan(make_plan) -> None:
    stale = "Tuyên truyền Kế hoạch giai đoạn 2021 - 2025 và Kế hoạch năm 2022"
    assert flat(make_plan(lambda d: d.tasks[0].update(task=stale))) == [("D009", TD, "B4")]
    fine = "Dự kiến kế hoạch xây dựng trường đạt chuẩn năm 2024; Kế hoạch số 37/KH-UBND năm 2021"
    assert flat(make_plan(lambda d: d.tasks[0].update(task=fine))) == []


def test_deadline_before_the_plan_is_issued(make_plan) -> None:
    path = make_plan(lambda d: d.meta.update(date=dt.date(2023, 2, 10)))
    assert flat(path) == [("D010", TD, "H4")]  # 31/01/2023, before 10/02/2023
    assert flat(make_plan(lambda d: d.meta.update(date=dt.date(2023, 1, 15)))) == []


def test_stale_year_in_looser_wording(make_plan) -> None:
    task = "Hoàn thiện hồ sơ đề nghị công nhận trường đạt chuẩn quốc gia năm 2022"
    report = check_plan(make_plan(lambda d: d.tasks[0].update(task=task)))
    assert report.flat() == [("D009", TD, "B4")]
    assert "quốc gia năm 2022" in report.findings[0].message


@pytest.mark.parametrize("task", [
    "Rà soát các trường được công nhận năm 2018, hết hạn trong năm",
    "Thực hiện kế hoạch giai đoạn 2021-2025",
    "Tổng kết năm học 2022-2023",
    "Phấn đấu đạt chuẩn quốc gia năm 2025",
    "Theo Quyết định số 12/QĐ-UBND năm 2022",
])
def test_years_that_are_legitimately_other(make_plan, task: str) -> None:
    assert flat(make_plan(lambda d: d.tasks[0].update(task=task))) == []


def test_a_completion_date_years_away_from_the_plan_year(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.tasks[0].update(done_date=dt.date(2032, 1, 30))))
    assert report.flat() == [("D012", TD, "J4")]
    assert report.findings[0].severity == "error"


def test_a_deadline_early_next_year_is_only_outside_the_year(make_plan) -> None:
    assert flat(make_plan(lambda d: d.tasks[1].update(deadline=dt.date(2024, 1, 15)))) == [("D003", TD, "H5")]


def test_a_deadline_before_the_tasks_own_period(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.tasks[1].update(deadline=dt.date(2023, 5, 31))))
    assert report.flat() == [("D013", TD, "H5")]
    assert "01/10/2023" in report.findings[0].message


def test_a_deadline_inside_the_period_is_fine(make_plan) -> None:
    assert flat(make_plan(lambda d: d.tasks[1].update(deadline=dt.date(2023, 10, 15)))) == []


def test_plan_date_in_another_year(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.meta.update(date=dt.date(2022, 2, 10))))
    assert report.flat() == [("D014", L.INFO_NAME, "B10")]
    assert report.findings[0].severity == "warning"


def test_plan_signed_in_december_before_its_year(make_plan) -> None:
    assert flat(make_plan(lambda d: d.meta.update(date=dt.date(2022, 12, 28)))) == []


def test_amount_typed_in_dong_is_flagged_at_its_line(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.budget_new[1].update(district=2_800_000_000)))
    found = [f for f in report.findings if f.code == "D011"]
    assert [(f.sheet, f.cell) for f in found] == [(L.BUDGET_NEW.name, "E5")]
    assert "đồng" in found[0].message and "2.800" in found[0].message


def test_amount_that_matches_the_stated_total_once_converted(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.budget_renew[0].update(district=0.5)))   # 0,5 typed for 500
    found = [f for f in report.findings if f.code == "D011"]
    assert [(f.sheet, f.cell) for f in found] == [(L.BUDGET_RENEW.name, "E4")]
    assert "700" in found[0].message and "1.2 thay cho 1.200" in found[0].message


def test_a_small_but_ordinary_amount_is_not_implausible(make_plan) -> None:
    assert "D011" not in codes(make_plan(lambda d: d.budget_renew[1].update(social=20)))


def test_median_of_the_other_lines_equals_statistics_median() -> None:
    """D011 compares each line with the median of all the others, found by bisection instead of a list per line."""
    import random
    import statistics

    from chuanqg_xl.checks.amounts import median_without

    rng = random.Random(11)
    for size in (4, 5, 6, 7, 40, 41):
        values = [rng.choice((rng.randrange(20, 3000, 5) * 1.0, 1500.0, 0.5)) for _ in range(size)]
        ordered = sorted(values)
        for index, value in enumerate(values):
            others = values[:index] + values[index + 1:]
            assert median_without(ordered, value) == statistics.median(others), (size, index)
