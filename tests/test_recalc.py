"""recalc: right totals as formulas with cached values, findings shown in Excel, nothing else touched."""
from __future__ import annotations

import csv
import html
import datetime as dt
import hashlib
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import grids_of
from conftest import base_data, flat, set_cells
from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan
from chuanqg_xl.derive import analyse
from chuanqg_xl.errors import PlanError
from chuanqg_xl.reader import read_plan
from chuanqg_xl.recalc import recalc_plan
from chuanqg_xl.template import PlanData, write_workbook

SUM, PL1, PL2, PL3, TD = L.SUMMARY_NAME, L.SCHOOLS.name, L.BUDGET_NEW.name, L.BUDGET_RENEW.name, L.TIMELINE.name


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sheet_xml(path: Path, sheet: str) -> str:
    from conftest import sheet_part

    return parts(path)[sheet_part(path, sheet)].decode()


def test_recalc_fixes_totals_and_keeps_the_typed_value(make_plan) -> None:
    path = make_plan(edits={(PL2, "I6"): 1000})
    result = recalc_plan(path)
    assert [f.code for f in result.fixed] == ["A001"]
    assert flat(path) == []
    xml = sheet_xml(path, PL2)
    assert '<c r="I6" s=' in xml and "<f>SUM(I4:I5)</f><v>1500</v>" in xml
    plan = read_plan(path)
    assert [(entry.sheet, entry.cell, entry.old, entry.new) for entry in plan.review_log] == [(PL2, "I6", 1000, 1500)]
    comments = [xml for name, xml in parts(path).items() if name.startswith("xl/comments")]
    assert any("1000" in xml.decode() and 'ref="I6"' in xml.decode() for xml in comments)
    assert result.backup is not None and result.backup.exists()
    assert check_plan(result.backup).flat() == [("A001", PL2, "I6")]  # the backup is the old file


def test_recalc_writes_every_derived_cell_with_a_cached_value(make_plan) -> None:
    path = make_plan(derived=False)
    result = recalc_plan(path)
    facts = analyse(read_plan(path))
    assert result.written == len(facts.derived) > 50
    for item in facts.derived:
        assert item.actual_formula is not None, item.cell
        assert item.actual is not None and abs(float(item.actual) - item.value) < 1e-9, item.cell


def test_recalc_twice_gives_the_same_file(make_plan, tmp_path: Path) -> None:
    path = make_plan(edits={(PL2, "I6"): 1000, (PL1, "A5"): 7},
                     change=lambda d: d.tasks[1].update(school_count=9))
    recalc_plan(path)
    first = path.read_bytes()
    again = recalc_plan(path)
    assert again.changes == []
    assert path.read_bytes() == first
    assert [f.code for f in again.report.findings] == ["X008"]


def test_findings_are_marked_where_the_user_looks(make_plan) -> None:
    path = make_plan(change=lambda d: d.tasks[1].update(school_count=9))
    recalc_plan(path)
    xml = sheet_xml(path, TD)
    assert re.search(r'<conditionalFormatting sqref="F5"><cfRule type="expression" dxfId="\d+" priority="1">'
                     r'<formula>&quot;chuanqg-xl&quot;=&quot;chuanqg-xl&quot;</formula>', xml)
    assert "<legacyDrawing" in xml
    review = html.unescape(sheet_xml(path, L.REVIEW_NAME))
    assert "X008" in review and f"location=\"'{TD}'!F5\"" in review
    assert read_plan(path).sheet_names[-1] == L.REVIEW_NAME


def test_marks_are_removed_when_the_problem_is_fixed(make_plan) -> None:
    path = make_plan(change=lambda d: d.tasks[1].update(school_count=9))
    recalc_plan(path)
    set_cells(path, {(TD, "F5"): 1})
    recalc_plan(path)
    xml = sheet_xml(path, TD)
    assert "conditionalFormatting" not in xml and "legacyDrawing" not in xml
    assert not [name for name in parts(path) if name.startswith(("xl/comments", "xl/drawings/vml"))]
    assert "(không có)" in sheet_xml(path, L.REVIEW_NAME)


def test_sum_range_extended_after_rows_were_inserted(make_plan) -> None:
    def more_lines(data: PlanData) -> None:
        data.budget_new.append({"name": "TH Kim Đồng", "item": "Thư viện", "province": 250})

    path = make_plan(more_lines, edits={(PL2, "I7"): "=SUM(I4:I5)", (PL2, "D7"): "=SUM(D4:D5)"})
    assert ("A002", PL2, "I7") in flat(path)
    recalc_plan(path)
    xml = sheet_xml(path, PL2)
    assert "<f>SUM(I4:I6)</f><v>1750</v>" in xml and "<f>SUM(D4:D6)</f><v>1250</v>" in xml
    assert "A002" not in {code for code, _, _ in flat(path)}


def test_output_option_leaves_the_input_untouched(make_plan, tmp_path: Path) -> None:
    path = make_plan(edits={(PL2, "I6"): 1000})
    before = digest(path)
    out = tmp_path / "out" / "plan-moi.xlsx"
    out.parent.mkdir()
    result = recalc_plan(path, out)
    assert digest(path) == before and result.output == out and result.backup is None
    assert flat(out) == []


def test_refuses_while_the_file_is_open_in_excel(make_plan) -> None:
    path = make_plan()
    before = digest(path)
    lock = path.with_name("~$" + path.name)
    lock.write_bytes(b"\x06Co Lan" + b"\x00" * 40)
    with pytest.raises(PlanError) as caught:
        recalc_plan(path)
    assert "đang được mở" in str(caught.value) and "Co Lan" in str(caught.value)
    assert digest(path) == before and not path.with_name(path.stem + ".bak.xlsx").exists()


def test_legacy_xls_is_written_as_a_new_xlsx(tmp_path: Path) -> None:
    from builders import write_xls

    base = write_workbook(tmp_path / "base.xlsx", base_data(), derived=False)
    source = write_xls(tmp_path / "plan.xls", grids_of(base))
    before = digest(source)
    result = recalc_plan(source)
    assert result.output == tmp_path / "plan.xlsx" and digest(source) == before
    assert flat(result.output) == []


# ---------------------------------------------------------------- nothing else changes

def _tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def rich_workbook(tmp_path: Path) -> Path:
    """A plan made in 'Excel' with a picture, a chart, a dropdown, a comment, merged cells and a defined name."""
    import xlsxwriter

    base = write_workbook(tmp_path / "base.xlsx", base_data(), derived=False)
    sheets = grids_of(base)
    png = tmp_path / "logo.png"
    png.write_bytes(_tiny_png())
    path = tmp_path / "rich.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    bold = workbook.add_format({"bold": True, "bg_color": "#FFF2CC"})
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value in ("", None):
                    continue
                if isinstance(value, (dt.date, dt.datetime)):
                    sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day))
                else:
                    sheet.write(r, c, value)
        if name == PL1:
            sheet.insert_image("M2", str(png))
            sheet.data_validation("C4:C6", {"validate": "list", "source": list(L.LEVELS.values)})
            sheet.write_comment("B4", "Trường điểm của quận", {"author": "Cô Lan"})
            sheet.merge_range("K5:K6", "Hai trường cùng phường", bold)
        if name == PL2:
            chart = workbook.add_chart({"type": "column"})
            chart.add_series({"values": f"='{PL2}'!$D$4:$D$5", "name": "Ngân sách tỉnh"})
            sheet.insert_chart("L2", chart)
    workbook.define_name("DanhSach", f"='{PL1}'!$B$4:$B$6")
    workbook.close()
    return path


def test_pictures_charts_dropdowns_comments_and_merges_survive(tmp_path: Path) -> None:
    path = rich_workbook(tmp_path)
    before = parts(path)
    set_cells(path, {(PL2, "I6"): 999})  # something to fix, so the sheets are rewritten
    before = parts(path)
    recalc_plan(path)
    after = parts(path)
    for name in before:
        if name.startswith(("xl/media/", "xl/charts/", "xl/drawings/drawing", "xl/drawings/_rels/", "xl/theme/")):
            assert after.get(name) == before[name], name
    assert sum(1 for name in after if name.startswith("xl/media/")) == 1
    pl1 = sheet_xml(path, PL1)
    old_pl1 = before[[n for n in before if n.endswith("sheet3.xml")][0]].decode()
    for element in ("dataValidations", "mergeCells", "drawing"):
        old = re.search(rf"<{element}\b.*?(?:</{element}>|/>)", old_pl1).group(0)
        assert old in pl1, element
    comments = [xml.decode() for name, xml in after.items() if name.startswith("xl/comments")]
    assert any("Trường điểm của quận" in xml and "Cô Lan" in xml for xml in comments)
    assert b"DanhSach" in after["xl/workbook.xml"]
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    assert workbook[PL1]["B4"].comment.author == "Cô Lan"
    assert "K5:K6" in {str(rng) for rng in workbook[PL1].merged_cells.ranges}
    assert flat(path) == []


@st.composite
def random_plans(draw) -> tuple[PlanData, dict]:
    data = base_data()
    prefixes = ["TH", "THCS", "MN", "TH&THCS"]
    names = draw(st.lists(st.sampled_from(["An", "Bình", "Cường", "Dũng", "Hòa", "Kim", "Lạc", "Minh"]),
                          min_size=1, max_size=6, unique=True))
    data.schools = []
    for index, word in enumerate(names):
        prefix = prefixes[index % len(prefixes)]
        data.schools.append({"name": f"{prefix} {word}", "kind": draw(st.sampled_from(L.KINDS.values)),
                             "standard_level": draw(st.sampled_from(["Mức độ 1", "Mức độ 2", None])),
                             "timing": draw(st.sampled_from(["Quý III/2023", "Quý IV/2023", "Đợt 1", ""]))})
    amounts = st.one_of(st.none(), st.integers(0, 5000), st.floats(0, 5000, allow_nan=False).map(lambda x: round(x, 3)),
                        st.sampled_from(["1.000", "abc"]))
    lines = []
    for school in data.schools:
        for _ in range(draw(st.integers(0, 3))):
            lines.append({"name": school["name"], "item": "Hạng mục", "province": draw(amounts),
                          "district": draw(amounts), "social": draw(amounts)})
    data.budget_new = [line for line in lines if draw(st.booleans())]
    data.budget_renew = [line for line in lines if line not in data.budget_new]
    data.tasks[0]["schools"] = "; ".join(school["name"] for school in data.schools[:2])
    typed = draw(st.dictionaries(st.sampled_from([(PL2, "I4"), (PL1, "J4"), (SUM, "C6"), (SUM, "C14"), (PL1, "A4")]),
                                 st.integers(0, 99), max_size=3))
    return data, typed


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=random_plans())
def test_recalc_changes_only_derived_cells(case, tmp_path_factory) -> None:
    data, typed = case
    folder = tmp_path_factory.mktemp("prop")
    path = write_workbook(folder / "plan.xlsx", data, derived=False)
    if typed:
        set_cells(path, typed)
    before = grids_of(path)
    facts = analyse(read_plan(path))
    derived = {(item.sheet, item.row, item.col) for item in facts.derived}
    recalc_plan(path)
    after = grids_of(path)
    for sheet, rows in before.items():
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if (sheet, r, c) in derived:
                    continue
                new_rows = after[sheet]
                new = new_rows[r - 1][c - 1] if r <= len(new_rows) and c <= len(new_rows[r - 1]) else ""
                assert new == value, (sheet, r, c)
    again = analyse(read_plan(path))
    for item in again.derived:
        assert item.actual is not None and abs(float(item.actual) - item.value) < 1e-9
    assert recalc_plan(path).changes == []


# ---------------------------------------------------------------- an independent spreadsheet engine

def _libreoffice_values(path: Path, folder: Path) -> dict[str, list[list[str]]]:
    """LibreOffice's own results: cached values removed, so it must compute every formula itself."""
    stripped = folder / "stripped.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1", data)
            target.writestr(name, data)
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
                    "--outdir", str(folder), str(stripped)], check=True, capture_output=True, timeout=180)
    values = {}
    for sheet in (SUM, PL1, PL2, PL3, TD):
        with open(folder / f"stripped-{sheet}.csv", encoding="utf-8") as handle:
            values[sheet] = list(csv.reader(handle))
    return values


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_cached_values_equal_what_libreoffice_computes(tmp_path: Path) -> None:
    data = base_data()
    data.schools.append({"name": "TH&THCS Sùng Phài", "kind": "Công nhận mới", "standard_level": "Mức độ 1",
                         "timing": "Quý IV/2023"})
    data.budget_new.append({"name": "TH&THCS Sùng Phài", "item": "Nhà đa năng", "province": 1234.567,
                            "social": "1.000"})
    data.tasks[1]["schools"] = "Quý IV/2023; TH Kim Đồng"
    path = write_workbook(tmp_path / "plan.xlsx", data, derived=False)
    set_cells(path, {(PL2, "I7"): 1, (SUM, "C6"): 5})
    recalc_plan(path)
    facts = analyse(read_plan(path))
    computed = _libreoffice_values(path, tmp_path)
    checked = 0
    for item in facts.derived:
        text = computed[item.sheet][item.row - 1][item.col - 1]
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
        assert value == pytest.approx(item.value, abs=1e-9), (item.sheet, item.cell, item.formula, text)
        checked += 1
    assert checked == len(facts.derived) > 60


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_distinct_and_group_counts_equal_what_libreoffice_computes(tmp_path: Path) -> None:
    """Funded schools counted by SUMPRODUCT/COUNTIFS: a name merged down its lines, a blank row inside the
    appendix, a school's lines split by another's, a task naming two batches."""
    from builders import write_xlsx

    data = base_data()
    data.budget_new.append({"name": "TH Kim Đồng", "item": "Thư viện", "province": 50})
    data.budget_renew = [{"name": "THCS Tây Sơn", "item": "Sửa chữa", "district": 500},
                         {"name": "MN Hoa Sen", "item": "Thiết bị", "social": 200},
                         {"name": "THCS Tây Sơn", "item": "Thiết bị", "district": 20}]
    data.tasks[1]["schools"] = "Quý III/2023; Quý IV/2023"
    sheets = grids_of(write_workbook(tmp_path / "source.xlsx", data, derived=False))
    sheets[PL2][4][1] = ""                                   # B5 lies under the merge B4:B5
    sheets[PL2].insert(5, [""] * len(sheets[PL2][3]))        # a blank row before the third line
    path = write_xlsx(tmp_path / "plan.xlsx", sheets, {PL2: ["B4:B5"]})
    recalc_plan(path)
    facts = analyse(read_plan(path))
    counts = {item.cell: item for item in facts.derived if item.sheet == SUM and item.row in (18, 19)}
    assert (counts["C18"].value, counts["C19"].value) == (1, 2)
    assert all(item.formula.startswith("SUMPRODUCT(") for item in counts.values())
    task = next(item for item in facts.derived if (item.sheet, item.cell) == (TD, "G5"))
    assert task.value == 3 and task.formula.count("COUNTIFS(") == 2
    computed = _libreoffice_values(path, tmp_path)
    for item in facts.derived:
        text = computed[item.sheet][item.row - 1][item.col - 1]
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
        assert value == pytest.approx(item.value, abs=1e-9), (item.sheet, item.cell, item.formula, text)


def test_a_users_own_sheet_called_kiem_tra_is_kept(tmp_path: Path) -> None:
    base = write_workbook(tmp_path / "base.xlsx", base_data(), derived=False)
    from builders import write_xlsx

    sheets = grids_of(base)
    sheets["Kiểm tra"] = [["Ghi chép kiểm tra của tổ chuyên môn"], ["Đã đi thực tế 3 trường"]]
    path = write_xlsx(tmp_path / "plan.xlsx", sheets)
    recalc_plan(path)
    plan = read_plan(path)
    assert plan.sheet_names[-2:] == ["Kiểm tra", L.REVIEW_FALLBACK_NAME]
    assert plan.review_sheet == L.REVIEW_FALLBACK_NAME
    assert grids_of(path)["Kiểm tra"][1][0] == "Đã đi thực tế 3 trường"
    first = path.read_bytes()
    recalc_plan(path)
    assert path.read_bytes() == first


def test_the_review_sheet_added_to_an_openpyxl_workbook_is_well_formed(tmp_path: Path) -> None:
    """openpyxl declares the relationships namespace on each <sheet>, not on <workbook>: the sheet recalc adds
    must declare it too, or Excel and LibreOffice refuse the file ('unbound prefix')."""
    import xml.etree.ElementTree as ET

    from builders import write_xlsx

    path = write_xlsx(tmp_path / "plan.xlsx", grids_of(write_workbook(tmp_path / "base.xlsx", base_data())))
    assert b'xmlns:r=' not in parts(path)["xl/workbook.xml"].split(b"<sheets>")[0]
    set_cells(path, {(PL2, "I6"): 1})
    recalc_plan(path)
    for name, data in parts(path).items():
        if name.endswith((".xml", ".rels", ".vml")) or name == "[Content_Types].xml":
            ET.fromstring(data)   # raises on an unbound prefix
    assert read_plan(path).review_sheet == L.REVIEW_NAME


def test_an_open_input_can_still_be_recalculated_to_another_file(make_plan, tmp_path: Path) -> None:
    path = make_plan()
    path.with_name("~$" + path.name).write_bytes(b"\x03abc")
    result = recalc_plan(path, tmp_path / "other.xlsx")
    assert result.output.exists()


VBA = b"\xd0\xcf\x11\xe0 not really VBA, but bytes that must survive"


def _as_macro_workbook(source: Path, path: Path, vba: bytes = VBA) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace(b"</Types>", b'<Default Extension="bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.microsoft'
                                    b'.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
                                    b"</Relationships>")
            new.writestr(name, data)
        new.writestr("xl/vbaProject.bin", vba)
    return path


def test_macro_workbook_keeps_its_vba_project(make_plan, tmp_path: Path) -> None:
    vba = VBA
    path = _as_macro_workbook(make_plan(edits={(PL2, "I6"): 1}), tmp_path / "plan.xlsm")
    plan = read_plan(path)
    assert plan.format == "xlsm"
    result = recalc_plan(path)
    assert result.output == path
    assert parts(path)["xl/vbaProject.bin"] == vba
    assert b"vbaProject" in parts(path)["xl/_rels/workbook.xml.rels"]
    assert flat(path) == []


def test_a_macro_workbook_is_recalculated_to_an_xlsm_only(make_plan, tmp_path: Path) -> None:
    """Its VBA is kept, so under .xlsx Excel would refuse it ('format or extension not valid')."""
    path = _as_macro_workbook(make_plan(edits={(PL2, "I6"): 1}), tmp_path / "plan.xlsm")
    with pytest.raises(PlanError) as caught:
        recalc_plan(path, tmp_path / "ra.xlsx")
    assert "phải có đuôi .xlsm" in caught.value.message("vi") and "'ra.xlsm'" in caught.value.message("vi")
    assert not (tmp_path / "ra.xlsx").exists()
    assert recalc_plan(path, tmp_path / "ra.xlsm").output.exists()
    with pytest.raises(PlanError):
        recalc_plan(make_plan(), tmp_path / "khac.xlsm")   # and a plain workbook is not named as a macro one
