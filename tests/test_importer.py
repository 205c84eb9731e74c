"""Legacy free-form lists and timelines → the standard workbook, with a report of what was and was not mapped."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan
from chuanqg_xl.cli import main
from chuanqg_xl.errors import PlanError
from chuanqg_xl.importer import extract_schools, import_legacy
from chuanqg_xl.reader import read_plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# The list at the end of seed 002 (Hương Trà 2024), as typed there.
HUONG_TRA = [
    ("1.", "MN Hương Xuân", "CĐ2-MĐ1", "CN Lần đầu"), ("2.", "MN Bình Thành", "CĐ2-MĐ1", "CN Lần đầu"),
    ("3.", "MN Hồng Tiến", "CĐ2-MĐ1", "CN Lần đầu"), ("4.", "MN Tứ Hạ", "CĐ2-MĐ1", "CN lại"),
    ("5.", "MN Hương Bình", "CĐ2-MĐ1", "CN lại"), ("6.", "TH Số 1 Hương Toàn", "CĐ2-MĐ1", "CN Lần đầu"),
    ("7.", "TH Hương Vân", "CĐ2-MĐ1", "CN lại"), ("8.", "TH Bình Điền", "CĐ2-MĐ1", "CN lại"),
    ("9.", "TH Số 2 Tứ Hạ", "CĐ3-MĐ2", "CN lại"), ("10.", "TH Số 1 Hương Xuân", "CĐ2-MĐ1", "CN lại"),
    ("11.", "TH Số 2 Hương Chữ", "CĐ2-MĐ1", "CN lại"), ("12.", "TH Số 2 Hương Văn", "CĐ2-MĐ1", "CN lại"),
    ("13.", "TH Bình Thành", "CĐ2-MĐ1", "CN lại"), ("14.", "THCS Lê Thuyết", "CĐ2-MĐ1", "CN Lần đầu"),
    ("15.", "THCS Nguyễn Khánh Toàn", "CĐ2-MĐ1", "CN lại"), ("16.", "THCS Hồ Văn Tứ", "CĐ2-MĐ1", "CN lại"),
    ("17.", "THCS Lê Quang Tiến", "CĐ2-MĐ1", "CN lại"), ("18.", "THCS Trần Đăng Khoa", "CĐ2-MĐ1", "CN lại"),
    ("19.", "THCS Hà Thế Hạng", "CĐ2-MĐ1", "CN lại"), ("20.", "THCS Nguyễn Khoa Đăng", "CĐ2-MĐ1", "CN lại"),
]
LIST_HEADER = ("TT", "CƠ SỞ GIÁO DỤC", "TÍCH HỢP KĐCLGD&CQG", "GHI CHÚ")
CLOSING = "Danh sách này gồm: 20 đơn vị./."

EIGHT = ("THCS Tây Sơn, MN Ngô Thị Nhậm, MN Vĩnh Tuy, MN Thanh Lương, TH Ngô Quyền, THCS Ngô Quyền, "
         "THCS Lương Yên, THCS Tô Hoàng")
SEVEN = "TH Đoàn Kết, TH Trung Hiền, MG Nguyễn Công Trứ, MN Minh Khai, TH Tây Sơn, TH Ngô Thị Nhậm, TH Đồng Tâm"
TIMELINE_HEADER = ("Thời gian hoàn thành", "Nội dung nhiệm vụ", "Đơn vị chủ trì thực hiện", "Đơn vị phối hợp thực hiện")
# Rows of the timeline at the end of seed 004 (Hai Bà Trưng 2023): a month is written once for the rows
# below it, names sit in the task text, the copy keeps the italics tags, one row is empty.
HAI_BA_TRUNG = [
    ("Tháng 1/2023", "Rà soát kiện toàn Ban chỉ đạo", "Phòng GD&ĐT", "Văn phòng"),
    ("", "Chỉ đạo các trường được giao chỉ tiêu rà soát các điều kiện theo tiêu chí trường đạt chuẩn quốc gia",
     "Phòng GD&ĐT", "Các trường được giao chỉ tiêu"),
    ("Tháng 2/2023", "Mời phòng chuyên môn Sở GD&ĐT tư vấn công tác xây dựng chuẩn Quốc gia trường THCS Tây Sơn",
     "Phòng GD&ĐT", "Trường THCS Tây Sơn."),
    ("Tháng 4/2023", f"Chỉ đạo 08 trường (<i>{EIGHT}</i>) hoàn thành dự thảo báo cáo và rà soát hồ sơ theo 5 tiêu "
     "chí trường đạt chuẩn quốc gia.", "Phòng GD&ĐT", "Các trường được giao chỉ tiêu"),
    ("", "", "", ""),
    ("Tháng 5,6/2023", "Tiến hành cải tạo sửa chữa đối với những đơn vị sửa chữa CSVC", "Phòng GD&ĐT",
     "BQLDA, các trường được giao chỉ tiêu"),
    ("", "Họp Ban chỉ đạo quý II để kiểm đếm tiến độ công việc xây dựng chuẩn Quốc gia", "UBND quận",
     "Văn phòng HĐND-UBND"),
    ("Tháng 9/2023", "Tiếp tục hoàn thiện gói đầu tư tại 09 trường công nhận mới và công nhận lại Quý IV",
     "Phòng GD&ĐT", "Các trường được giao chỉ tiêu"),
    ("", "Chỉ đạo các trường công nhận mới, công nhận lại Quý IV hoàn thành dự thảo báo cáo và rà soát hồ sơ theo 5 "
     f"tiêu chí trường đạt chuẩn quốc gia (<i>07 trường: {SEVEN}</i>)", "Phòng GD&ĐT",
     "Các trường được giao chỉ tiêu"),
    ("Tháng 11/2023", "Đón đoàn thành phố kiểm tra trường đạt kiểm định chất lượng giáo dục và công nhận trường "
     "đạt chuẩn quốc gia (07 trường)", "Phòng GD&ĐT", "Các trường được giao chỉ tiêu"),
    ("Tháng 12/2023", "Chỉ đạo các trường chuẩn bị điều kiện đón bằng công nhận mới trường đạt chuẩn quốc gia "
     "(Trường MN Ngô Thị Nhâm, MN Minh Khai, TH Đoàn Kết, TH Trung Hiền, THCS Tây Sơn).", "Ban chỉ đạo",
     "Các trường được giao chỉ tiêu"),
]


def write_legacy(path: Path, sheets: dict[str, list[tuple]], merges: dict[str, list[tuple[int, int, int, int]]]
                 | None = None) -> Path:
    """A free-form workbook: rows written as given (0-based positions), optional merged ranges."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        merged = (merges or {}).get(name, [])
        for r1, c1, r2, c2 in merged:
            sheet.merge_range(r1, c1, r2, c2, rows[r1][c1])
        covered = {(r, c) for r1, c1, r2, c2 in merged for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value not in ("", None) and (r, c) not in covered:
                    sheet.write(r, c, value)
    workbook.close()
    return path


def huong_tra_rows(schools: list[tuple] = HUONG_TRA, closing: str = CLOSING) -> list[tuple]:
    return [
        ("DANH SÁCH CƠ SỞ GIÁO DỤC CÔNG NHẬN TRƯỜNG ĐẠT KIỂM ĐỊNH CHẤT LƯỢNG GIÁO DỤC VÀ TRƯỜNG ĐẠT CHUẨN QUỐC "
         "GIA, NĂM 2024",),
        ("(Kèm theo Kế hoạch số 20/KH-UBND ngày 04/01/2024 của UBND thị xã Hương Trà)",),
        (),
        LIST_HEADER,
        *schools,
        (),
        (closing,),
    ]


@pytest.fixture
def legacy_list(tmp_path: Path) -> Path:
    rows = huong_tra_rows()
    closing = len(rows) - 1
    return write_legacy(tmp_path / "danh-sach.xlsx", {"Sheet1": rows},
                        {"Sheet1": [(0, 0, 0, 3), (1, 0, 1, 3), (closing, 0, closing, 3)]})


@pytest.fixture
def legacy_timeline(tmp_path: Path) -> Path:
    rows = [
        ("TIẾN ĐỘ THỰC HIỆN Xây dựng trường chuẩn đạt quốc gia ngành GD&ĐT quận Hai Bà Trưng năm 2023",),
        ("(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2023 của UBND quận Hai Bà Trưng)",),
        (),
        TIMELINE_HEADER,
        *HAI_BA_TRUNG,
    ]
    return write_legacy(tmp_path / "tien-do.xlsx", {"Tiến độ": rows})


# ---------------------------------------------------------------- the school list


def test_seed_002_list_becomes_the_standard_workbook(legacy_list: Path, tmp_path: Path) -> None:
    result = import_legacy(legacy_list, tmp_path / "plan.xlsx")
    assert (result.schools, result.tasks, result.count_mismatches, result.exit_code) == (20, 0, [], 0)
    assert result.tables == [("schools", "Sheet1", 4)]
    plan = read_plan(result.output)
    assert Counter(school.kind for school in plan.schools) == {L.KIND_NEW: 5, L.KIND_RENEW: 15}
    assert Counter(school.level for school in plan.schools) == {"Mầm non": 5, "Tiểu học": 8, "THCS": 7}
    levels = {school.name: (school.standard_level, school.accreditation_level) for school in plan.schools}
    assert levels["TH Số 2 Tứ Hạ"] == (2, 3)
    assert Counter(levels.values()) == {(1, 2): 19, (2, 3): 1}
    first = plan.schools[0]
    assert (first.name, first.kind, first.note) == ("MN Hương Xuân", L.KIND_NEW, "CĐ2-MĐ1; CN Lần đầu")
    assert plan.meta.unit == "UBND thị xã Hương Trà" and plan.meta.year == 2024
    assert (plan.meta.get("number"), plan.meta.get("date")) == ("20/KH-UBND", dt.date(2024, 1, 4))
    assert plan.summary.figures.rows["planned_total"].stated == 20
    # Everything the list states agrees with the rows: check finds nothing.
    assert check_plan(result.output).findings == []


def test_import_equals_the_hand_built_sample(legacy_list: Path, tmp_path: Path) -> None:
    imported = read_plan(import_legacy(legacy_list, tmp_path / "plan.xlsx").output)
    sample = read_plan(SAMPLES / "huong-tra-2024.xlsx")

    def key(school) -> tuple:
        return (school.name, school.level, school.kind, school.standard_level, school.accreditation_level,
                school.note)

    assert [key(school) for school in imported.schools] == [key(school) for school in sample.schools]


def test_stated_count_that_disagrees_with_the_rows(tmp_path: Path) -> None:
    rows = huong_tra_rows(HUONG_TRA[:19])     # the closing line still says 20
    legacy = write_legacy(tmp_path / "thieu.xlsx", {"DS": rows})
    result = import_legacy(legacy, tmp_path / "plan.xlsx")
    assert result.exit_code == 1
    assert [(m.sheet, m.cell, m.stated, m.counted) for m in result.count_mismatches] == [("DS", "A25", 20, 19)]
    assert "DS!A25: 'Danh sách này gồm: 20 đơn vị./.' — nêu 20, thực tế có 19." in result.to_text()
    # The stated figure is kept in the workbook, so check goes on flagging it until a person decides.
    assert ("X011", "Tổng hợp") in {(code, sheet) for code, sheet, _ in check_plan(result.output).flat()}


def test_sections_unknown_columns_and_rows_it_cannot_place(tmp_path: Path) -> None:
    rows = [
        ("STT", "Tên trường", "Xã/Phường", "Mức độ", "Người phụ trách"),
        ("I", "CÔNG NHẬN MỚI"),
        ("1", "TH Kim Đồng", "Phường Một", "Mức độ 1", "Cô Lan"),
        ("2", "Trường Hoa Mai", "Phường Hai", "MĐ2", ""),
        ("II", "CÔNG NHẬN LẠI"),
        ("3", "THCS Tây Sơn", "Phường Ba", "2", "Thầy Nam"),
        ("", "", "ghi chú lẻ"),
        ("Tổng cộng: 3 trường",),
    ]
    result = import_legacy(write_legacy(tmp_path / "cu.xlsx", {"Danh sách": rows}), tmp_path / "plan.xlsx",
                           unit="UBND huyện Thử", year=2024)
    plan = read_plan(result.output)
    assert [(s.name, s.kind, s.level, s.standard_level, s.commune) for s in plan.schools] == [
        ("TH Kim Đồng", L.KIND_NEW, "Tiểu học", 1, "Phường Một"),
        ("Trường Hoa Mai", L.KIND_NEW, None, 2, "Phường Hai"),
        ("THCS Tây Sơn", L.KIND_RENEW, "THCS", 2, "Phường Ba"),
    ]
    assert plan.schools[0].note == "Người phụ trách: Cô Lan"
    unmapped = {(note.location(), note.key) for note in result.unmapped}
    assert unmapped == {
        ("Danh sách!E1", "province.import.unknown_column"),
        ("Danh sách!B4", "province.import.no_level"),
        ("Danh sách!C7", "province.import.skipped_row"),
    }
    assert result.count_mismatches == []            # "Tổng cộng: 3 trường" agrees
    assert (plan.meta.unit, plan.meta.year) == ("UBND huyện Thử", 2024)


def test_missing_unit_and_year_are_reported(tmp_path: Path) -> None:
    legacy = write_legacy(tmp_path / "cu.xlsx", {"S": [LIST_HEADER, *HUONG_TRA[:2]]})
    result = import_legacy(legacy, tmp_path / "plan.xlsx")
    missing = [note.message() for note in result.unmapped if note.key == "province.import.missing_meta"]
    assert len(missing) == 2 and "Đơn vị ban hành" in missing[0] and "Năm kế hoạch" in missing[1]


# ---------------------------------------------------------------- the timeline


def test_seed_004_timeline(legacy_timeline: Path, tmp_path: Path) -> None:
    result = import_legacy(legacy_timeline, tmp_path / "plan.xlsx")
    assert (result.schools, result.tasks) == (0, 10)
    plan = read_plan(result.output)
    assert (plan.meta.unit, plan.meta.year) == ("UBND quận Hai Bà Trưng", 2023)
    tasks = plan.tasks
    # Months written once are filled down, and give the deadline (the last day of the last month named).
    assert [task.time for task in tasks[:2]] == ["Tháng 1/2023", "Tháng 1/2023"]
    assert not tasks[1].time_inherited
    assert [task.deadline for task in tasks[4:6]] == [dt.date(2023, 6, 30)] * 2
    assert tasks[0].deadline == dt.date(2023, 1, 31)
    assert tasks[2].schools_text == "THCS Tây Sơn" and tasks[2].school_count is None
    assert (tasks[3].schools_text, tasks[3].school_count) == (EIGHT.replace(", ", "; "), 8)
    assert "<i>" not in tasks[3].task
    assert (tasks[6].schools_text, tasks[6].school_count) == ("Quý IV/2023", 9)
    assert (tasks[7].schools_text, tasks[7].school_count) == (SEVEN.replace(", ", "; "), 7)
    assert (tasks[8].schools_text, tasks[8].school_count) == ("", 7)
    assert tasks[9].schools_text == "MN Ngô Thị Nhâm; MN Minh Khai; TH Đoàn Kết; TH Trung Hiền; THCS Tây Sơn"
    assert [(note.location(), note.key) for note in result.unmapped] == [
        ("Tiến độ!B14", "province.import.task_count_only")]
    mapped = [note.message() for note in result.mapped]
    assert "thời gian ghi một lần cho nhiều dòng đã được điền xuống: 3 nhiệm vụ." in mapped
    assert result.count_mismatches == [] and result.exit_code == 0


def test_merged_month_cells(tmp_path: Path) -> None:
    rows = [TIMELINE_HEADER,
            ("Quý III/2023", "Hoàn thiện hồ sơ", "Phòng GD&ĐT", ""),
            ("", "Đón đoàn kiểm tra", "Phòng GD&ĐT", ""),
            ("trước 31/01/2024", "Tổng kết", "Ban chỉ đạo", "")]
    legacy = write_legacy(tmp_path / "td.xlsx", {"TD": rows}, {"TD": [(1, 0, 2, 0)]})
    plan = read_plan(import_legacy(legacy, tmp_path / "plan.xlsx", year=2023).output)
    assert [(task.time, task.deadline) for task in plan.tasks] == [
        ("Quý III/2023", dt.date(2023, 9, 30)), ("Quý III/2023", dt.date(2023, 9, 30)),
        ("trước 31/01/2024", dt.date(2024, 1, 31))]


def test_task_count_that_disagrees_with_its_names(tmp_path: Path) -> None:
    rows = [TIMELINE_HEADER, ("Tháng 4/2023", "Chỉ đạo 09 trường (TH Kim Đồng, THCS Tây Sơn) hoàn thiện hồ sơ",
                              "Phòng GD&ĐT", "")]
    result = import_legacy(write_legacy(tmp_path / "td.xlsx", {"TD": rows}), tmp_path / "plan.xlsx", year=2023)
    assert [(m.cell, m.stated, m.counted) for m in result.count_mismatches] == [("B2", 9, 2)]
    assert result.exit_code == 1
    assert "X008" in {code for code, _, _ in check_plan(result.output).flat()}


def test_list_and_timeline_on_two_sheets(tmp_path: Path) -> None:
    task = ("Tháng 3/2024", "Tư vấn trường (02 trường: MN Hương Xuân, TH Hương Vân)", "Phòng GD&ĐT", "")
    legacy = write_legacy(tmp_path / "ca-hai.xlsx", {"DS": huong_tra_rows(), "TD": [TIMELINE_HEADER, task]})
    result = import_legacy(legacy, tmp_path / "plan.xlsx")
    assert [kind for kind, _, _ in result.tables] == ["schools", "timeline"]
    assert (result.schools, result.tasks, result.exit_code) == (20, 1, 0)
    assert check_plan(result.output).findings == []


@pytest.mark.parametrize("task, names, count", [
    ("Chỉ đạo 08 trường (THCS Tây Sơn, MN Vĩnh Tuy) hoàn thành", ["THCS Tây Sơn", "MN Vĩnh Tuy"], 8),
    ("Rà soát (07 trường: TH Đoàn Kết, MG Nguyễn Công Trứ)", ["TH Đoàn Kết", "MG Nguyễn Công Trứ"], 7),
    ("Chuẩn bị đón bằng (Trường MN Ngô Thị Nhâm, MN Minh Khai).", ["MN Ngô Thị Nhâm", "MN Minh Khai"], None),
    ("Kiểm tra các trường: TH Kim Đồng, THCS Tây Sơn", ["TH Kim Đồng", "THCS Tây Sơn"], None),
    ("Tư vấn xây dựng chuẩn Quốc gia trường THCS Tây Sơn", ["THCS Tây Sơn"], None),
    ("Đón đoàn kiểm tra (07 trường)", [], 7),
    ("Họp Ban chỉ đạo (quý II) theo 5 tiêu chí", [], None),
])
def test_extract_schools(task: str, names: list[str], count: int | None) -> None:
    assert extract_schools(task) == (names, count)


# ---------------------------------------------------------------- unusable input and the command


def test_a_file_with_no_table_is_refused(tmp_path: Path) -> None:
    legacy = write_legacy(tmp_path / "van-ban.xlsx", {"Sheet1": [("Kế hoạch năm 2024",), ("Không có bảng",)]})
    with pytest.raises(PlanError) as caught:
        import_legacy(legacy, tmp_path / "plan.xlsx")
    assert caught.value.key == "province.error.nothing_to_import"
    assert not (tmp_path / "plan.xlsx").exists()


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_import_text(legacy_list: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.xlsx"
    result = run("import", str(legacy_list), "-o", str(output))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"Đã chuyển '{legacy_list}' sang sổ kế hoạch chuẩn '{output}': 20 trường, 0 nhiệm vụ."
    assert "  Sheet1!A26: 'Danh sách này gồm: 20 đơn vị./.' → 'Số trường trong kế hoạch năm' nêu 20 (trang Tổng hợp)." \
        in lines
    assert lines[-1] == f"Tiếp theo: mở '{output}', bổ sung những mục còn thiếu rồi chạy: chuanqg-xl check \"{output}\""


def test_cli_import_json_equals_the_library(legacy_timeline: Path, tmp_path: Path) -> None:
    result = run("import", str(legacy_timeline), "-o", str(tmp_path / "a.xlsx"), "--format", "json")
    assert result.exit_code == 0
    expected = import_legacy(legacy_timeline, tmp_path / "a.xlsx", overwrite=True).to_dict()
    assert json.loads(result.stdout) == expected
    assert expected["tasks"] == 10 and len(expected["unmapped"]) == 1


def test_cli_existing_output_needs_force(legacy_list: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.xlsx"
    output.write_bytes(b"old")
    refused = run("import", str(legacy_list), "-o", str(output))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert output.read_bytes() == b"old"
    assert run("import", str(legacy_list), "-o", str(output), "--force").exit_code == 0
    assert read_plan(output).meta.year == 2024


def test_cli_unusable_input_exits_2(tmp_path: Path) -> None:
    text_file = tmp_path / "ds.xlsx"
    text_file.write_text("TT;Tên trường\n1;TH Kim Đồng\n", encoding="utf-8")
    result = run("import", str(text_file), "-o", str(tmp_path / "plan.xlsx"))
    assert result.exit_code == 2
    assert "không phải sổ Excel" in result.stderr and "Traceback" not in result.output


def test_cli_never_overwrites_its_input(legacy_list: Path) -> None:
    before = legacy_list.read_bytes()
    result = run("import", str(legacy_list), "-o", str(legacy_list), "--force")
    assert result.exit_code == 2
    assert legacy_list.read_bytes() == before


def test_header_two_rows_high(tmp_path: Path) -> None:
    rows = [("TT", "Tên trường", "Kết quả", ""),
            ("", "", "Cấp độ", "Mức độ"),
            ("1", "TH Kim Đồng", "CĐ3", "MĐ2")]
    legacy = write_legacy(tmp_path / "hai-dong.xlsx", {"DS": rows}, {"DS": [(0, 0, 1, 0), (0, 1, 1, 1)]})
    result = import_legacy(legacy, tmp_path / "plan.xlsx", unit="UBND huyện Thử", year=2024)
    assert result.tables == [("schools", "DS", 2)]
    school = read_plan(result.output).schools[0]
    assert (school.name, school.accreditation_level, school.standard_level) == ("TH Kim Đồng", 3, 2)


def test_an_import_is_never_written_under_a_name_excel_will_not_open(legacy_list: Path, tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        import_legacy(legacy_list, tmp_path / "ke-hoach.xls")
    assert "hãy đặt tên như 'ke-hoach.xlsx'" in caught.value.message("vi")
    assert not (tmp_path / "ke-hoach.xls").exists()
