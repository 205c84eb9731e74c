"""export: the submission workbook, its print settings, the machine-readable tables, refusal, CLI, PDF."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from chuanqg_xl import export as E
from chuanqg_xl.cli import main
from chuanqg_xl.errors import PlanError
from chuanqg_xl.export import export_plan
from chuanqg_xl.export_book import MONEY_FORMAT
from chuanqg_xl.template import PlanData

ALL_SHEETS = ["Phụ lục 1", "Phụ lục 2", "Phụ lục 3", "Tiến độ", "Biểu đồ tiến độ", "Tổng hợp"]
FILL = "FF4472C4"


def values(sheet) -> list[object]:
    return [cell.value for row in sheet.iter_rows() for cell in row if cell.value not in (None, "")]


def find(sheet, value: object) -> tuple[int, int]:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == value:
                return cell.row, cell.column
    raise AssertionError(f"{value!r} not in {sheet.title}")


def row_values(sheet, row: int) -> list[object]:
    return [cell.value for cell in sheet[row] if cell.value not in (None, "")]


def export(make_plan, tmp_path: Path, change=None, **options) -> tuple[Path, E.ExportResult]:
    source = make_plan(change)
    result = export_plan(source, tmp_path / "phu-luc.xlsx", **options)
    return source, result


def add_error(data: PlanData) -> None:
    """X008: the task says 5 schools but names a quarter with one."""
    data.tasks[1]["school_count"] = 5


# ---------------------------------------------------------------- structure

def test_one_sheet_per_appendix_with_the_decree_head(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path)
    assert result.sheets == ALL_SHEETS
    book = openpyxl.load_workbook(result.output)
    assert book.sheetnames == ALL_SHEETS
    attached = "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2023 của UBND quận Thử Nghiệm)"
    for sheet in book.worksheets:
        found = values(sheet)
        assert found[:4] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUẬN THỬ NGHIỆM",
                             "Độc lập - Tự do - Hạnh phúc"], sheet.title
        assert attached in found, sheet.title
        assert sheet["A1"].font.name == "Times New Roman"
        # The issuing body is top left, the national title top right.
        assert find(sheet, "ỦY BAN NHÂN DÂN") == (1, 1)
        assert find(sheet, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[1] > 1
    assert {"PHỤ LỤC 1", "DANH SÁCH TRƯỜNG XÂY DỰNG ĐẠT CHUẨN QUỐC GIA NĂM 2023"} <= set(values(book["Phụ lục 1"]))
    assert {"PHỤ LỤC 2", "KINH PHÍ ĐẦU TƯ CÁC TRƯỜNG CÔNG NHẬN MỚI NĂM 2023", "ĐVT: triệu đồng"} <= set(
        values(book["Phụ lục 2"]))
    assert {"PHỤ LỤC 3", "KINH PHÍ ĐẦU TƯ CÁC TRƯỜNG CÔNG NHẬN LẠI, NÂNG MỨC ĐỘ NĂM 2023"} <= set(
        values(book["Phụ lục 3"]))
    assert {"TIẾN ĐỘ THỰC HIỆN", "Xây dựng trường đạt chuẩn quốc gia năm 2023"} <= set(values(book["Tiến độ"]))
    assert "TỔNG HỢP CHỈ TIÊU XÂY DỰNG TRƯỜNG ĐẠT CHUẨN QUỐC GIA NĂM 2023" in values(book["Tổng hợp"])


def test_header_texts_and_no_helper_columns_or_marks(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path)
    book = openpyxl.load_workbook(result.output)
    pl1 = book["Phụ lục 1"]
    header_row, _ = find(pl1, "STT")
    # Empty optional columns (Đã đầu tư trước, Ghi chú) are left out; the budget column stays.
    assert row_values(pl1, header_row) == ["STT", "Tên trường", "Cấp học", "Xã/Phường", "Hình thức công nhận",
                                           "Mức độ", "Cấp độ kiểm định", "Thời gian dự kiến",
                                           "Kinh phí (triệu đồng)"]
    timeline = book["Tiến độ"]
    header_row, _ = find(timeline, "Thời gian")
    assert row_values(timeline, header_row) == ["Thời gian", "Nội dung nhiệm vụ", "Đơn vị chủ trì",
                                                "Đơn vị phối hợp", "Trường liên quan", "Số trường", "Hạn hoàn thành",
                                                "Trạng thái", "Ngày hoàn thành"]
    everything = [value for sheet in book.worksheets for value in values(sheet)]
    assert "Số trường nêu tên" not in everything
    assert "Kiểm tra" not in book.sheetnames
    for sheet in book.worksheets:
        assert not sheet.conditional_formatting, sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)   # values, not formulas
                assert cell.comment is None


def test_budget_appendices_are_grouped_by_school_with_totals(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path)
    book = openpyxl.load_workbook(result.output)
    pl2 = book["Phụ lục 2"]
    top, _ = find(pl2, "TT")
    assert row_values(pl2, top) == ["TT", "Tên trường, hạng mục đầu tư", "Tổng kinh phí",
                                    "Chia theo nguồn kinh phí"]
    assert row_values(pl2, top + 1) == ["Ngân sách tỉnh", "Ngân sách huyện"]   # unused sources left out
    body = [row_values(pl2, row) for row in range(top + 2, top + 6)]
    assert body == [["I", "TH Kim Đồng", 1500, 1000, 500],
                    [1, "Phòng học bộ môn", 1300, 1000, 300],
                    [2, "Nhà vệ sinh", 200, 200],
                    ["TỔNG CỘNG", 1500, 1000, 500]]
    assert pl2.cell(top + 2, 1).font.b and pl2.cell(top + 5, 2).font.b
    assert pl2.cell(top + 2, 3).number_format == MONEY_FORMAT
    assert "#,##0" in MONEY_FORMAT
    pl3 = book["Phụ lục 3"]
    top, _ = find(pl3, "TT")
    body = [row_values(pl3, row) for row in range(top + 2, top + 7)]
    assert body == [["I", "THCS Tây Sơn", 500, 500],
                    [1, "Sửa chữa chống xuống cấp", 500, 500],
                    ["II", "MN Hoa Sen", 200, 200],
                    [1, "Thiết bị", 200, 200],
                    ["TỔNG CỘNG", 700, 500, 200]]
    pl1 = book["Phụ lục 1"]
    total_row, _ = find(pl1, "TỔNG CỘNG")
    assert row_values(pl1, total_row) == ["TỔNG CỘNG", 2200]
    assert "Danh sách gồm 03 trường: 01 công nhận mới, 01 công nhận lại, 01 nâng mức độ." in values(pl1)


def test_totals_are_recalculated_not_copied(make_plan, tmp_path: Path) -> None:
    """Stale or missing derived cells (fixed by recalc) do not block export; the values are recomputed."""
    source = make_plan(derived=False)
    result = export_plan(source, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(result.output)
    total_row, _ = find(book["Phụ lục 2"], "TỔNG CỘNG")
    assert row_values(book["Phụ lục 2"], total_row) == ["TỔNG CỘNG", 1500, 1000, 500]
    assert not result.errors


def test_summary_counts_keep_numbers_with_the_plan_style_format(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path)
    sheet = openpyxl.load_workbook(result.output)["Tổng hợp"]
    row, _ = find(sheet, "TỔNG CỘNG")
    # Công nhận mới, lại, nâng mức độ, tổng: chỉ tiêu giao then kế hoạch.
    assert row_values(sheet, row) == ["TỔNG CỘNG", 1, 1, 1, 1, 1, 1, 3, 3]
    assert sheet.cell(row, 2).number_format == '00;-00;"-"'
    assert {"Tỉ lệ trường đạt chuẩn cuối năm", "Quý III/2023"} <= set(values(sheet))
    rate_row, _ = find(sheet, "Tỉ lệ trường đạt chuẩn cuối năm")
    assert 0.55 in row_values(sheet, rate_row)
    batch_row, _ = find(sheet, "Quý III/2023")
    assert row_values(sheet, batch_row) == ["Quý III/2023", 1, 1, 2]


def test_print_settings(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path)
    book = openpyxl.load_workbook(result.output)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert int(setup.paperSize) == 9, sheet.title   # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        # Both default to 1 in OOXML (xlsxwriter then leaves them out); fitToHeight 0 = as many pages as needed.
        wide = 1 if setup.fitToWidth is None else int(setup.fitToWidth)
        high = 1 if setup.fitToHeight is None else int(setup.fitToHeight)
        pages_high = 1 if sheet.title == "Tổng hợp" else 0   # the summary's short tables fit one page
        assert (wide, high) == (1, pages_high), sheet.title
        margins = sheet.page_margins
        assert 20 <= margins.top * 25.4 <= 25 and 20 <= margins.bottom * 25.4 <= 25
        assert 30 <= margins.left * 25.4 <= 35 and 15 <= margins.right * 25.4 <= 20
        assert "&P" in sheet.oddHeader.center.text
        assert sheet.HeaderFooter.differentFirst   # no number on the first page (Nghị định 30)
        assert setup.useFirstPageNumber
    pl1 = book["Phụ lục 1"]
    header_row, _ = find(pl1, "STT")
    assert pl1.print_title_rows == f"${header_row}:${header_row}"
    pl2 = book["Phụ lục 2"]
    header_row, _ = find(pl2, "TT")
    assert pl2.print_title_rows == f"${header_row}:${header_row + 1}"   # the two header rows
    chart = book["Biểu đồ tiến độ"]
    header_row, _ = find(chart, "TT")
    assert chart.print_title_rows == f"${header_row}:${header_row + 1}"


def test_only_selects_appendices_and_empty_ones_are_skipped(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path, only="pl3, tong-hop")
    assert result.sheets == ["Phụ lục 3", "Tổng hợp"]

    def no_renew_budget(data: PlanData) -> None:
        data.budget_renew = []
        data.figures = {"year_end": 11, "rate": 0.55, "level2_year_end": 4}   # no stated budget to contradict

    _, result = export(make_plan, tmp_path, change=no_renew_budget)
    assert result.skipped == ["pl3"] and "Phụ lục 3" not in result.sheets
    _, result = export(make_plan, tmp_path, change=no_renew_budget, only=["pl3"])
    sheet = openpyxl.load_workbook(result.output)["Phụ lục 3"]
    total_row, _ = find(sheet, "TỔNG CỘNG")
    # An empty appendix still shows its every column: total and the five sources, all nil.
    assert row_values(sheet, total_row) == ["TỔNG CỘNG", 0, 0, 0, 0, 0, 0]
    with pytest.raises(PlanError, match="pl9"):
        export(make_plan, tmp_path, only="pl1,pl9")


def test_plan_date_written_as_the_decree_says(make_plan, tmp_path: Path) -> None:
    def in_march(data: PlanData) -> None:
        data.meta["date"] = dt.date(2023, 3, 4)

    _, result = export(make_plan, tmp_path, change=in_march, only="pl1")
    found = values(openpyxl.load_workbook(result.output)["Phụ lục 1"])
    assert "(Kèm theo Kế hoạch số 12/KH-UBND ngày 04 tháng 3 năm 2023 của UBND quận Thử Nghiệm)" in found


def test_issuer_by_advising_body_and_unknown_number(make_plan, tmp_path: Path) -> None:
    def by_office(data: PlanData) -> None:
        data.meta["number"] = "12/KH-PGDĐT"

    _, result = export(make_plan, tmp_path, change=by_office, only="pl1")
    found = values(openpyxl.load_workbook(result.output)["Phụ lục 1"])
    assert found[0] == "UBND QUẬN THỬ NGHIỆM" and "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" in found[:4]
    assert "(Kèm theo Kế hoạch số 12/KH-PGDĐT ngày 10 tháng 01 năm 2023 của Phòng Giáo dục và Đào tạo)" in found
    sheet = openpyxl.load_workbook(result.output)["Phụ lục 1"]
    assert sheet["A1"].font.b is not True and sheet["A2"].font.b   # governing body plain, issuer bold

    def draft(data: PlanData) -> None:
        del data.meta["number"]
        del data.meta["date"]

    _, result = export(make_plan, tmp_path, change=draft, only="pl1")
    found = values(openpyxl.load_workbook(result.output)["Phụ lục 1"])
    assert "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2023 của UBND quận Thử Nghiệm)" in found


def test_the_source_is_not_modified_and_cannot_be_the_output(make_plan, tmp_path: Path) -> None:
    source = make_plan()
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    export_plan(source, tmp_path / "out.xlsx", csv_dir=tmp_path / "csv", json_path=tmp_path / "t.json")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    with pytest.raises(PlanError, match="chính là tệp đầu vào"):
        export_plan(source, source)
    with pytest.raises(PlanError, match=r"\.xlsx"):
        export_plan(source, tmp_path / "out.xls")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


# ---------------------------------------------------------------- timeline chart

def test_chart_fills_each_tasks_months(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path, only="tien-do")
    assert result.sheets == ["Tiến độ", "Biểu đồ tiến độ"]
    chart = openpyxl.load_workbook(result.output)["Biểu đồ tiến độ"]
    _, first_month = find(chart, "T1")
    assert [chart.cell(find(chart, "T1")[0], first_month + offset).value for offset in range(12)] == [
        f"T{month}" for month in range(1, 13)]
    assert "Năm 2023" in values(chart)
    filled = {}
    for task in ("Rà soát điều kiện các trường", "Đón đoàn kiểm tra công nhận"):
        row, _ = find(chart, task)
        filled[task] = [offset + 1 for offset in range(12)
                        if chart.cell(row, first_month + offset).fill.fgColor.rgb == FILL]
    assert filled == {"Rà soát điều kiện các trường": [1], "Đón đoàn kiểm tra công nhận": [10, 11, 12]}


# ---------------------------------------------------------------- CSV, JSON

HOSTILE = {
    "note": '=HYPERLINK("http://evil.example","bấm")',
    "lead": "+cmd|' /C calc'!A0",
    "partners": "-2+3",
    "item": "@SUM(1+1)",
    "task": "\tRà soát",
}


def hostile(data: PlanData) -> None:
    data.schools[0]["note"] = HOSTILE["note"]
    data.tasks[0]["lead"] = HOSTILE["lead"]
    data.tasks[0]["partners"] = HOSTILE["partners"]
    data.budget_new[0]["item"] = HOSTILE["item"]


def test_csv_and_json_neutralise_formula_injection(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path, change=hostile, csv_dir=tmp_path / "csv", json_path=tmp_path / "t.json")
    assert sorted(path.name for path in result.csv_files) == sorted(
        f"{key}.csv" for key in ["pl1", "pl2", "pl3", "tien-do", "tong-hop", "chi-so", "dot-quy"])
    raw = (tmp_path / "csv" / "pl1.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")   # BOM: Excel reads the diacritics
    with open(tmp_path / "csv" / "pl1.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["stt", "name", "level"]
    assert rows[1][rows[0].index("note")] == "'" + HOSTILE["note"]
    with open(tmp_path / "csv" / "tien-do.csv", encoding="utf-8-sig", newline="") as handle:
        timeline = list(csv.DictReader(handle))
    assert timeline[0]["lead"] == "'" + HOSTILE["lead"]
    assert timeline[0]["partners"] == "'" + HOSTILE["partners"]
    text = (tmp_path / "csv" / "pl2.csv").read_text(encoding="utf-8-sig")
    assert f'"\'{HOSTILE["item"]}"' in text
    assert ",1000,300," in text                      # numbers stay numbers, unquoted
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["tables"]["pl1"]["rows"][0]["note"] == "'" + HOSTILE["note"]
    assert data["tables"]["pl2"]["rows"][0]["item"] == "'" + HOSTILE["item"]
    assert data["tables"]["pl2"]["rows"][0]["province"] == 1000
    assert data["meta"]["date"] == "2023-01-10"
    # In the workbook itself the text is text, not a formula or a link.
    sheet = openpyxl.load_workbook(result.output)["Tiến độ"]
    row, col = find(sheet, HOSTILE["lead"])
    assert sheet.cell(row, col).data_type == "s"
    assert not openpyxl.load_workbook(result.output)["Phụ lục 1"]._hyperlinks


def test_every_time_of_the_timeline_sits_alike(tmp_path: Path) -> None:
    """Kon Tum: 'Tháng 6/2023' (one task) and 'Tháng 12/2023' (merged over many) both top-aligned, centred."""
    samples = Path(__file__).resolve().parent.parent / "samples"
    result = export_plan(samples / "kon-tum-2023.xlsx", tmp_path / "kt.xlsx", only="tien-do", force=True)
    sheet = openpyxl.load_workbook(result.output)["Tiến độ"]
    times = {sheet.cell(row, 1).value: sheet.cell(row, 1).alignment for row in range(1, sheet.max_row + 1)
             if str(sheet.cell(row, 1).value or "").startswith("Tháng")}
    assert {"Tháng 6/2023", "Tháng 12/2023"} <= set(times)
    assert {(align.vertical, align.horizontal) for align in times.values()} == {("top", "center")}


# ---------------------------------------------------------------- refusal

def test_refuses_with_error_findings_and_lists_them(make_plan, tmp_path: Path) -> None:
    source = make_plan(add_error)
    output = tmp_path / "out.xlsx"
    with pytest.raises(PlanError) as caught:
        export_plan(source, output)
    message = str(caught.value)
    assert "X008" in message and "Tiến độ!" in message and "--force" in message
    assert len(message.splitlines()) <= 12
    assert not output.exists()
    result = export_plan(source, output, force=True)
    assert output.exists() and result.forced
    assert [finding.code for finding in result.errors] == ["X008"]


def test_refusal_lists_at_most_a_few_errors(make_plan, tmp_path: Path) -> None:
    def many(data: PlanData) -> None:
        for task in data.tasks:
            task["school_count"] = 9
        for index in range(12):
            data.tasks.append({"time": "Tháng 2/2023", "task": f"Việc {index}", "schools": "TH Kim Đồng",
                               "school_count": 4})

    with pytest.raises(PlanError) as caught:
        export_plan(make_plan(many), tmp_path / "out.xlsx")
    lines = str(caught.value).splitlines()
    assert len(lines) == 1 + E.MAX_LISTED_ERRORS + 2
    assert lines[-2].strip() == "… và 6 lỗi khác"


# ---------------------------------------------------------------- CLI

def test_cli_export(make_plan, tmp_path: Path) -> None:
    source = make_plan()
    output = tmp_path / "phu-luc.xlsx"
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(source), "-o", str(output), "--csv", str(tmp_path / "csv"),
                                  "--json", str(tmp_path / "t.json")])
    assert result.exit_code == 0, result.output
    assert f"Đã xuất 6 trang tính vào {output}" in result.output
    assert "Đã ghi 7 tệp CSV" in result.output and "Đã ghi JSON" in result.output
    assert openpyxl.load_workbook(output).sheetnames == ALL_SHEETS

    result = runner.invoke(main, ["export", str(source), "-o", str(output), "--only", "pl2,nope"])
    assert result.exit_code == 2 and "Không có phụ lục 'nope'" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["export", str(source)])
    assert result.exit_code == 2   # -o is required
    result = runner.invoke(main, ["export", "--help"])
    assert result.exit_code == 0 and "Ví dụ" in result.output and "--only" in result.output


def test_cli_export_prints_the_paths_as_typed(make_plan, tmp_path: Path, monkeypatch) -> None:
    source = make_plan()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(source), "-o", "phu-luc.xlsx", "--csv", "bang", "--json",
                                       "t.json"])
    assert result.exit_code == 0, result.output
    assert "vào phu-luc.xlsx:" in result.output and "vào bang\n" in result.output and "JSON: t.json" in result.output
    assert str(tmp_path) not in result.output


def test_cli_refuses_then_forces(make_plan, tmp_path: Path) -> None:
    source = make_plan(add_error)
    output = tmp_path / "phu-luc.xlsx"
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(source), "-o", str(output)])
    assert result.exit_code == 2 and "X008" in result.output and "--force" in result.output
    assert not output.exists()
    result = runner.invoke(main, ["export", str(source), "-o", str(output), "--lang", "en"])
    assert result.exit_code == 2 and "Not exporting" in result.output
    result = runner.invoke(main, ["export", str(source), "-o", str(output), "--force"])
    assert result.exit_code == 1
    assert "CẢNH BÁO" in result.output and "X008" in result.output and output.exists()


def test_cli_pdf_without_libreoffice(make_plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(E, "find_soffice", lambda: None)
    output = tmp_path / "phu-luc.xlsx"
    result = CliRunner().invoke(main, ["export", str(make_plan()), "-o", str(output), "--pdf"])
    assert result.exit_code == 2
    assert "Không tìm thấy LibreOffice" in result.output and "Traceback" not in result.output
    assert not output.exists()


# ---------------------------------------------------------------- PDF through LibreOffice

needs_soffice = pytest.mark.skipif(E.find_soffice() is None or shutil.which("pdfinfo") is None,
                                   reason="LibreOffice (soffice) or pdfinfo is not installed: no PDF to check")


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@needs_soffice
def test_pdf_has_one_page_per_appendix(make_plan, tmp_path: Path) -> None:
    _, result = export(make_plan, tmp_path, pdf=True)
    assert result.pdf == result.output.with_suffix(".pdf") and result.pdf.is_file()
    assert pdf_pages(result.pdf) == len(ALL_SHEETS)
    first = page_text(result.pdf, 1)
    assert "PHỤ LỤC 1" in first and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "2.200" in first   # Vietnamese thousands separator in the rendered total


@needs_soffice
def test_pdf_repeats_the_table_header_on_every_page(make_plan, tmp_path: Path) -> None:
    def long_timeline(data: PlanData) -> None:
        data.tasks = [{"time": f"Tháng {index % 12 + 1}/2023", "task": f"Nhiệm vụ số {index}: rà soát, báo cáo",
                       "lead": "Phòng GD&ĐT"} for index in range(70)]

    _, result = export(make_plan, tmp_path, change=long_timeline, only="tien-do", pdf=True)
    pages = pdf_pages(result.pdf)
    assert pages >= 4   # 70 tasks: the table and the chart each run over two pages or more
    for page in range(1, pages + 1):
        content = page_text(result.pdf, page)
        assert "Nội dung nhiệm vụ" in content, page
        lines = [line.strip() for line in content.splitlines() if line.strip()]
        if "ỦY BAN NHÂN DÂN" in content:
            assert not lines[0].isdigit()           # first page of an appendix: no number
        else:
            assert lines[0].isdigit() and int(lines[0]) >= 2   # later pages: the number on top


def test_a_csv_folder_that_is_a_file_is_refused_before_anything_is_written(make_plan, tmp_path: Path) -> None:
    """`--csv bang.csv` naming a file: exit 2 said so, but the appendices workbook had already been written."""
    blocker = tmp_path / "bang.csv"
    blocker.write_text("a,b\n", encoding="utf-8")
    output = tmp_path / "phu-luc.xlsx"
    result = CliRunner().invoke(main, ["export", str(make_plan()), "-o", str(output), "--csv", str(blocker)])
    assert result.exit_code == 2 and "không phải thư mục" in result.output, result.output
    assert not output.exists()
    assert blocker.read_text(encoding="utf-8") == "a,b\n"


def test_a_blank_plan_has_nothing_to_export(tmp_path: Path) -> None:
    """A fresh `new` workbook: its summary's rows are all zero, so it was exported as a 'Tổng hợp' of zeros;
    the refusal written for this case ('chưa có số liệu nào để xuất') could never be reached."""
    from chuanqg_xl.template import new_workbook

    blank = new_workbook(tmp_path / "moi.xlsx", unit="UBND quận Hai Bà Trưng", year=2023)
    output = tmp_path / "phu-luc.xlsx"
    with pytest.raises(PlanError) as caught:
        export_plan(blank, output)
    assert caught.value.key == "export.nothing" and not output.exists()
    assert export_plan(blank, output, only="tong-hop").sheets   # asked for by name: still written
