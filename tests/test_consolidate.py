"""Province consolidation: summary per district, combined lists, flags, unreadable files, the command."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import openpyxl
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
NAMES = "Trường trùng tên"


def district(unit: str, year: int = 2023, rename: dict[str, str] | None = None):
    """A change for make_plan: another district, its schools renamed where asked."""
    def change(data: PlanData) -> None:
        data.meta["unit"] = unit
        data.meta["year"] = year
        data.meta["number"] = f"{sum(map(ord, unit)) % 300}/KH-UBND"   # each district numbers its own plans
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
    assert flagged == [   # TH Đoàn Kết, in Lai Châu and in Hai Bà Trưng (Hà Nội): namesakes, on the sheet only
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
    assert open_book(output).sheet_names == [SUMMARY, SCHOOLS, TASKS, PROBLEMS, NAMES]
    summary = table(output, SUMMARY)
    assert [row[1] for row in summary] == [d.unit for d in result.districts] + ["Tổng cộng"]
    assert [row[2] for row in summary[:5]] == ["Kon Tum", "Lai Châu", "Thừa Thiên Huế", "Lạng Sơn", "Hà Nội"]
    total = summary[-1]
    assert total[6] == 56                                     # schools
    assert total[26] == 57447                                 # budget: 44.497 + 12.950
    assert summary[0][30] == pytest.approx(35 / 57)           # Kon Tum's rate
    assert summary[4][33] == "Năm 2023 khác đa số; 1 lỗi trong kế hoạch"   # TH Đoàn Kết: another province
    schools = table(output, SCHOOLS)
    assert len(schools) == 56 + 1                             # and the total row
    doan_ket = [row for row in schools if row[3] == "TH Đoàn Kết"]
    assert [(row[1], row[12]) for row in doan_ket] == [
        ("UBND thành phố Lai Châu", "UBND quận Hai Bà Trưng, Hà Nội"),
        ("UBND quận Hai Bà Trưng", "UBND thành phố Lai Châu, Lai Châu")]
    assert len(table(output, TASKS)) == 92
    problems = table(output, PROBLEMS)
    # TH Đoàn Kết of Lai Châu and of Hà Nội are two schools: on the shared-names sheet, not a warning line
    assert [row[2] for row in problems] == ["Kế hoạch có lỗi", "Năm khác đa số", "Năm khác đa số"]
    assert table(output, NAMES) == [[1, "TH Đoàn Kết", 2, 2, "UBND thành phố Lai Châu, Lai Châu; "
                                                             "UBND quận Hai Bà Trưng, Hà Nội"]]


def test_total_row_holds_formulas(make_plan, tmp_path: Path) -> None:
    paths = [make_plan(district("UBND quận A")), make_plan(district("UBND quận B", rename=OTHER_NAMES))]
    output = consolidate(paths, tmp_path / "tinh.xlsx").output
    book = open_book(output)
    grid = book.grid(SUMMARY)
    formulas = {cell: formula for cell, formula in grid.formulas.items()}
    total_row = max(row for row, _ in formulas)
    assert formulas[(total_row, 7)] == "SUM(G8:G9)"
    assert grid.value(total_row, 7) == 6
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
    assert schools[0][1:11] == ["UBND quận Thử Nghiệm", "Hà Nội", "TH Kim Đồng", "Tiểu học", "Phường Một",
                                "Công nhận mới", "Mức độ 1", "Cấp độ 2", "Quý III/2023", 1500]
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
                                            "UBND quận A, Hà Nội (Phường Một); UBND quận B, Hà Nội (Phường Một).")
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
    # the command to run is the terminal's advice, not part of the problem the workbook and the JSON hold
    assert "chuanqg-xl" not in errors[0].message
    assert f'Xem chi tiết: chuanqg-xl check "{broken}"' in result.to_text()
    book = openpyxl.load_workbook(tmp_path / "tinh.xlsx", read_only=True)
    cells = [str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value]
    assert any("V004" in cell for cell in cells) and not any("chuanqg-xl check" in cell for cell in cells)


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
    assert caught.value.key == "error.folder_missing"
    assert str(caught.value).count("..") == 0 and "khong-co' không tồn tại" in str(caught.value)


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
    assert "Vấn đề cần xem (3):" in lines
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
    assert open_book(result.output).sheet_names == ["Districts", "Schools", "Timelines", "Problems", "Shared names"]
    assert result.to_text().startswith("Consolidated 1/1 file(s) into")


# ---------------------------------------------------------------- the national scale: processes, identity, report


def in_province(unit: str, province: str, number: str, day: int = 10, rename: dict[str, str] | None = None):
    """A district of a province, with its own plan number and date."""
    def change(data: PlanData) -> None:
        district(unit, rename=rename)(data)
        data.meta["province"] = province
        data.meta["number"] = number
        data.meta["date"] = data.meta["date"].replace(day=day)
    return change


def outcome(result) -> tuple:
    return (result.districts, result.problems, result.skipped, result.same_names, result.majority_year,
            result.exit_code, result.to_text())


def test_worker_processes_give_what_one_process_gives(make_plan, tmp_path: Path) -> None:
    folder = tmp_path / "tinh"
    folder.mkdir()
    paths = [make_plan(in_province(f"UBND huyện Số {index}", "Cao Bằng" if index % 2 else "Nam Định",
                                   f"{index}/KH-UBND", rename=OTHER_NAMES if index % 3 else None),
                       name=f"{index:02}.xlsx") for index in range(1, 10)]
    for path in paths:
        shutil.move(path, folder / path.name)
    (folder / "05b-hong.xlsx").write_bytes(b"PK\x03\x04 broken")
    shutil.copy2(folder / "03.xlsx", folder / "03b-gui-lai.xlsx")
    one = consolidate([folder], tmp_path / "mot.xlsx", jobs=1)
    two = consolidate([folder], tmp_path / "hai.xlsx", jobs=2)
    assert (one.jobs, two.jobs) == (1, 2)
    assert [d.path.name for d in two.districts][:4] == ["01.xlsx", "02.xlsx", "03.xlsx", "03b-gui-lai.xlsx"]
    assert outcome(one)[:-1] == outcome(two)[:-1]
    assert one.to_text().replace("mot.xlsx", "hai.xlsx") == two.to_text()
    assert {problem.kind for problem in two.problems} == {"unreadable", "duplicate_unit", "duplicate_school"}
    assert (tmp_path / "mot.xlsx").read_bytes() == (tmp_path / "hai.xlsx").read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker memory limits are set on Linux")
def test_a_file_that_exhausts_its_worker_is_reported_and_the_run_goes_on(make_plan, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Within the guard's limits (5.2 million cells) but far beyond what a district needs: the worker that
    reads it runs out of its memory (MemoryError, or the library aborts it); only this file is left out."""
    from chuanqg_xl import workers

    folder = tmp_path / "tinh"
    folder.mkdir()
    for index in range(1, 8):
        shutil.move(make_plan(in_province(f"UBND huyện Số {index}", "Cao Bằng", f"{index}/KH-UBND",
                                          rename={"TH Kim Đồng": f"TH Số {index}", "THCS Tây Sơn": f"THCS {index}",
                                                  "MN Hoa Sen": f"MN {index}"})),
                    folder / f"{index}.xlsx")
    shutil.move(make_plan(in_province("UBND huyện Lớn", "Cao Bằng", "99/KH-UBND"),
                          edits={(L.SCHOOLS.name, "Z200000"): 1}), folder / "4b-lon.xlsx")
    monkeypatch.setattr(workers, "WORKER_MEMORY_LIMIT", 150 * 2**20)
    result = consolidate([folder], tmp_path / "tinh.xlsx", jobs=2)
    assert len(result.districts) == 7
    assert [(problem.kind, Path(problem.path).name) for problem in result.problems] == [("unreadable", "4b-lon.xlsx")]
    assert "tiến trình đọc tệp này bị hệ thống dừng" in result.problems[0].message or \
        "không đủ bộ nhớ" in result.problems[0].message


def test_diacritics_tell_districts_apart(make_plan, tmp_path: Path) -> None:
    """'Thạnh Sơn' and 'Thanh Sơn' are two places, in one province or in two; neither is a district sent twice."""
    paths = [make_plan(in_province("UBND huyện Thạnh Sơn", "Cao Bằng", "5/KH-UBND")),
             make_plan(in_province("UBND huyện Thanh Sơn", "Nam Định", "6/KH-UBND", rename=OTHER_NAMES)),
             make_plan(in_province("UBND huyện Thanh Sơn", "Cao Bằng", "7/KH-UBND",
                                   rename={"TH Kim Đồng": "TH A", "THCS Tây Sơn": "THCS A", "MN Hoa Sen": "MN A"}))]
    result = consolidate(paths, tmp_path / "tinh.xlsx")
    assert [problem.kind for problem in result.problems] == []
    assert len({district.key for district in result.districts}) == 3


def test_same_name_in_two_provinces_is_two_districts(make_plan, tmp_path: Path) -> None:
    """Nine provinces have a huyện Châu Thành: same unit, same plan number and date, other provinces."""
    a = make_plan(in_province("UBND huyện Châu Thành", "Tiền Giang", "12/KH-UBND"))
    b = make_plan(in_province("UBND huyện Châu Thành", "Bến Tre", "12/KH-UBND"))
    result = consolidate([a, b], tmp_path / "tinh.xlsx")
    assert result.problems == []   # not a district twice, and their schools are namesakes in two provinces
    assert [same.districts for same in result.same_names] == [2, 2, 2]
    assert result.same_names[0].provinces == 2
    assert [district.flags for district in result.districts] == [[], []]


def test_a_school_name_in_two_districts_is_a_warning_only_within_one_province(make_plan, tmp_path: Path) -> None:
    """A school belongs to one province: the same name in two of its districts may be one school counted twice;
    in two provinces it is two schools. A district whose province is not written may be either."""
    a = make_plan(in_province("UBND huyện Châu Thành", "Tiền Giang", "12/KH-UBND"))
    b = make_plan(in_province("UBND huyện Cái Bè", "Tiền Giang", "13/KH-UBND"))
    c = make_plan(in_province("UBND huyện Mỏ Cày Nam", "Bến Tre", "14/KH-UBND"))
    unknown = make_plan(in_province("UBND huyện Ba Tri", "", "15/KH-UBND"))
    same_province = consolidate([a, b, c], tmp_path / "ab.xlsx")
    assert [problem.kind for problem in same_province.problems] == ["duplicate_school"] * 3
    assert "UBND huyện Châu Thành, Tiền Giang (Phường Một); UBND huyện Cái Bè, Tiền Giang (Phường Một); " \
           "UBND huyện Mỏ Cày Nam, Bến Tre (Phường Một)" in same_province.problems[0].message
    apart = consolidate([a, c], tmp_path / "ac.xlsx")
    assert apart.problems == []
    # listed on the same-names sheet, with no warning line on the problems sheet either
    assert len(table(apart.output, NAMES)) == 3
    assert table(apart.output, PROBLEMS)[0][0] == "Không có vấn đề nào cần xem."
    warned = table(same_province.output, PROBLEMS)
    assert [row[1] for row in warned] == ["cảnh báo"] and "3 tên trường" in warned[0][-1]
    with_unknown = consolidate([a, unknown], tmp_path / "ad.xlsx")
    assert [problem.kind for problem in with_unknown.problems] == ["duplicate_school"] * 3
    assert [same.provinces for same in with_unknown.same_names] == [1, 1, 1]   # Tiền Giang, and one not written


def test_the_same_district_twice_is_recognised_as_written(make_plan, tmp_path: Path) -> None:
    """Same unit and province, whatever the tone-mark placement ('Hoà'/'Hòa'), case, spacing or an
    'UBND' written or not; and a file retyped under another unit name but with the same plan number and
    date in the same province."""
    first = make_plan(in_province("UBND huyện Hòa Vang", "Đà Nẵng", "21/KH-UBND"))
    retyped = make_plan(in_province("huyện  Hoà Vang", "Thành phố Đà Nẵng", "30/KH-UBND", day=20))
    renamed = make_plan(in_province("Phòng GD&ĐT Hoa Vang", "Đà Nẵng", "21/KH-UBND"))
    other = make_plan(in_province("UBND quận Hải Châu", "Đà Nẵng", "21/KH-UBND", day=11, rename=OTHER_NAMES))
    result = consolidate([first, retyped, renamed, other], tmp_path / "tinh.xlsx")
    duplicates = [problem for problem in result.problems if problem.kind == "duplicate_unit"]
    assert len(duplicates) == 1
    assert "plan1.xlsx, plan2.xlsx, plan3.xlsx" in duplicates[0].message
    assert "cùng số kế hoạch 21/KH-UBND ngày 10/01/2023" in duplicates[0].message
    assert not any(problem.kind == "duplicate_school" for problem in result.problems)   # one district's schools
    assert [district.flags for district in result.districts][:3] == [["Đơn vị có nhiều tệp"]] * 3
    assert result.districts[3].flags == []
    assert consolidate([first, retyped], tmp_path / "hai.xlsx").problems[0].message.startswith(
        "Đơn vị 'UBND huyện Hòa Vang, Đà Nẵng' có 2 tệp (plan1.xlsx, plan2.xlsx)")


def test_a_number_and_date_shared_across_provinces_is_no_duplicate(make_plan, tmp_path: Path) -> None:
    a = make_plan(in_province("UBND huyện Một", "Hà Giang", "3/KH-UBND"))
    b = make_plan(in_province("UBND huyện Hai", "Cà Mau", "3/KH-UBND", rename=OTHER_NAMES))
    assert consolidate([a, b], tmp_path / "tinh.xlsx").problems == []


def many_districts(make_plan, count: int) -> list[Path]:
    """Districts of a few provinces whose lists share school names, some with errors."""
    paths = []
    for index in range(count):
        edits = {(L.BUDGET_NEW.name, "D4"): "một nghìn"} if index % 3 == 0 else None
        paths.append(make_plan(in_province(f"UBND huyện Số {index}", ("Sơn La", "Điện Biên", "Lai Châu")[index % 3],
                                           f"{index + 1}/KH-UBND"), edits=edits))
    return paths


def test_the_printed_report_fits_on_a_screen(make_plan, tmp_path: Path) -> None:
    result = consolidate(many_districts(make_plan, 14), tmp_path / "tinh.xlsx")
    lines = result.to_text().splitlines()
    assert len(lines) <= 25
    assert lines[1] == "  14 đơn vị (3 tỉnh), 42 trường, 28 nhiệm vụ; tổng kinh phí 25.800 triệu đồng."
    assert lines[2] == ("  Đơn vị có lỗi trong kế hoạch: 5/14 (60 lỗi); nhiều lỗi nhất: UBND huyện Số 0 (12), "
                        "UBND huyện Số 3 (12), UBND huyện Số 6 (12).")
    assert "  Kế hoạch có lỗi (5):" in lines and "    … và 2 vấn đề khác loại này" in lines
    assert "  Trường trùng giữa các đơn vị (3):" in lines
    assert any(line.startswith("Danh sách đầy đủ: trang 'Vấn đề cần xem' và 'Trường trùng tên'") for line in lines)
    assert not any(".xlsx: UBND" in line for line in lines)     # no line per district


def test_the_workbook_caps_cross_district_lists(make_plan, tmp_path: Path) -> None:
    result = consolidate(many_districts(make_plan, 6), tmp_path / "tinh.xlsx")
    names = table(result.output, NAMES)
    assert [row[:4] for row in names] == [[1, "TH Kim Đồng", 6, 3], [2, "THCS Tây Sơn", 6, 3],
                                          [3, "MN Hoa Sen", 6, 3]]
    assert names[0][4].startswith("UBND huyện Số 0, Sơn La (Phường Một); UBND huyện Số 1, Điện Biên (Phường Một)")
    schools = table(result.output, SCHOOLS)
    assert schools[0][12] == "5 nơi khác (xem trang 'Trường trùng tên')"
    problems = table(result.output, PROBLEMS)
    assert [row[2] for row in problems].count("Trường trùng giữa các đơn vị") == 1    # one line points to the sheet
    summary = table(result.output, SUMMARY)
    assert summary[1][33] == "3 trường trùng tên với đơn vị khác"


def test_cli_json_has_every_detail(make_plan, tmp_path: Path) -> None:
    import json

    paths = many_districts(make_plan, 14)
    result = run("consolidate", *map(str, paths), "-o", str(tmp_path / "tinh.xlsx"), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["districts"]) == 14 and data["districts"][0]["province"] == "Sơn La"
    assert [problem["kind"] for problem in data["problems"]].count("error_findings") == 5
    assert len(data["same_names"]) == 3 and len(data["same_names"][0]["places"]) == 14
    assert data["totals"] == {"schools": 42, "tasks": 28, "budget": 25800, "districts_with_errors": 5}


def test_json_text_is_what_json_dumps_writes(make_plan, tmp_path: Path) -> None:
    import json
    import math

    def standard(result) -> str:
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)

    result = consolidate(many_districts(make_plan, 6), tmp_path / "tinh.xlsx")
    assert len(result.same_names) == 3 and result.to_json() == standard(result)   # places written from parts
    result.districts[0].error_codes = ("X001",)   # a tuple: the standard encoder's own way (a list)
    assert result.to_json() == standard(result)
    result.districts[0].assigned = math.nan       # refused as json.dumps refuses it
    with pytest.raises(ValueError, match="Out of range float values"):
        result.to_json()


def test_cli_progress_on_a_pipe_is_plain_lines_to_the_end(tmp_path: Path) -> None:
    result = run("consolidate", str(SAMPLES), "-o", str(tmp_path / "tinh.xlsx"), "-j", "2")
    lines = result.stderr.splitlines()
    assert lines[0] == "Đang đọc kế hoạch các đơn vị: 0/5"
    assert "Đang đọc kế hoạch các đơn vị: 5/5 (100 %)" in lines
    assert lines[-1].startswith("Đang ghi tệp tổng hợp: ") and lines[-1].endswith("(100 %)")
