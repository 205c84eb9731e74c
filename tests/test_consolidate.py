"""Province consolidation: summary per district, combined lists, flags, unreadable files, the command."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from chuanqg_xl import layout as L
from chuanqg_xl.cli import main
from chuanqg_xl.consolidate import collect_inputs, consolidate
from chuanqg_xl.errors import PlanError
from chuanqg_xl.grid import open_book
from chuanqg_xl.template import PlanData

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_NAMES = ("kon-tum-2023", "lai-chau-2024", "huong-tra-2024", "cao-loc-2024", "hai-ba-trung-2023")
SUMMARY, SCHOOLS, TASKS, PROBLEMS = "Tổng hợp đơn vị", "Danh sách trường", "Tiến độ các đơn vị", "Vấn đề cần xem"


def district(unit: str, year: int = 2023, rename: dict[str, str] | None = None):
    """A change for make_plan: another district, its schools renamed where asked."""
    def change(data: PlanData) -> None:
        data.meta["unit"] = unit
        data.meta["year"] = year
        for key, new in (rename or {}).items():
            for rows in (data.schools, data.budget_new, data.budget_renew):
                for row in rows:
                    if row["name"] == key:
                        row["name"] = new
            for task in data.tasks:
                task["schools"] = str(task.get("schools", "")).replace(key, new)
        for task in data.tasks:
            for field in ("time", "schools"):
                task[field] = str(task.get(field, "")).replace("2023", str(year))
            for field in ("deadline", "done_date"):
                if task.get(field):
                    task[field] = task[field].replace(year=year)
        for school in data.schools:
            school["timing"] = str(school.get("timing", "")).replace("2023", str(year))
        data.batches = [{**batch, "label": batch["label"].replace("2023", str(year))} for batch in data.batches]
        data.meta["date"] = data.meta["date"].replace(year=year)
    return change


OTHER_NAMES = {"TH Kim Đồng": "TH Lê Lợi", "THCS Tây Sơn": "THCS Chu Văn An", "MN Hoa Sen": "MN Sơn Ca"}


def rows_of(path: Path, sheet: str) -> list[list[object]]:
    book = open_book(path)
    try:
        grid = book.grid(sheet)
        return [[grid.value(row, col) for col in range(1, len(grid.row(row)) + 1)] for row in range(1, grid.nrows + 1)]
    finally:
        book.close()


def table(path: Path, sheet: str) -> list[list[object]]:
    """The body rows of a report sheet (below the row whose first cell is STT)."""
    rows = rows_of(path, sheet)
    start = max(index for index, row in enumerate(rows) if row and row[0] == "STT")
    if rows[start + 1][0] in (None, ""):   # the second header row of a grouped header
        start += 1
    return rows[start + 1:]


# ---------------------------------------------------------------- the five samples


def test_the_five_samples(tmp_path: Path) -> None:
    paths = [SAMPLES / f"{name}.xlsx" for name in SAMPLE_NAMES]
    result = consolidate(paths, tmp_path / "tinh.xlsx")
    assert [d.unit for d in result.districts] == [
        "UBND thành phố Kon Tum", "UBND thành phố Lai Châu", "UBND thị xã Hương Trà", "UBND huyện Cao Lộc",
        "UBND quận Hai Bà Trưng"]
    assert [d.school_count for d in result.districts] == [6, 13, 20, 2, 15]
    assert sum(len(d.tasks) for d in result.districts) == 92
    assert result.majority_year == 2024
    flagged = sorted((problem.kind, Path(problem.path).name) for problem in result.problems)
    assert flagged == [
        ("duplicate_school", "lai-chau-2024.xlsx"),            # TH Đoàn Kết, in Lai Châu and Hai Bà Trưng
        ("error_findings", "hai-ba-trung-2023.xlsx"),          # X008: "09 trường … Quý IV"
        ("year_differs", "hai-ba-trung-2023.xlsx"),
        ("year_differs", "kon-tum-2023.xlsx"),
    ]
    assert result.exit_code == 1
    kon_tum = result.districts[0]
    assert (kon_tum.budget["province"], kon_tum.budget_total) == (44497, 44497)
    assert (kon_tum.total_schools, kon_tum.standard_at_start, kon_tum.year_end) == (57, 32, 35)
    assert kon_tum.rate == pytest.approx(35 / 57)
    hai_ba_trung = result.districts[4]
    assert (hai_ba_trung.assigned, hai_ba_trung.planned, hai_ba_trung.errors, hai_ba_trung.error_codes) == \
        (14, 15, 1, ["X008"])
    assert hai_ba_trung.by_kind[L.KIND_NEW] == 5 and hai_ba_trung.by_kind[L.KIND_RENEW] == 10

    output = result.output
    assert open_book(output).sheet_names == [SUMMARY, SCHOOLS, TASKS, PROBLEMS]
    summary = table(output, SUMMARY)
    assert [row[1] for row in summary] == [d.unit for d in result.districts] + ["Tổng cộng"]
    total = summary[-1]
    assert total[5] == 56                                     # schools
    assert total[25] == 57447                                 # budget: 44.497 + 12.950
    assert summary[0][29] == pytest.approx(35 / 57)           # Kon Tum's rate
    assert "Năm 2023 khác đa số" in summary[4][32] and "1 lỗi trong kế hoạch" in summary[4][32]
    schools = table(output, SCHOOLS)
    assert len(schools) == 56 + 1                             # and the total row
    doan_ket = [row for row in schools if row[2] == "TH Đoàn Kết"]
    assert [(row[1], row[11]) for row in doan_ket] == [
        ("UBND thành phố Lai Châu", "UBND quận Hai Bà Trưng"), ("UBND quận Hai Bà Trưng", "UBND thành phố Lai Châu")]
    assert len(table(output, TASKS)) == 92
    assert [row[2] for row in table(output, PROBLEMS)] == [
        "Kế hoạch có lỗi", "Năm khác đa số", "Năm khác đa số", "Trường trùng giữa các đơn vị"]


def test_total_row_holds_formulas(make_plan, tmp_path: Path) -> None:
    paths = [make_plan(district("UBND quận A")), make_plan(district("UBND quận B", rename=OTHER_NAMES))]
    output = consolidate(paths, tmp_path / "tinh.xlsx").output
    book = open_book(output)
    grid = book.grid(SUMMARY)
    formulas = {cell: formula for cell, formula in grid.formulas.items()}
    total_row = max(row for row, _ in formulas)
    assert formulas[(total_row, 6)] == "SUM(F8:F9)"
    assert grid.value(total_row, 6) == 6
    book.close()


# ---------------------------------------------------------------- one district's figures


def test_district_figures(make_plan, tmp_path: Path) -> None:
    result = consolidate([make_plan()], tmp_path / "tinh.xlsx")
    only = result.districts[0]
    assert only.by_kind == {L.KIND_NEW: 1, L.KIND_RENEW: 1, L.KIND_UPGRADE: 1, L.KIND_RENEW_UPGRADE: 0, "": 0}
    assert only.by_level == {"Mầm non": 1, "Tiểu học": 1, "THCS": 1, "TH&THCS": 0, "THPT": 0, "": 0}
    assert (only.assigned, only.planned) == (3, 3)
    assert only.budget == {"province": 1000, "district": 1000, "commune": 0, "social": 200, "other": 0}
    assert (only.year_end, only.rate) == (11, 0.55)
    assert (result.problems, result.exit_code) == ([], 0)
    schools = table(result.output, SCHOOLS)
    assert schools[0][1:10] == ["UBND quận Thử Nghiệm", "TH Kim Đồng", "Tiểu học", "Phường Một", "Công nhận mới",
                                "Mức độ 1", "Cấp độ 2", "Quý III/2023", 1500]
    assert table(result.output, PROBLEMS)[0][0] == "Không có vấn đề nào cần xem."


# ---------------------------------------------------------------- flags


def test_same_school_in_two_districts_but_never_across_prefixes(make_plan, tmp_path: Path) -> None:
    a = make_plan(district("UBND quận A"))
    b = make_plan(district("UBND quận B", rename={"THCS Tây Sơn": "THCS B", "MN Hoa Sen": "MN B"}))
    c = make_plan(district("UBND quận C", rename={"TH Kim Đồng": "MN Kim Đồng", "THCS Tây Sơn": "THCS C",
                                                  "MN Hoa Sen": "MN C"}))
    result = consolidate([a, b, c], tmp_path / "tinh.xlsx")
    duplicates = [problem for problem in result.problems if problem.kind == "duplicate_school"]
    assert len(duplicates) == 1
    assert duplicates[0].message.startswith("Trường 'TH Kim Đồng' có trong danh sách của nhiều đơn vị: "
                                            "UBND quận A (Phường Một); UBND quận B (Phường Một).")
    # A warning only, since the names may merely coincide.
    assert consolidate([a, b], tmp_path / "tinh-ab.xlsx").exit_code == 0


def test_year_that_differs_from_the_majority(make_plan, tmp_path: Path) -> None:
    paths = [make_plan(district("UBND quận A", 2024, OTHER_NAMES)),
             make_plan(district("UBND quận B", 2024, {"TH Kim Đồng": "TH X", "THCS Tây Sơn": "THCS X",
                                                       "MN Hoa Sen": "MN X"})),
             make_plan(district("UBND quận C", 2023))]
    result = consolidate(paths, tmp_path / "tinh.xlsx")
    assert result.majority_year == 2024
    assert [(problem.kind, problem.unit) for problem in result.problems] == [("year_differs", "UBND quận C")]
    assert "kế hoạch năm 2023, khác năm của đa số (2024: 2/3 đơn vị)" in result.problems[0].message


def test_district_with_errors_is_listed_and_still_consolidated(make_plan, tmp_path: Path) -> None:
    broken = make_plan(district("UBND quận B", rename=OTHER_NAMES),
                       edits={(L.BUDGET_NEW.name, "D4"): "một nghìn"})
    result = consolidate([make_plan(district("UBND quận A")), broken], tmp_path / "tinh.xlsx")
    assert len(result.districts) == 2
    errors = [problem for problem in result.problems if problem.kind == "error_findings"]
    assert [problem.unit for problem in errors] == ["UBND quận B"]
    assert "V004" in errors[0].message and result.exit_code == 1


def test_the_same_district_sent_twice(make_plan, tmp_path: Path) -> None:
    first = make_plan()
    second = tmp_path / "ban-sao.xlsx"
    shutil.copy2(first, second)
    result = consolidate([first, second], tmp_path / "tinh.xlsx")
    kinds = [problem.kind for problem in result.problems]
    assert kinds == ["duplicate_unit"]                # its schools are not reported one by one
    assert "có 2 tệp" in result.problems[0].message


def test_a_file_sent_many_times_is_one_readable_line(make_plan, tmp_path: Path) -> None:
    first = make_plan()
    copies = [first]
    for index in range(1, 12):
        copies.append(tmp_path / f"ban-sao-{index:02}.xlsx")
        shutil.copy2(first, copies[-1])
    result = consolidate(copies, tmp_path / "tinh.xlsx")
    message = result.problems[0].message
    assert "có 12 tệp" in message and "… và 4 nơi khác" in message
    assert "ban-sao-07.xlsx" in message and "ban-sao-08.xlsx" not in message   # the first eight are named


# ---------------------------------------------------------------- unreadable files and inputs


def test_an_unreadable_file_does_not_stop_the_run(make_plan, tmp_path: Path) -> None:
    bad = tmp_path / "hong.xlsx"
    bad.write_text("không phải Excel", encoding="utf-8")
    missing = tmp_path / "khong-co.xlsx"
    result = consolidate([bad, make_plan(), missing], tmp_path / "tinh.xlsx")
    assert len(result.districts) == 1
    assert [(problem.kind, Path(problem.path).name) for problem in result.problems] == [
        ("unreadable", "hong.xlsx"), ("unreadable", "khong-co.xlsx")]
    assert "không phải sổ Excel" in result.problems[0].message
    assert result.exit_code == 1
    problems = table(result.output, PROBLEMS)
    assert [(row[1], row[2], row[3]) for row in problems] == [("lỗi", "Không đọc được", "hong.xlsx"),
                                                              ("lỗi", "Không đọc được", "khong-co.xlsx")]


def test_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"")
    with pytest.raises(PlanError) as caught:
        consolidate([bad], tmp_path / "tinh.xlsx")
    assert caught.value.key == "province.error.nothing_readable"
    assert not (tmp_path / "tinh.xlsx").exists()


def test_folder_inputs_leave_out_locks_backups_and_the_output(make_plan, tmp_path: Path) -> None:
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    plan = make_plan(name="a.xlsx")
    shutil.copy2(plan, folder / "a.xlsx")
    shutil.copy2(plan, folder / "a.bak.xlsx")
    (folder / "~$a.xlsx").write_bytes(b"lock")
    (folder / "ghi-chu.txt").write_text("x", encoding="utf-8")
    output = folder / "tinh.xlsx"
    assert collect_inputs([folder], exclude=output) == [folder / "a.xlsx"]
    consolidate([folder], output)
    assert collect_inputs([folder], exclude=output) == [folder / "a.xlsx"]
    # A later run under another name recognises the earlier consolidation and skips it.
    again = consolidate([folder], folder / "tinh-2.xlsx")
    assert again.skipped == [output] and again.problems == [] and len(again.districts) == 1


def test_output_must_not_be_an_input(make_plan, tmp_path: Path) -> None:
    plan = make_plan()
    before = plan.read_bytes()
    with pytest.raises(PlanError) as caught:
        consolidate([plan, make_plan(name="b.xlsx")], plan)
    assert caught.value.key == "error.output_is_input"
    assert plan.read_bytes() == before


def test_missing_output_folder_is_reported_before_reading(make_plan, tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        consolidate([make_plan()], tmp_path / "khong-co" / "tinh.xlsx")
    assert caught.value.key == "error.write_failed"


# ---------------------------------------------------------------- the command


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_samples_folder_with_progress_bar(tmp_path: Path) -> None:
    output = tmp_path / "tinh.xlsx"
    result = run("consolidate", str(SAMPLES), "-o", str(output))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"Tổng hợp 5/5 tệp vào '{output}':"
    assert "  kon-tum-2023.xlsx: UBND thành phố Kon Tum, năm 2023 — 6 trường, 15 nhiệm vụ" in lines
    assert "Vấn đề cần xem (4):" in lines
    assert lines[-1] == f"Đã ghi '{output}': 5 đơn vị, 56 trường, 92 nhiệm vụ; tổng kinh phí 57.447 triệu đồng."
    assert "Đang đọc kế hoạch các đơn vị" in result.stderr       # the progress bar's label
    assert output.exists()


def test_cli_clean_run_exits_0(make_plan, tmp_path: Path) -> None:
    a, b = make_plan(district("UBND quận A")), make_plan(district("UBND quận B", rename=OTHER_NAMES))
    result = run("consolidate", str(a), str(b), "-o", str(tmp_path / "tinh.xlsx"))
    assert result.exit_code == 0
    assert "Vấn đề" not in result.stdout and result.stderr == ""


def test_cli_unreadable_only_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "hong.xlsx"
    bad.write_text("x", encoding="utf-8")
    result = run("consolidate", str(bad), "-o", str(tmp_path / "tinh.xlsx"))
    assert result.exit_code == 2
    assert "Không đọc được tệp nào trong 1 tệp" in result.stderr and "Traceback" not in result.output


def test_cli_empty_folder_exits_2(tmp_path: Path) -> None:
    result = run("consolidate", str(tmp_path), "-o", str(tmp_path / "tinh.xlsx"))
    assert result.exit_code == 2
    assert "Không có tệp nào để tổng hợp" in result.stderr


def test_english_workbook(make_plan, tmp_path: Path) -> None:
    result = consolidate([make_plan()], tmp_path / "p.xlsx", lang="en")
    assert open_book(result.output).sheet_names == ["Districts", "Schools", "Timelines", "Problems"]
    assert result.to_text().startswith("Consolidated 1/1 file(s) into")
