"""Progress report: categories, days late, inferred deadlines, per lead unit; text, JSON and xlsx faces."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chuanqg_xl import layout as L
from chuanqg_xl.cli import main
from chuanqg_xl.errors import PlanError
from chuanqg_xl.grid import open_book
from chuanqg_xl.status import classify, end_of_period, progress_status, write_status

AS_OF = dt.date(2023, 6, 30)
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OFFICE, BOARD = "Phòng GD&ĐT", "Ban chỉ đạo"


def _task(time: str, task: str, lead: str, deadline: dt.date | None = None, status: str | None = None,
          done_date: dt.date | None = None) -> dict[str, object]:
    return {"time": time, "task": task, "lead": lead, "deadline": deadline, "status": status, "done_date": done_date}


# One task per category, plus a late completion and a deadline taken from the time column.
TASKS = [
    _task("Tháng 1/2023", "Rà soát điều kiện", OFFICE, dt.date(2023, 1, 31), "Hoàn thành", dt.date(2023, 1, 30)),
    _task("Tháng 2/2023", "Khảo sát cơ sở vật chất", OFFICE, dt.date(2023, 2, 28), "Hoàn thành",
          dt.date(2023, 3, 10)),
    _task("Tháng 4/2023", "Hoàn thiện hồ sơ", OFFICE, dt.date(2023, 4, 30), "Đang thực hiện"),
    _task("Tháng 5/2023", "Họp Ban chỉ đạo quý II", BOARD, dt.date(2023, 5, 31)),
    _task("Tháng 7/2023", "Đón đoàn kiểm tra", OFFICE, dt.date(2023, 7, 20)),
    _task("Quý IV/2023", "Gửi hồ sơ đề nghị công nhận", OFFICE, dt.date(2023, 11, 30), "Đang thực hiện"),
    _task("Tháng 12/2023", "Tổng kết năm", BOARD, dt.date(2023, 12, 20)),
    _task("Tháng 3/2023", "Tiến hành thủ tục mời thầu", "Phòng TC-KH"),
    _task("Thường xuyên", "Tuyên truyền", ""),
]


@pytest.fixture
def timeline(make_plan) -> Path:
    return make_plan(lambda data: setattr(data, "tasks", [dict(task) for task in TASKS]))


@pytest.mark.parametrize("time, year, expected", [
    ("trước 31/01/2024", None, dt.date(2024, 1, 31)),
    ("Tháng 5,6/2023", None, dt.date(2023, 6, 30)),
    ("Tháng 2/2024", None, dt.date(2024, 2, 29)),
    ("Tháng 12 năm 2023", None, dt.date(2023, 12, 31)),
    ("Quý III/2023", None, dt.date(2023, 9, 30)),
    ("Quý IV", 2023, dt.date(2023, 12, 31)),
    ("Đợt 1 (tháng 3/2024)", None, dt.date(2024, 3, 31)),
    ("6 tháng đầu năm", 2024, dt.date(2024, 6, 30)),
    ("Tháng 7", 2023, dt.date(2023, 7, 31)),
    ("Tháng 7", None, None),
    ("Thường xuyên", 2023, None),
    ("Đợt 2", 2023, None),
    ("", 2023, None),
])
def test_end_of_period(time: str, year: int | None, expected: dt.date | None) -> None:
    assert end_of_period(time, year) == expected


@pytest.mark.parametrize("deadline, status, done_date, expected", [
    (dt.date(2023, 6, 1), "Hoàn thành", None, ("done", None, None)),
    (dt.date(2023, 6, 1), None, dt.date(2023, 6, 11), ("done", 10, None)),
    (dt.date(2023, 6, 1), "Hoàn thành", dt.date(2023, 7, 5), ("overdue", 29, None)),  # not yet done on 30/06
    (dt.date(2023, 6, 29), "Đang thực hiện", None, ("overdue", 1, None)),
    (dt.date(2023, 6, 30), None, None, ("due_soon", None, 0)),
    (dt.date(2023, 7, 30), None, None, ("due_soon", None, 30)),
    (dt.date(2023, 7, 31), None, None, ("not_due", None, 31)),
    (dt.date(2023, 7, 31), "Đang thực hiện", None, ("in_progress", None, 31)),
    (None, "Đang thực hiện", None, ("in_progress", None, None)),
    (None, None, None, ("no_deadline", None, None)),
])
def test_classify(deadline, status, done_date, expected) -> None:
    assert classify(deadline, status, done_date, AS_OF) == expected


def test_the_due_soon_horizon_is_the_callers() -> None:
    in_fifty_days = dt.date(2023, 8, 19)
    assert classify(in_fifty_days, None, None, AS_OF) == ("not_due", None, 50)
    assert classify(in_fifty_days, None, None, AS_OF, horizon_days=60) == ("due_soon", None, 50)
    assert classify(dt.date(2023, 7, 5), None, None, AS_OF, horizon_days=3) == ("not_due", None, 5)


def test_within_widens_the_report(timeline: Path) -> None:
    """Quý IV's task (due 30/11, 153 days on) and the year-end one (173 days) enter a 160-day window one by one."""
    default = progress_status(timeline, AS_OF)
    wide = progress_status(timeline, AS_OF, horizon_days=160)
    assert [task.task for task in default.of("due_soon")] == ["Đón đoàn kiểm tra"]
    assert [task.task for task in wide.of("due_soon")] == ["Đón đoàn kiểm tra", "Gửi hồ sơ đề nghị công nhận"]
    result = CliRunner().invoke(main, ["status", str(timeline), "--as-of", "2023-06-30", "--within", "160",
                                       "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    shown = json.loads(result.output)
    assert json.dumps(shown, sort_keys=True) == json.dumps(json.loads(wide.to_json()), sort_keys=True)


def test_categories_days_and_inferred_deadlines(timeline: Path) -> None:
    report = progress_status(timeline, AS_OF)
    by_task = {task.task: task for task in report.tasks}
    assert {name: task.category for name, task in by_task.items()} == {
        "Rà soát điều kiện": "done",
        "Khảo sát cơ sở vật chất": "done",
        "Hoàn thiện hồ sơ": "overdue",
        "Họp Ban chỉ đạo quý II": "overdue",
        "Đón đoàn kiểm tra": "due_soon",
        "Gửi hồ sơ đề nghị công nhận": "in_progress",
        "Tổng kết năm": "not_due",
        "Tiến hành thủ tục mời thầu": "overdue",
        "Tuyên truyền": "no_deadline",
    }
    assert by_task["Hoàn thiện hồ sơ"].days_late == 61
    assert by_task["Họp Ban chỉ đạo quý II"].days_late == 30
    assert by_task["Khảo sát cơ sở vật chất"].days_late == 10       # finished ten days after its deadline
    assert by_task["Đón đoàn kiểm tra"].days_left == 20
    inferred = by_task["Tiến hành thủ tục mời thầu"]
    assert (inferred.deadline, inferred.deadline_inferred, inferred.days_late) == (dt.date(2023, 3, 31), True, 91)
    assert not by_task["Hoàn thiện hồ sơ"].deadline_inferred
    # The longest overdue comes first.
    assert [task.task for task in report.of("overdue")] == [
        "Tiến hành thủ tục mời thầu", "Hoàn thiện hồ sơ", "Họp Ban chỉ đạo quý II"]
    assert report.tasks[0].cell == "B11" and report.tasks[0].sheet == L.TIMELINE.name


def test_per_lead_unit(timeline: Path) -> None:
    report = progress_status(timeline, AS_OF)
    leads = {lead.lead: lead for lead in report.by_lead}
    assert set(leads) == {OFFICE, BOARD, "Phòng TC-KH", "(chưa ghi đơn vị chủ trì)"}
    office = leads[OFFICE]
    assert (office.total, office.counts["done"], office.counts["overdue"], office.counts["due_soon"],
            office.counts["in_progress"], office.max_days_late) == (5, 2, 1, 1, 1, 61)
    assert (leads[BOARD].counts["overdue"], leads[BOARD].counts["not_due"]) == (1, 1)
    # Units with the longest delays lead the list.
    assert report.by_lead[0].lead == "Phòng TC-KH"


def test_an_earlier_report_date_changes_the_picture(timeline: Path) -> None:
    report = progress_status(timeline, dt.date(2023, 1, 15))
    by_task = {task.task: task for task in report.tasks}
    assert by_task["Rà soát điều kiện"].category == "due_soon"    # done on 30/01, after this date
    assert report.count("overdue") == 0


def test_text_report(timeline: Path) -> None:
    lines = progress_status(timeline, AS_OF).to_text().splitlines()
    assert lines[0] == "Tiến độ thực hiện kế hoạch — UBND quận Thử Nghiệm, năm 2023 — tính đến ngày 30/06/2023"
    assert lines[1] == ("9 nhiệm vụ: 2 hoàn thành, 1 đang thực hiện, 3 quá hạn, 1 đến hạn trong 30 ngày tới, "
                        "1 chưa đến hạn, 1 không có hạn.")
    assert "QUÁ HẠN (3):" in lines
    assert ("  Tiến độ!B11 hạn 31/03/2023 (theo thời gian), trễ 91 ngày — Tiến hành thủ tục mời thầu (Phòng TC-KH)"
            in lines)
    assert "  Tiến độ!B8 hạn 20/07/2023, còn 20 ngày — Đón đoàn kiểm tra (Phòng GD&ĐT)" in lines
    assert "  Tiến độ!B5 hoàn thành ngày 10/03/2023, trễ 10 ngày — Khảo sát cơ sở vật chất (Phòng GD&ĐT)" in lines
    assert ("  Phòng GD&ĐT: 5 nhiệm vụ — 2 hoàn thành, 1 đang thực hiện, 1 quá hạn (trễ nhất 61 ngày), "
            "1 sắp đến hạn") in lines


def test_a_plan_without_tasks_says_its_timeline_is_empty(make_plan) -> None:
    path = make_plan(lambda data: data.tasks.clear())
    lines = progress_status(path, AS_OF).to_text().splitlines()
    assert lines[1] == ("Trang 'Tiến độ' chưa có nhiệm vụ nào: chưa có gì để báo cáo tiến độ. Hãy điền các nhiệm vụ, "
                        "hạn hoàn thành và trạng thái rồi chạy lại.")
    assert len(lines) == 2 and "0 nhiệm vụ" not in lines[1]
    assert "has no task yet" in progress_status(path, AS_OF, lang="en").to_text()


def test_english_text(timeline: Path) -> None:
    text = progress_status(timeline, AS_OF, lang="en").to_text()
    assert text.startswith("Progress of the plan — UBND quận Thử Nghiệm, year 2023 — as of 2023-06-30")
    assert "OVERDUE (3):" in text


def test_xlsx_report(timeline: Path, tmp_path: Path) -> None:
    report = progress_status(timeline, AS_OF)
    output = write_status(report, tmp_path / "tien-do.xlsx")
    book = open_book(output)
    assert book.sheet_names == ["Báo cáo tiến độ", "Theo đơn vị chủ trì"]
    grid = book.grid("Báo cáo tiến độ")
    assert grid.value(1, 1) == "BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH"
    header = next(row for row in range(1, grid.nrows + 1) if grid.value(row, 1) == "STT")
    first = [grid.value(header + 1, col) for col in range(1, 13)]
    assert first[1:4] == ["Tháng 3/2023", "Tiến hành thủ tục mời thầu", "Phòng TC-KH"]
    assert first[5] == "Có" and first[8] == "Quá hạn" and first[9] == 91 and first[11] == "Tiến độ!B11"
    assert grid.nrows == header + len(TASKS)
    leads = book.grid("Theo đơn vị chủ trì")
    rows = [[leads.value(row, col) for col in range(1, 4)] for row in range(1, leads.nrows + 1)]
    assert [None, "Tổng cộng", 9] in rows
    assert any(row[1] == OFFICE and row[2] == 5 for row in rows)
    book.close()


def test_report_never_overwrites_the_plan(timeline: Path) -> None:
    before = timeline.read_bytes()
    with pytest.raises(PlanError):
        write_status(progress_status(timeline, AS_OF), timeline)
    assert timeline.read_bytes() == before


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_text_xlsx_and_exit_code(timeline: Path, tmp_path: Path) -> None:
    output = tmp_path / "bao-cao.xlsx"
    result = run("status", str(timeline), "--as-of", "2023-06-30", "-o", str(output))
    assert result.exit_code == 0
    assert result.stdout == progress_status(timeline, AS_OF).to_text() + "\n" + \
        f"Đã ghi báo cáo tiến độ: {output}\n"
    assert output.exists()


def test_cli_json_equals_the_library(timeline: Path) -> None:
    result = run("status", str(timeline), "--as-of", "2023-06-30", "--format", "json", "--within", "60")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == progress_status(timeline, AS_OF, horizon_days=60).to_dict()
    assert data["summary"]["due_soon"] == 1 and data["horizon_days"] == 60


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("status", str(tmp_path / "khong-co.xlsx"), "--as-of", "2023-06-30")
    assert result.exit_code == 2
    assert "Không tìm thấy tệp" in result.stderr and "Traceback" not in result.output


def test_cli_bad_date_exits_2(timeline: Path) -> None:
    result = run("status", str(timeline), "--as-of", "06/30/2023")
    assert result.exit_code == 2
    assert "06/30/2023" in result.stderr


def test_cli_refuses_to_write_over_the_plan(timeline: Path) -> None:
    before = timeline.read_bytes()
    result = run("status", str(timeline), "--as-of", "2023-06-30", "-o", str(timeline))
    assert result.exit_code == 2
    assert "chính là tệp đầu vào" in result.stderr
    assert timeline.read_bytes() == before


def test_sample_hai_ba_trung_mid_year() -> None:
    report = progress_status(SAMPLES / "hai-ba-trung-2023.xlsx", dt.date(2023, 6, 20))
    assert (report.count("overdue"), report.count("due_soon"), report.count("not_due")) == (13, 4, 13)
    assert report.of("overdue")[0].days_late == 140          # January's tasks, due 31/01/2023
    assert report.by_lead[0].lead == "Phòng GD&ĐT"
