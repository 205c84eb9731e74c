"""export_months: the months a timeline task spans."""
from __future__ import annotations

import datetime as dt

import pytest

from chuanqg_xl.export_months import month_ordinal, ordinal_month, task_months, time_months
from chuanqg_xl.reader import read_plan


@pytest.mark.parametrize(("written", "expected"), [
    ("Tháng 5,6/2023", [(2023, 5), (2023, 6)]),
    ("Tháng 3, 9/2023", [(2023, 3), (2023, 9)]),
    ("Quý II/2024", [(2024, 4), (2024, 5), (2024, 6)]),
    ("Từ tháng 3 đến tháng 5/2024", [(2024, 3), (2024, 4), (2024, 5)]),
    ("Tháng 11/2023 - Tháng 1/2024", [(2023, 11), (2023, 12), (2024, 1)]),
    ("Tháng 3 tới tháng 5", [(2023, 3), (2023, 4), (2023, 5)]),
    ("Tháng 3 - 5 (năm 2024)", [(2024, 3), (2024, 4), (2024, 5)]),
    ("Quý III, IV/2023", [(2023, month) for month in range(7, 13)]),
    ("Đợt 1 (tháng 3/2024)", [(2024, 3)]),
    ("Trước 31/01/2024", [(2024, 1)]),
    ("Tháng 7", [(2023, 7)]),
    ("Cả năm", [(2023, month) for month in range(1, 13)]),
    ("", []),
    ("Khi có văn bản", []),
])
def test_time_months(written: str, expected: list[tuple[int, int]]) -> None:
    assert time_months(written, 2023) == expected


def test_task_span_runs_to_the_deadline(make_plan) -> None:
    plan = read_plan(make_plan())
    task = plan.tasks[1]                     # Quý IV/2023, due 15/12/2023
    assert task_months(task, 2023) == [(2023, 10), (2023, 11), (2023, 12)]
    task.time, task.deadline = "Tháng 3/2023", dt.date(2023, 5, 20)
    assert task_months(task, 2023) == [(2023, 3), (2023, 4), (2023, 5)]
    task.time = ""
    assert task_months(task, 2023) == [(2023, 5)]


def test_month_ordinals_cross_the_year_end() -> None:
    assert month_ordinal((2024, 1)) - month_ordinal((2023, 12)) == 1
    assert ordinal_month(month_ordinal((2023, 12)) + 1) == (2024, 1)
