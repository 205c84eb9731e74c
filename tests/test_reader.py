"""The reader finds sheets and headers by label and normalises what people type."""
from __future__ import annotations

import copy
import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from builders import essentials, grids_of, write_ods, write_xls, write_xlsx
from conftest import base_data
from chuanqg_xl import layout as L
from chuanqg_xl.errors import PlanError
from chuanqg_xl.reader import read_plan
from chuanqg_xl.template import write_workbook

PL1, PL2, PL3, TD = L.SCHOOLS.name, L.BUDGET_NEW.name, L.BUDGET_RENEW.name, L.TIMELINE.name


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "base.xlsx", base_data(), derived=False)


@pytest.fixture
def expected(base: Path) -> dict:
    return essentials(read_plan(base))


def rename_headers(rows: list[list], header_row: int, renames: dict[str, str]) -> None:
    row = rows[header_row - 1]
    for index, value in enumerate(row):
        if value in renames:
            row[index] = renames[value]


def test_reads_the_model_with_cells(base: Path) -> None:
    plan = read_plan(base)
    assert plan.meta.unit == "UBND quận Thử Nghiệm" and plan.meta.year == 2023
    assert plan.meta.ref("unit").a1 == "B4" and plan.meta.get("date") == dt.date(2023, 1, 10)
    first = plan.schools[0]
    assert (first.name, first.level, first.kind, first.standard_level, first.accreditation_level) == \
        ("TH Kim Đồng", "Tiểu học", "Công nhận mới", 1, 2)
    assert (first.sheet, first.cell("name"), first.cell("kind")) == (PL1, "B4", "E4")
    assert first.period.kind == "quarter" and first.period.number == 3
    line = plan.budget_lines["budget_new"][0]
    assert (line.school, line.item, line.amounts["province"], line.cell("province")) == \
        ("TH Kim Đồng", "Phòng học bộ môn", 1000.0, "D4")
    task = plan.tasks[1]
    assert (task.schools_text, task.school_count, task.deadline, task.cell("deadline")) == \
        ("Quý IV/2023", 1, dt.date(2023, 12, 15), "H5")
    targets = plan.summary.targets
    assert targets.rows["Tiểu học"].assigned["new"] == 1
    assert plan.summary.figures.rows["rate"].stated == pytest.approx(0.55)
    assert [batch.label for batch in plan.summary.batches.rows] == ["Quý III/2023", "Quý IV/2023"]


def test_header_synonyms_case_and_missing_diacritics(tmp_path: Path, base: Path, expected: dict) -> None:
    sheets = grids_of(base)
    rename_headers(sheets[PL1], 3, {"STT": "TT", "Tên trường": "CƠ SỞ GIÁO DỤC", "Hình thức công nhận": "Hình thức",
                                    "Cấp độ kiểm định": "Cap do kiem dinh", "Thời gian dự kiến": "Đợt/Quý",
                                    "Kinh phí (triệu đồng)": "Kinh phí (đồng)"})
    rename_headers(sheets[PL2], 3, {"Tên trường": "Tên đơn vị", "Hạng mục đầu tư": "Nội dung đầu tư",
                                    "Ngân sách tỉnh": "NS tỉnh", "Xã hội hóa": "XHH",
                                    "Ngân sách huyện": unicodedata.normalize("NFD", "Ngân  sách quận")})
    rename_headers(sheets[TD], 3, {"Thời gian": "Thời gian hoàn thành", "Đơn vị chủ trì": "Đơn vị chủ trì thực hiện",
                                   "Đơn vị phối hợp": "Đơn vị phối hợp thực hiện"})
    path = write_xlsx(tmp_path / "synonyms.xlsx", sheets)
    assert essentials(read_plan(path)) == expected


def test_moved_and_extra_columns(tmp_path: Path, base: Path, expected: dict) -> None:
    sheets = grids_of(base)
    for name in (PL1, PL2):
        rows = sheets[name]
        width = max(len(row) for row in rows)
        order = list(reversed(range(width)))
        sheets[name] = [[(row + [""] * width)[i] for i in order] + ["thêm" if r == 2 else ""]
                        for r, row in enumerate(rows)]
        sheets[name][2][-1] = "Số học sinh"
    path = write_xlsx(tmp_path / "moved.xlsx", sheets)
    plan = read_plan(path)
    assert essentials(plan) == expected
    assert plan.schools[0].cell("name") == "J4"
    assert "Số học sinh" in plan.school_table.extra_headers.values()


def test_inserted_title_rows_and_blank_rows(tmp_path: Path, base: Path, expected: dict) -> None:
    sheets = grids_of(base)
    for name in (PL1, PL2, PL3, TD):
        rows = sheets[name]
        header = 2
        body = rows[header + 1:]
        spaced = []
        for row in body:
            spaced += [row, [""] * len(row)]
        sheets[name] = [["ỦY BAN NHÂN DÂN"], ["Kế hoạch năm 2023"], [""], *rows[:header + 1], *spaced]
    path = write_xlsx(tmp_path / "rows.xlsx", sheets)
    plan = read_plan(path)
    assert essentials(plan) == expected
    assert plan.school_table.header_row == 6 and plan.schools[1].row == 9


def test_two_row_merged_header_and_merged_school_cells(tmp_path: Path, base: Path, expected: dict) -> None:
    sheets = grids_of(base)
    rows = sheets[PL2]
    header = rows[2]
    group = ["" for _ in header]
    group[3] = "Nguồn kinh phí (triệu đồng)"
    for index in (0, 1, 2, 8, 9):
        group[index], header[index] = header[index], ""
    rows.insert(2, group)
    # the school's name written once, merged down over its two item rows (rows 5-6 now)
    rows[5][1] = ""
    path = write_xlsx(tmp_path / "merged.xlsx", sheets,
                      merges={PL2: ["D3:H3", "A3:A4", "B3:B4", "C3:C4", "I3:I4", "J3:J4", "B5:B6"]})
    plan = read_plan(path)
    assert essentials(plan) == expected
    assert plan.budget_tables["budget_new"].header_row == 4


def test_sheets_in_another_order_with_other_names(tmp_path: Path, base: Path, expected: dict) -> None:
    sheets = grids_of(base)
    renamed = {"Phụ lục 1": sheets[PL1], "Tien do": sheets[TD], "PL3": sheets[PL3], "Phu luc 2": sheets[PL2],
               "THÔNG TIN": sheets[L.INFO_NAME], "Tong hop": sheets[L.SUMMARY_NAME]}
    path = write_xlsx(tmp_path / "order.xlsx", renamed)
    plan = read_plan(path)
    assert essentials(plan) == expected
    assert plan.school_table.sheet == "Phụ lục 1"


def test_values_normalised(tmp_path: Path, base: Path) -> None:
    sheets = grids_of(base)
    pl1 = sheets[PL1]
    pl1[3][1] = unicodedata.normalize("NFD", "  TH  Kim Đồng ")
    pl1[3][2] = ""                      # level left empty: inferred from the name prefix
    pl1[3][4] = "CN Lần đầu"
    pl1[3][5] = "CĐ2-MĐ1"
    pl1[3][6] = ""
    pl1[4][4] = "công nhận lại mức độ 2"
    sheets[PL2][3][3] = "1.000"          # a number typed as text, Vietnamese grouping
    sheets[TD][3][5] = "03"
    sheets[TD][3][7] = "31/01/2023"
    sheets[L.SUMMARY_NAME][14][1] = "55,00 %"
    path = write_xlsx(tmp_path / "values.xlsx", sheets)
    plan = read_plan(path)
    school = plan.schools[0]
    assert (school.name, school.level, school.level_from_name, school.kind) == \
        ("TH Kim Đồng", "Tiểu học", True, "Công nhận mới")
    assert (school.standard_level, school.accreditation_level) == (1, 2)
    assert plan.schools[1].kind == "Công nhận lại"
    line = plan.budget_lines["budget_new"][0]
    assert line.amounts["province"] == 1000.0 and line.raw("province") == "1.000"
    assert plan.tasks[0].school_count == 3 and plan.tasks[0].deadline == dt.date(2023, 1, 31)
    assert plan.summary.figures.rows["rate"].stated == pytest.approx(0.55)


def test_timeline_month_written_once_for_several_tasks(tmp_path: Path, base: Path) -> None:
    sheets = grids_of(base)
    rows = sheets[TD]
    extra = list(rows[3])
    extra[0], extra[1] = "", "Họp Ban chỉ đạo"
    rows.insert(4, extra)
    path = write_xlsx(tmp_path / "months.xlsx", sheets)
    tasks = read_plan(path).tasks
    assert (tasks[1].time, tasks[1].time_inherited, tasks[1].task) == ("Tháng 1/2023", True, "Họp Ban chỉ đạo")


def test_legacy_xls_and_ods_are_read(tmp_path: Path, base: Path, expected: dict) -> None:
    sheets = grids_of(base)
    for path in (write_xls(tmp_path / "plan.xls", sheets), write_ods(tmp_path / "plan.ods", sheets)):
        plan = read_plan(path)
        assert essentials(plan) == expected, path.suffix
        assert plan.format == path.suffix.lstrip(".")


def test_xls_renamed_xlsx_is_read_by_its_content(tmp_path: Path, base: Path, expected: dict) -> None:
    path = write_xls(tmp_path / "plan.xls", grids_of(base))
    renamed = path.rename(tmp_path / "renamed.xlsx")
    plan = read_plan(renamed)
    assert plan.format == "xls" and essentials(plan) == expected


def test_missing_sheet_is_a_plan_error_naming_it(tmp_path: Path, base: Path) -> None:
    sheets = grids_of(base)
    del sheets[PL3]
    path = write_xlsx(tmp_path / "missing.xlsx", sheets)
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    message = str(caught.value)
    assert "PL3 - Kinh phí CN lại" in message and "missing.xlsx" in message


def test_missing_header_is_a_plan_error_naming_it(tmp_path: Path, base: Path) -> None:
    sheets = grids_of(base)
    rename_headers(sheets[PL1], 3, {"Tên trường": "Họ và tên", "Hình thức công nhận": "Loại hình"})
    path = write_xlsx(tmp_path / "header.xlsx", sheets)
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert "'Tên trường'" in str(caught.value) and "PL1 - Danh sách trường" in str(caught.value)


@pytest.mark.parametrize("content, words", [
    (b"", "rỗng"), (b"STT,Ten truong\n1,TH A\n", "CSV"), (b"%PDF-1.4 ...", "PDF"),
])
def test_not_a_workbook_is_a_plan_error(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(content)
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert words in str(caught.value) and "plan.xlsx" in str(caught.value)


def test_the_model_is_the_same_whatever_the_derived_cells_hold(tmp_path: Path, expected: dict) -> None:
    data = copy.deepcopy(base_data())
    path = write_workbook(tmp_path / "derived.xlsx", data, derived=True)
    assert essentials(read_plan(path)) == expected


def test_heading_rows_in_the_timeline_are_headings_not_tasks(tmp_path: Path, make_plan) -> None:
    from conftest import flat

    sheets = grids_of(make_plan())
    rows = sheets[TD]
    width = len(rows[2])
    first_task = rows[3]
    second_task = list(rows[4])
    second_task[0] = ""  # under the heading "Quý IV/2023" the task gives no time of its own
    heading = [""] * width
    heading[1] = "I. Công tác chỉ đạo"
    quarter = [""] * width
    quarter[0] = "Quý IV/2023"
    rows[3:] = [heading, first_task, quarter, second_task]
    path = write_xlsx(tmp_path / "headings.xlsx", sheets)
    plan = read_plan(path)
    assert [task.task for task in plan.tasks] == ["Rà soát điều kiện các trường", "Đón đoàn kiểm tra công nhận"]
    assert plan.timeline_table.heading_rows == {4: "I. Công tác chỉ đạo", 6: "Quý IV/2023"}
    assert plan.tasks[1].time == "Quý IV/2023" and plan.tasks[1].time_inherited
    assert [item for item in flat(path) if item[0] not in ("A003",)] == []


def test_a_task_with_two_cells_filled_is_still_a_task(tmp_path: Path, make_plan) -> None:
    sheets = grids_of(make_plan())
    rows = sheets[TD]
    lonely = [""] * len(rows[2])
    lonely[1], lonely[2] = "Tổng kết, rút kinh nghiệm", "Phòng GD&ĐT"
    rows.append(lonely)
    plan = read_plan(write_xlsx(tmp_path / "task.xlsx", sheets))
    assert plan.tasks[-1].task == "Tổng kết, rút kinh nghiệm" and not plan.timeline_table.heading_rows
