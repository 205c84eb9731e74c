"""The standard workbook as written by `new` and committed in workbook_templates/."""
from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan
from chuanqg_xl.errors import PlanError
from chuanqg_xl.reader import read_plan
from chuanqg_xl.template import TEMPLATE_PATH, new_workbook, write_blank_template


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_committed_template_matches_the_generator(tmp_path: Path) -> None:
    fresh = write_blank_template(tmp_path / "template.xlsx")
    committed, generated = parts(TEMPLATE_PATH), parts(fresh)
    assert sorted(committed) == sorted(generated)
    drifted = [name for name in committed if committed[name] != generated[name]]
    assert drifted == [], "regenerate with: python -c 'from chuanqg_xl.template import write_blank_template; " \
                          "write_blank_template()'"


def test_new_fills_the_metadata(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "plan.xlsx", unit="UBND quận Hai Bà Trưng", year=2023, number="38/KH-UBND")
    plan = read_plan(path)
    assert plan.meta.unit == "UBND quận Hai Bà Trưng" and plan.meta.year == 2023
    assert plan.meta.get("number") == "38/KH-UBND"
    assert plan.meta.get("money_unit") == "triệu đồng"
    assert plan.sheet_names == list(L.SHEET_ORDER)


def test_a_blank_workbook_has_no_findings(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "plan.xlsx", unit="UBND huyện Cao Lộc", year=2024)
    assert check_plan(path).findings == []


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"someone's work")
    with pytest.raises(PlanError):
        new_workbook(path, unit="UBND", year=2024)
    assert path.read_bytes() == b"someone's work"
    new_workbook(path, unit="UBND", year=2024, overwrite=True)
    assert read_plan(path).meta.year == 2024


def test_dropdowns_print_setup_and_derived_marking(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "plan.xlsx", unit="UBND", year=2024)
    workbook = openpyxl.load_workbook(path)
    schools = workbook[L.SCHOOLS.name]
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in schools.data_validations.dataValidation if dv.type == "list"}
    assert lists["C"] == '"Mầm non,Tiểu học,THCS,TH&THCS,THPT"'
    assert "Công nhận lại và nâng mức độ" in lists["E"]
    assert lists["F"] == '"Mức độ 1,Mức độ 2"'
    assert lists["G"].startswith('"Cấp độ 1')
    timeline = workbook[L.TIMELINE.name]
    assert any(dv.type == "list" and "Hoàn thành" in dv.formula1 for dv in timeline.data_validations.dataValidation)
    for name in (L.SCHOOLS.name, L.BUDGET_NEW.name, L.BUDGET_RENEW.name, L.TIMELINE.name):
        sheet = workbook[name]
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        # fitToWidth defaults to 1 in the schema, so xlsxwriter omits it; fitToHeight 0 = as many pages as needed
        assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$3"
    budget = workbook[L.BUDGET_NEW.name]
    assert budget["I3"].value == "Tổng cộng"
    assert budget["I4"].fill.fgColor.rgb.endswith("EDEDED")      # derived: grey
    assert budget["D4"].fill.fgColor.rgb in ("00000000", None)   # typed: no fill
    assert budget["B4"].font.name == "Times New Roman"
